import { createHash, randomBytes } from "node:crypto";

// A client id reads `obc_<24 hex>` (public, sent with every token request); the secret reads
// `obs_<43 base64url>` and is 32 random bytes, so a SHA-256 hash is enough to store it (no
// password stretching needed for high-entropy secrets).

export function mintClientId(): string {
  return `obc_${randomBytes(12).toString("hex")}`;
}

export function mintClientSecret(): { secret: string; hash: string } {
  const secret = `obs_${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashClientSecret(secret) };
}

export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const isClientIdFormat = (id: string) => /^obc_[0-9a-f]{24}$/.test(id);
export const isClientSecretFormat = (secret: string) => /^obs_[A-Za-z0-9_-]{43}$/.test(secret);
