import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import { parseSyncedHash, syncedFieldsHash } from "./parse-synced-hash";
import type { AccountFieldValues } from "../types";

/**
 * Whether these HR values are exactly what the account was last synced with, and IM took them as they
 * were (no field where IM's value was kept over HR's). Such an account's IM fields can be taken to be
 * the HR values without reading them back (the no-change resync's shortcut). Protection switches and
 * the manager do not count (the planner compares the manager with the manager's account);
 * `requireManager` refuses a hash without a manager slot, i.e. stored before managers were synced,
 * whose IM manager must be read once.
 */
export function matchesSyncedHash(
  values: AccountFieldValues,
  syncedHash: string | undefined,
  requireManager = false,
): boolean {
  const fields = syncedFieldsHash(syncedHash);
  if (!fields || fields.includes(">")) return false;
  if (requireManager && !parseSyncedHash(syncedHash)?.manager) return false;
  return encodeSyncedHash(hashFieldValues(values)) === fields;
}
