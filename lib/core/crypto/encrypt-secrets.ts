import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { loadSecretKeys, type SecretKey } from "./load-secret-keys";

export type EncryptSecretsOptions = {
  /** Keys to use; defaults to ORGBRIDGE_SECRET_KEY. The first one encrypts. */
  keys?: SecretKey[];
  /** Extra authenticated data (e.g. the connection id) that must match on decrypt. */
  aad?: string;
};

const VERSION = "v1";

/**
 * AES-256-GCM over the JSON of `secrets`.
 * Format: `v1:<keyId>:<iv>:<ciphertext>:<tag>` (base64url parts), so any configured key can be picked to decrypt.
 */
export function encryptSecrets(secrets: unknown, options: EncryptSecretsOptions = {}): string {
  const [key] = options.keys ?? loadSecretKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  if (options.aad) cipher.setAAD(Buffer.from(options.aad, "utf8"));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(secrets), "utf8"),
    cipher.final(),
  ]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    key.id,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    tag.toString("base64url"),
  ].join(":");
}

/** Reverses encryptSecrets. Throws on a wrong key, a different `aad`, or any tampering. */
export function decryptSecrets<T = unknown>(
  sealed: string,
  options: EncryptSecretsOptions = {},
): T {
  const parts = sealed.split(":");
  if (parts.length !== 5 || parts[0] !== VERSION)
    throw new Error("Not an OrgBridge secrets ciphertext (expected v1:<keyId>:…).");
  const [, keyId, ivText, dataText, tagText] = parts;
  const keys = options.keys ?? loadSecretKeys();
  const key = keys.find((k) => k.id === keyId);
  if (!key)
    throw new Error(
      `Secrets were encrypted with key ${keyId}, which is not in ORGBRIDGE_SECRET_KEY.`,
    );
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(ivText, "base64url"));
  if (options.aad) decipher.setAAD(Buffer.from(options.aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tagText, "base64url"));
  let plain: string;
  try {
    plain = Buffer.concat([
      decipher.update(Buffer.from(dataText, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error("Secrets ciphertext failed authentication (tampered, or a different key/aad).");
  }
  return JSON.parse(plain) as T;
}

/** True when the ciphertext was sealed with a key other than the current first one (re-encrypt it). */
export function needsReencryption(sealed: string, keys: SecretKey[] = loadSecretKeys()): boolean {
  return sealed.split(":")[1] !== keys[0]?.id;
}
