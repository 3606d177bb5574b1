import { createHash } from "node:crypto";
import { envSection } from "@/lib/core/env";

export type SecretKey = {
  /** Short stable id written into every ciphertext, so rotation knows which key to use. */
  id: string;
  /** The 32 raw key bytes. */
  key: Buffer;
};

/**
 * Parses `ORGBRIDGE_SECRET_KEY` (or `raw` in its format): one or more base64 32-byte keys, comma-separated.
 * The first key encrypts; every key can decrypt (rotation: prepend the new key, re-encrypt, drop the old).
 */
export function loadSecretKeys(
  raw: string | undefined = envSection("secrets").ORGBRIDGE_SECRET_KEY.join(","),
): SecretKey[] {
  if (!raw || !raw.trim()) {
    throw new Error(
      "ORGBRIDGE_SECRET_KEY is not set (base64 of 32 random bytes; `openssl rand -base64 32`).",
    );
  }
  return raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const key = Buffer.from(part, "base64");
      if (key.length !== 32) {
        throw new Error(
          `ORGBRIDGE_SECRET_KEY entry ${index + 1} is ${key.length} bytes after base64 decoding; expected 32.`,
        );
      }
      return { id: keyIdOf(key), key };
    });
}

/** First 8 hex characters of SHA-256(key): identifies a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}
