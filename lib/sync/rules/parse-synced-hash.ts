import { ACCOUNT_FIELDS } from "./account-fields";
import type { AccountField } from "../types";

/** Per field: hash of the HR value and of the IM value at the last sync (equal unless IM was kept). */
export type SyncedFieldHashes = Record<AccountField, { hr: string; im: string }>;

/** Reads ImAccount.syncedHash; null when absent or in an unknown format (treated as "never synced"). */
export function parseSyncedHash(value: string | undefined): SyncedFieldHashes | null {
  if (!value) return null;
  const parts = value.split("|");
  if (parts[0] !== "v1" || parts.length !== ACCOUNT_FIELDS.length + 1) return null;
  const result = {} as SyncedFieldHashes;
  ACCOUNT_FIELDS.forEach((field, i) => {
    const [hr, im = hr] = parts[i + 1].split(">");
    result[field] = { hr, im };
  });
  return result;
}
