import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  nextAuthSecret: string;
  encryptionKey: string;
  oidcClientSecret: string;
  inngestSigningKey: string;
  inngestEventKey: string;
  sandboxImSecret: string;
  sandboxHrToken: string;
  sandboxHrWebhookSecret: string;
  /** Bearer token of the demo SCIM inbound connection (point a SCIM client at /scim/v2 with it). */
  scimToken: string;
  oauthSigningKey: string;
};

/**
 * Secrets for the embedded defaults: made once per data folder and reused, so a
 * restart keeps sessions and encrypted columns readable. Production sets its own.
 */
export function loadOrCreateSecrets(file: string): LocalSecrets {
  const existing: Partial<LocalSecrets> = existsSync(file)
    ? JSON.parse(readFileSync(file, "utf8"))
    : {};
  const b64 = (n: number) => randomBytes(n).toString("base64");
  const secrets: LocalSecrets = {
    nextAuthSecret: existing.nextAuthSecret ?? b64(32),
    encryptionKey: existing.encryptionKey ?? b64(32),
    oidcClientSecret: existing.oidcClientSecret ?? randomBytes(24).toString("hex"),
    inngestSigningKey:
      existing.inngestSigningKey ?? `signkey-dev-${randomBytes(32).toString("hex")}`,
    inngestEventKey: existing.inngestEventKey ?? randomBytes(16).toString("hex"),
    sandboxImSecret: existing.sandboxImSecret ?? randomBytes(16).toString("hex"),
    sandboxHrToken: existing.sandboxHrToken ?? randomBytes(16).toString("hex"),
    sandboxHrWebhookSecret: existing.sandboxHrWebhookSecret ?? `whsec_${b64(24)}`,
    scimToken: existing.scimToken ?? `obscim_${randomBytes(32).toString("base64url")}`,
    oauthSigningKey: existing.oauthSigningKey ?? b64(32),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
