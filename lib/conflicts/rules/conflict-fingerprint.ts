import { createHash } from "node:crypto";

export type ConflictFingerprintInput = {
  /** Connection id or other scope; SyncConflict.fingerprint is unique across connections. */
  scope?: string;
  /** Conflict type. */
  type: string;
  /** Subject type. */
  subjectType: string;
  /** Subject key. */
  subjectKey: string;
};

/**
 * Stable id of a conflict: sha256 over scope, type and subject only — never the
 * values, so a rerun finds the existing row even when the values moved on.
 */
export function conflictFingerprint(input: ConflictFingerprintInput): string {
  const material = JSON.stringify([
    input.scope ?? "",
    input.type,
    input.subjectType,
    input.subjectKey,
  ]);
  return createHash("sha256").update(material).digest("hex").slice(0, 32);
}
