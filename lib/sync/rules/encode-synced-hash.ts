import { ACCOUNT_FIELDS } from "./account-fields";
import type { SyncedFieldHashes, SyncedSlot } from "./parse-synced-hash";
import type { AccountProtection } from "../types";

/** The protection switches' codes in the synced hash, in the order they are written. */
export const PROTECTION_CODES = { hideMobile: "hm", seniorMode: "sm" } as const;

/**
 * Serialises per-field hashes into ImAccount.syncedHash: "v1|h1|h2|h3|h4", where a value accepted
 * from IM over HR's (keep IM) stores "hrHash>imHash". The manager, where the platform has a manager
 * field, follows as "|m:hash"; platform protection switches OrgBridge turned on as "|p:hm+sm". Without
 * either the hash is exactly what it was before they were remembered, so stored hashes stay valid.
 */
export function encodeSyncedHash(
  hashes: SyncedFieldHashes,
  protection?: AccountProtection,
): string {
  const part = ({ hr, im }: SyncedSlot) => (hr === im ? hr : `${hr}>${im}`);
  const parts = ACCOUNT_FIELDS.map((field) => part(hashes[field]));
  if (hashes.manager) parts.push(`m:${part(hashes.manager)}`);
  const on = (Object.keys(PROTECTION_CODES) as (keyof typeof PROTECTION_CODES)[])
    .filter((s) => protection?.[s])
    .map((s) => PROTECTION_CODES[s]);
  if (on.length > 0) parts.push(`p:${on.join("+")}`);
  return `v1|${parts.join("|")}`;
}
