import { AppError } from "@/lib/core/errors";
import { verifyAccessToken } from "@/lib/oauth/commands/verify-access-token";
import type { TokenScope } from "../rules/scopes";
import { verifyToken, type VerifiedToken } from "./verify-token";

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The bearer credential of an /api/v1 call — an API token (`obt_…`) or an OAuth access token (a
 * JWT from /api/oauth/token) — checked for a scope and source address.
 */
export async function verifyCredential(
  authorization: string | null,
  scope: TokenScope,
  ip: string | null,
): Promise<VerifiedToken> {
  const raw = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (raw && !raw.startsWith("obt_") && raw.length <= 8192 && JWT_SHAPE.test(raw))
    return verifyAccessToken(raw, scope, ip);
  if (raw && raw.length > 8192)
    throw new AppError(401, "malformed_token", "The bearer token is not in the expected format.");
  return verifyToken(authorization, scope, ip);
}
