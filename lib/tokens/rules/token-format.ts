import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// A token reads `obt_<prefix>_<secret>`: the prefix finds the row, the secret is
// checked against a SHA-256 hash. Secrets are 32 random bytes, so a fast hash is
// enough (no password stretching needed for high-entropy secrets).

export function mintToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const token = `obt_${prefix}_${secret}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function parseToken(token: string): { prefix: string } | null {
  const m = /^obt_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? { prefix: m[1] } : null;
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
