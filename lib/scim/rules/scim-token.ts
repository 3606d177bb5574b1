import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/tokens/rules/token-format";

const FORMAT = /^obscim_[A-Za-z0-9_-]{43}$/;

/** A new bearer token for a SCIM client: shown once; only its SHA-256 (as lib/tokens hashes API tokens) is kept. */
export function mintScimToken(): { token: string; hash: string; hint: string } {
  const token = `obscim_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), hint: token.slice(0, 11) };
}

/** The hash to look a presented token up by; null when it cannot be a SCIM token at all. */
export function scimTokenHash(token: string): string | null {
  return FORMAT.test(token) ? hashToken(token) : null;
}
