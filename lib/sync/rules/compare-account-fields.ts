import { ACCOUNT_FIELDS } from "./account-fields";
import { compareSyncedValue, type SyncedComparison } from "./compare-synced-value";
import { normalizeField } from "./normalize-field";
import { parseSyncedHash } from "./parse-synced-hash";
import { stableHash } from "./stable-hash";
import type { AccountField, HrEmployee, ImUserState } from "../types";

export type AccountFieldComparison = {
  field: AccountField;
  result: SyncedComparison;
  /** HR value (raw, for writing). */
  hrValue: string;
  /** IM value (raw); for title, which IM does not report, the HR value when unchanged. */
  imValue: string;
  /** Hash pair to remember for this field if it is left as it is now. */
  keep: { hr: string; im: string };
};

/**
 * Three-way comparison of each account field. IM-only edits are reverted (HR
 * owns person data); only a change on both sides is a conflict. Title is not
 * readable from IM, so it is compared against the remembered HR hash alone.
 */
export function compareAccountFields(
  employee: HrEmployee,
  user: ImUserState,
  syncedHash: string | undefined,
): AccountFieldComparison[] {
  const synced = parseSyncedHash(syncedHash);
  return ACCOUNT_FIELDS.map((field) => {
    const hrValue = employee[field] ?? "";
    const hrHash = stableHash(normalizeField(field, hrValue));
    const last = synced?.[field];
    if (field === "title") {
      const unchanged = last ? last.hr === hrHash : hrValue === "";
      const result: SyncedComparison = unchanged ? "in_sync" : "apply_hr";
      return {
        field,
        result,
        hrValue,
        imValue: unchanged ? hrValue : "",
        keep: last ?? { hr: hrHash, im: hrHash },
      };
    }
    const imValue = user[field] ?? "";
    const imHash = stableHash(normalizeField(field, imValue));
    const result = compareSyncedValue({
      hr: hrHash,
      im: imHash,
      lastIm: last?.im,
      lastHr: last?.hr,
      imOnlyChange: "apply_hr",
    });
    const keep =
      result === "in_sync" ? { hr: hrHash, im: hrHash } : (last ?? { hr: imHash, im: imHash });
    return { field, result, hrValue, imValue, keep };
  });
}
