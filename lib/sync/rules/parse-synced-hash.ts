import { ACCOUNT_FIELDS } from "./account-fields";
import { PROTECTION_CODES } from "./encode-synced-hash";
import type { AccountField, AccountProtection } from "../types";

/** Per field: hash of the HR value and of the IM value at the last sync (equal unless IM was kept). */
export type SyncedFieldHashes = Record<AccountField, { hr: string; im: string }>;

/** The field part of a stored hash ("v1|…" without the switches), or null in an unknown format. */
function fieldParts(value: string | undefined): string[] | null {
  if (!value) return null;
  const parts = value.split("|");
  if (parts.length === ACCOUNT_FIELDS.length + 2 && parts.at(-1)!.startsWith("p:")) parts.pop();
  if (parts[0] !== "v1" || parts.length !== ACCOUNT_FIELDS.length + 1) return null;
  return parts;
}

/** Reads ImAccount.syncedHash; null when absent or in an unknown format (treated as "never synced"). */
export function parseSyncedHash(value: string | undefined): SyncedFieldHashes | null {
  const parts = fieldParts(value);
  if (!parts) return null;
  const result = {} as SyncedFieldHashes;
  ACCOUNT_FIELDS.forEach((field, i) => {
    const [hr, im = hr] = parts[i + 1].split(">");
    result[field] = { hr, im };
  });
  return result;
}

/** The stored hash without its protection switches (what the field values alone encode to). */
export function syncedFieldsHash(value: string | undefined): string | null {
  return fieldParts(value)?.join("|") ?? null;
}

/**
 * The protection switches OrgBridge last turned on for the account (see encodeSyncedHash). A hash
 * written before switches were remembered has none: such an account counts as unprotected, so a
 * rule that applies to it turns its switches on once.
 */
export function parseSyncedProtection(value: string | undefined): AccountProtection {
  const last = value?.split("|").at(-1);
  if (!fieldParts(value) || !last?.startsWith("p:")) return {};
  const codes = new Set(last.slice(2).split("+"));
  const out: AccountProtection = {};
  if (codes.has(PROTECTION_CODES.hideMobile)) out.hideMobile = true;
  if (codes.has(PROTECTION_CODES.seniorMode)) out.seniorMode = true;
  return out;
}
