import { ACCOUNT_FIELDS } from "./account-fields";
import type { AccountField } from "../types";

/** Hash of the HR-side and of the IM-side value at the last sync (equal unless IM was kept). */
export type SyncedSlot = { hr: string; im: string };

/**
 * Per field: the hashes at the last sync. `manager` (the manager's IM user id) is absent in hashes
 * stored before managers were synced, and on platforms without a manager field.
 */
export type SyncedFieldHashes = Record<AccountField, SyncedSlot> & { manager?: SyncedSlot };

/** Reads ImAccount.syncedHash; null when absent or in an unknown format (treated as "never synced"). */
export function parseSyncedHash(value: string | undefined): SyncedFieldHashes | null {
  if (!value) return null;
  const parts = value.split("|");
  const withManager = parts.length === ACCOUNT_FIELDS.length + 2;
  if (parts[0] !== "v1" || (parts.length !== ACCOUNT_FIELDS.length + 1 && !withManager))
    return null;
  const slot = (part: string): SyncedSlot => {
    const [hr, im = hr] = part.split(">");
    return { hr, im };
  };
  const result = {} as SyncedFieldHashes;
  ACCOUNT_FIELDS.forEach((field, i) => {
    result[field] = slot(parts[i + 1]);
  });
  if (withManager) result.manager = slot(parts[ACCOUNT_FIELDS.length + 1]);
  return result;
}
