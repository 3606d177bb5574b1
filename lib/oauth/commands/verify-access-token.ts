import { errors, jwtVerify } from "jose";
import { oauthSigningKey } from "@/lib/core/crypto/oauth-signing-key";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { VerifiedToken } from "@/lib/tokens/commands/verify-token";
import { ipAllowed } from "@/lib/tokens/rules/ip-allowed";
import { scopeGranted, type TokenScope } from "@/lib/tokens/rules/scopes";
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from "./issue-access-token";

const invalid = () => new AppError(401, "invalid_token", "The access token is not valid.");

/**
 * Checks an OAuth access token for a scope and source address. Its client is read on every call,
 * so revoking the client, rotating its secret, narrowing its scopes or its allow-list take effect
 * on tokens already issued.
 */
export async function verifyAccessToken(
  jwt: string,
  scope: TokenScope,
  ip: string | null,
): Promise<VerifiedToken> {
  const key = oauthSigningKey();
  if (!key) throw invalid();
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(jwt, key, {
      algorithms: ["HS256"],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: "at+jwt",
      requiredClaims: ["sub", "iat", "exp", "scope", "rot"],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired)
      throw new AppError(401, "expired_token", "The access token has expired.");
    throw invalid();
  }
  if (typeof claims.sub !== "string" || typeof claims.scope !== "string") throw invalid();
  const row = await db.oAuthClient.findUnique({ where: { id: claims.sub } });
  if (!row) throw invalid();
  if (row.revokedAt) throw new AppError(401, "revoked_token", "The OAuth client was revoked.");
  if (row.expiresAt && row.expiresAt <= new Date())
    throw new AppError(401, "expired_token", "The OAuth client has expired.");
  if (claims.rot !== row.secretRotatedAt.getTime())
    throw new AppError(
      401,
      "revoked_token",
      "The access token was issued before the client's secret was rotated.",
    );
  if (!ipAllowed(ip, row.ipAllowList))
    throw new AppError(
      403,
      "ip_not_allowed",
      `Requests from ${ip ?? "an unknown address"} are not allowed for this client.`,
    );
  const granted = claims.scope.split(" ").filter((s) => row.scopes.includes(s));
  if (!scopeGranted(granted, scope))
    throw new AppError(403, "insufficient_scope", `The access token lacks the '${scope}' scope.`);
  return {
    kind: "client",
    id: row.id,
    name: row.name,
    scopes: granted,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
