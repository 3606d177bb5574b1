import { encodeSyncedHash } from "./encode-synced-hash";
import { parseSyncedHash, parseSyncedProtection } from "./parse-synced-hash";

/**
 * The synced hash without its manager slot: what to remember when a planned manager could not be written
 * (its account was not created after all), so the next plan reads the IM's manager and writes it then.
 */
export function dropManagerSlot(syncedHash: string): string {
  const parsed = parseSyncedHash(syncedHash);
  return parsed
    ? encodeSyncedHash({ ...parsed, manager: undefined }, parseSyncedProtection(syncedHash))
    : syncedHash;
}
