import { ACCOUNT_FIELDS } from "./account-fields";
import type { SyncedFieldHashes } from "./parse-synced-hash";
import type { AccountProtection } from "../types";

/** The protection switches' codes in the synced hash, in the order they are written. */
export const PROTECTION_CODES = { hideMobile: "hm", seniorMode: "sm" } as const;

/**
 * Serialises per-field hashes into ImAccount.syncedHash: "v1|h1|h2|h3|h4", where a field whose IM
 * value was accepted over HR's (keep IM) stores "hrHash>imHash". Platform protection switches
 * OrgBridge turned on follow as "|p:hm+sm"; with none on the hash is exactly what it was before
 * switches were remembered, so stored hashes stay valid and nothing is rewritten on upgrade.
 */
export function encodeSyncedHash(
  hashes: SyncedFieldHashes,
  protection?: AccountProtection,
): string {
  const parts = ACCOUNT_FIELDS.map((field) => {
    const { hr, im } = hashes[field];
    return hr === im ? hr : `${hr}>${im}`;
  });
  const on = (Object.keys(PROTECTION_CODES) as (keyof typeof PROTECTION_CODES)[])
    .filter((s) => protection?.[s])
    .map((s) => PROTECTION_CODES[s]);
  return `v1|${parts.join("|")}${on.length > 0 ? `|p:${on.join("+")}` : ""}`;
}
