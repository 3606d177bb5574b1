import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/core/env";
import { signInUser } from "./sign-in-user";

type OidcProfile = {
  sub: string;
  name?: string;
  email?: string;
  employee_no?: string;
  [claim: string]: unknown;
};

/**
 * next-auth with one OpenID Connect provider, configured only by OIDC_ISSUER /
 * OIDC_CLIENT_ID / OIDC_CLIENT_SECRET, so Keycloak, Entra ID, Okta or the
 * embedded IdP work unchanged.
 *
 * JWT sessions, not database sessions: app instances stay stateless and a page
 * needs no session lookup. The JWT carries only the user id; roles are read from
 * the User row on every request (lib/core/auth/current-user.ts), so a role override
 * or a removed user takes effect at once rather than when the cookie expires.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      {
        id: "oidc",
        name: "Company SSO",
        type: "oauth",
        wellKnown: `${e.OIDC_ISSUER}/.well-known/openid-configuration`,
        clientId: e.OIDC_CLIENT_ID,
        clientSecret: e.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: "openid email profile groups employee" } },
        idToken: true,
        checks: ["pkce", "state"],
        profile: (profile: OidcProfile) => ({
          id: profile.sub,
          name: profile.name ?? null,
          email: profile.email ?? null,
        }),
      },
    ],
    callbacks: {
      async signIn({ profile }) {
        if (!profile?.sub) return false;
        const p = profile as OidcProfile;
        const userId = await signInUser(
          {
            sub: p.sub,
            email: p.email,
            name: p.name,
            employeeNo: p.employee_no,
            groups: p[e.OIDC_ROLE_CLAIM],
          },
          { roleMap: e.OIDC_ROLE_MAP, unknownUsers: e.OIDC_UNKNOWN_USERS },
        );
        if (!userId) return "/signin?error=NotAnEmployee";
        (profile as OidcProfile).orgbridgeUserId = userId;
        return true;
      },
      async jwt({ token, profile }) {
        const id = (profile as OidcProfile | undefined)?.orgbridgeUserId;
        if (typeof id === "string") token.uid = id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid };
      },
    },
  };
}
