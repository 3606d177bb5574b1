import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import { syncedFieldsHash } from "./parse-synced-hash";
import type { AccountFieldValues } from "../types";

/**
 * Whether these HR values are exactly what the account was last synced with, and IM took them as they
 * were (no field where IM's value was kept over HR's). Such an account's IM fields can be taken to be
 * the HR values without reading them back (the no-change resync's shortcut). Protection switches do
 * not count: they are not fields the IM reports.
 */
export function matchesSyncedHash(
  values: AccountFieldValues,
  syncedHash: string | undefined,
): boolean {
  if (!syncedHash || syncedHash.includes(">")) return false;
  return encodeSyncedHash(hashFieldValues(values)) === syncedFieldsHash(syncedHash);
}
