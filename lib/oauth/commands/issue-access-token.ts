import { randomUUID, timingSafeEqual } from "node:crypto";
import { SignJWT } from "jose";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { oauthSigningKey } from "@/lib/core/crypto/oauth-signing-key";
import { db } from "@/lib/core/db";
import { envSection } from "@/lib/core/env";
import { ipAllowed } from "@/lib/tokens/rules/ip-allowed";
import { hashClientSecret, isClientIdFormat } from "../rules/client-credentials-format";
import { narrowScopes } from "../rules/narrow-scopes";
import { OAuthError } from "../rules/oauth-error";
import type { TokenRequest } from "../rules/parse-token-request";

export const ACCESS_TOKEN_ISSUER = "orgbridge";
export const ACCESS_TOKEN_AUDIENCE = "orgbridge-api-v1";

export type IssuedAccessToken = {
  clientRowId: string;
  accessToken: string;
  expiresIn: number;
  scope: string[];
};

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));

/**
 * The client credentials grant: authenticates the client by its secret and signs a short-lived
 * access token (HS256 JWT) with the scopes it asked for (all of its own when none). No command
 * context: the client is who acts, and it is only known once its secret checks out. The issue is
 * audited with the client as actor.
 */
export async function issueAccessToken(
  request: TokenRequest,
  ip: string | null,
): Promise<IssuedAccessToken> {
  const key = oauthSigningKey();
  if (!key)
    throw new OAuthError(
      "temporarily_unavailable",
      "The token endpoint is not configured (ORGBRIDGE_OAUTH_SIGNING_KEY is not set).",
      503,
    );
  const row = isClientIdFormat(request.clientId)
    ? await db.oAuthClient.findUnique({
        where: { clientId: request.clientId },
        omit: { secretHash: false },
      })
    : null;
  if (!row || !sameHash(row.secretHash, hashClientSecret(request.clientSecret)))
    throw new OAuthError("invalid_client", "Unknown client or wrong client secret.");
  if (row.revokedAt) throw new OAuthError("invalid_client", "The client was revoked.");
  if (row.expiresAt && row.expiresAt <= new Date())
    throw new OAuthError("invalid_grant", "The client's authorization has expired.");
  if (!ipAllowed(ip, row.ipAllowList))
    throw new OAuthError(
      "invalid_client",
      `Requests from ${ip ?? "an unknown address"} are not allowed for this client.`,
    );
  const scope = narrowScopes(request.scope, row.scopes);
  const ttl = envSection("oauth").OAUTH_ACCESS_TOKEN_TTL_SECONDS;
  const now = Math.floor(Date.now() / 1000);
  // Never outlive the client itself.
  const exp = Math.min(
    now + ttl,
    row.expiresAt ? Math.floor(row.expiresAt.getTime() / 1000) : Number.MAX_SAFE_INTEGER,
  );
  const jti = randomUUID();
  const accessToken = await new SignJWT({
    scope: scope.join(" "),
    client_id: row.clientId,
    rot: row.secretRotatedAt.getTime(),
  })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(row.id)
    .setJti(jti)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(key);
  await db.$transaction(async (tx) => {
    await tx.oAuthClient.update({
      where: { id: row.id },
      data: { lastUsedAt: new Date(), lastUsedIp: ip },
    });
    await recordAudit(
      tx,
      { type: "client", id: row.id, name: row.name, ip },
      {
        action: "oauth.token_issued",
        targetType: "oauth_client",
        targetId: row.id,
        after: { jti, scope, expiresAt: new Date(exp * 1000) },
      },
    );
  });
  return { clientRowId: row.id, accessToken, expiresIn: exp - now, scope };
}
