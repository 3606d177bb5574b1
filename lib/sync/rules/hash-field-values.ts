import { ACCOUNT_FIELDS } from "./account-fields";
import { normalizeField } from "./normalize-field";
import type { SyncedFieldHashes } from "./parse-synced-hash";
import { stableHash } from "./stable-hash";
import type { AccountFieldValues } from "../types";

/** Synced hashes for an account whose IM values equal these HR values. */
export function hashFieldValues(values: AccountFieldValues): SyncedFieldHashes {
  const result = {} as SyncedFieldHashes;
  for (const field of ACCOUNT_FIELDS) {
    const h = stableHash(normalizeField(field, values[field]));
    result[field] = { hr: h, im: h };
  }
  return result;
}
