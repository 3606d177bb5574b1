import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { ipAllowed } from "../rules/ip-allowed";
import { scopeGranted, type TokenScope } from "../rules/scopes";
import { hashesEqual, hashToken, parseToken } from "../rules/token-format";

export type VerifiedToken = {
  kind: "token" | "client";
  id: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
};

/**
 * Checks an `Authorization: Bearer` token for a scope and source address.
 * Every refusal says why, with 401 (who are you?) or 403 (not allowed).
 */
export async function verifyToken(
  authorization: string | null,
  scope: TokenScope,
  ip: string | null,
): Promise<VerifiedToken> {
  const raw = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!raw)
    throw new AppError(401, "missing_token", "Send an API token as 'Authorization: Bearer obt_…'.");
  const parsed = parseToken(raw);
  if (!parsed)
    throw new AppError(401, "malformed_token", "The API token is not in the expected format.");
  const row = await db.apiToken.findUnique({
    where: { prefix: parsed.prefix },
    omit: { hash: false },
  });
  if (!row || !hashesEqual(row.hash, hashToken(raw)))
    throw new AppError(401, "invalid_token", "The API token is not valid.");
  if (row.revokedAt) throw new AppError(401, "revoked_token", "The API token was revoked.");
  if (row.expiresAt && row.expiresAt <= new Date())
    throw new AppError(401, "expired_token", "The API token has expired.");
  if (!ipAllowed(ip, row.ipAllowList))
    throw new AppError(
      403,
      "ip_not_allowed",
      `Requests from ${ip ?? "an unknown address"} are not allowed for this token.`,
    );
  if (!scopeGranted(row.scopes, scope))
    throw new AppError(403, "insufficient_scope", `The API token lacks the '${scope}' scope.`);
  // At most once a minute per token and address: concurrent calls of one integration all
  // updating its row would queue on that row's lock, one commit after another.
  const now = new Date();
  if (
    !row.lastUsedAt ||
    row.lastUsedIp !== ip ||
    now.getTime() - row.lastUsedAt.getTime() >= 60_000
  )
    await db.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } },
          { lastUsedIp: { not: ip } },
          ...(ip === null ? [] : [{ lastUsedIp: null }]),
        ],
      },
      data: { lastUsedAt: now, lastUsedIp: ip },
    });
  return {
    kind: "token",
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
