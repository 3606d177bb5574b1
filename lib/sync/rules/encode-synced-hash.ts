import { ACCOUNT_FIELDS } from "./account-fields";
import type { SyncedFieldHashes } from "./parse-synced-hash";

/**
 * Serialises per-field hashes into ImAccount.syncedHash: "v1|h1|h2|h3|h4", where
 * a field whose IM value was accepted over HR's (keep IM) stores "hrHash>imHash".
 */
export function encodeSyncedHash(hashes: SyncedFieldHashes): string {
  const parts = ACCOUNT_FIELDS.map((field) => {
    const { hr, im } = hashes[field];
    return hr === im ? hr : `${hr}>${im}`;
  });
  return `v1|${parts.join("|")}`;
}
