import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import { parseSyncedHash } from "./parse-synced-hash";
import type { AccountFieldValues } from "../types";

/**
 * Whether these HR values are exactly what the account was last synced with, and IM took them as they
 * were (no field where IM's value was kept over HR's). Such an account's IM fields can be taken to be
 * the HR values without reading them back (the no-change resync's shortcut). The manager slot is not
 * compared here (the planner compares it with the manager's account); `requireManager` refuses a hash
 * without one, i.e. stored before managers were synced, whose IM manager must be read once.
 */
export function matchesSyncedHash(
  values: AccountFieldValues,
  syncedHash: string | undefined,
  requireManager = false,
): boolean {
  const stored = parseSyncedHash(syncedHash);
  if (!stored || (requireManager && !stored.manager)) return false;
  const fields = encodeSyncedHash({ ...stored, manager: undefined });
  return !fields.includes(">") && encodeSyncedHash(hashFieldValues(values)) === fields;
}
