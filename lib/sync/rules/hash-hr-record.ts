import { createHash } from "node:crypto";

/** Content hash of an HR record (stored as `sourceHash`): 32 hex chars of SHA-256 over its JSON. */
export function hashHrRecord(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}
