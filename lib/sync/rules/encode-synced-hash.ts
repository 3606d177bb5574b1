import { ACCOUNT_FIELDS } from "./account-fields";
import type { SyncedFieldHashes, SyncedSlot } from "./parse-synced-hash";

/**
 * Serialises per-field hashes into ImAccount.syncedHash: "v1|h1|h2|h3|h4" plus "|hm" for the manager
 * when it is synced, where a value accepted from IM over HR's (keep IM) stores "hrHash>imHash". Without
 * a manager slot the string is exactly the format stored before managers were synced.
 */
export function encodeSyncedHash(hashes: SyncedFieldHashes): string {
  const part = ({ hr, im }: SyncedSlot) => (hr === im ? hr : `${hr}>${im}`);
  const parts = ACCOUNT_FIELDS.map((field) => part(hashes[field]));
  if (hashes.manager) parts.push(part(hashes.manager));
  return `v1|${parts.join("|")}`;
}
