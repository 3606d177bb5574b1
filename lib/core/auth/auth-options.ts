import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/core/env";
import { endSession } from "@/lib/users/commands/end-session";
import { startSession } from "@/lib/users/commands/start-session";
import { touchSession } from "@/lib/users/commands/touch-session";
import { safeCallbackPath } from "./safe-callback-path";
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
 * The JWT carries the user id and a session id; roles are read from the User row
 * on every request (lib/core/auth/current-user.ts). The session id names a
 * UserSession row checked on every read, so sign-out, a role change and the idle
 * and absolute timeouts end a session server-side: a copied or kept cookie stops
 * working at once instead of living until the cookie expires.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_HOURS * 3600 },
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
        if (typeof id === "string") return { ...token, uid: id, sid: await startSession(id) };
        const { uid, sid, ...rest } = token;
        // A token whose session has ended keeps nothing that signs anyone in.
        if (typeof sid !== "string" || typeof uid !== "string") return rest;
        return (await touchSession(sid)) === uid ? token : rest;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid };
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
