import { ACCOUNT_FIELDS } from "./account-fields";
import { PROTECTION_CODES } from "./encode-synced-hash";
import type { AccountField, AccountProtection } from "../types";

/** Hash of the HR-side and of the IM-side value at the last sync (equal unless IM was kept). */
export type SyncedSlot = { hr: string; im: string };

/**
 * Per field: the hashes at the last sync. `manager` (the manager's IM user id) is absent in hashes
 * stored before managers were synced, and on platforms without a manager field.
 */
export type SyncedFieldHashes = Record<AccountField, SyncedSlot> & { manager?: SyncedSlot };

/** A stored hash cut into its parts: "v1|f1|f2|f3|f4", then "|m:…" (manager), then "|p:…" (switches). */
function splitHash(
  value: string | undefined,
): { fields: string[]; manager?: string; protection?: string } | null {
  if (!value) return null;
  const parts = value.split("|");
  const protection = parts.at(-1)?.startsWith("p:") ? parts.pop() : undefined;
  const manager = parts.at(-1)?.startsWith("m:") ? parts.pop()!.slice(2) : undefined;
  if (parts[0] !== "v1" || parts.length !== ACCOUNT_FIELDS.length + 1) return null;
  return { fields: parts, manager, protection };
}

const slot = (part: string): SyncedSlot => {
  const [hr, im = hr] = part.split(">");
  return { hr, im };
};

/** Reads ImAccount.syncedHash; null when absent or in an unknown format (treated as "never synced"). */
export function parseSyncedHash(value: string | undefined): SyncedFieldHashes | null {
  const split = splitHash(value);
  if (!split) return null;
  const result = {} as SyncedFieldHashes;
  ACCOUNT_FIELDS.forEach((field, i) => {
    result[field] = slot(split.fields[i + 1]);
  });
  if (split.manager !== undefined) result.manager = slot(split.manager);
  return result;
}

/** The stored hash without its manager slot and protection switches (what the field values alone encode to). */
export function syncedFieldsHash(value: string | undefined): string | null {
  return splitHash(value)?.fields.join("|") ?? null;
}

/**
 * The protection switches OrgBridge last turned on for the account (see encodeSyncedHash). A hash
 * written before switches were remembered has none: such an account counts as unprotected, so a
 * rule that applies to it turns its switches on once.
 */
export function parseSyncedProtection(value: string | undefined): AccountProtection {
  const protection = splitHash(value)?.protection;
  if (!protection) return {};
  const codes = new Set(protection.slice(2).split("+"));
  const out: AccountProtection = {};
  if (codes.has(PROTECTION_CODES.hideMobile)) out.hideMobile = true;
  if (codes.has(PROTECTION_CODES.seniorMode)) out.seniorMode = true;
  return out;
}
