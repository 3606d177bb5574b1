import type { HrTransfer } from "../../types";
import { hrTransferSchema } from "../hr-transfer-schema";
import { getPath } from "./get-path";

export type ReadTransferResult =
  | { ok: true; transfer?: HrTransfer }
  /** `field` is the configured path plus the sub-field at fault, e.g. `transfer.effectiveDate`. */
  | { ok: false; field: string; message: string };

/** The pending transfer at `path` of an HR record: none when the path is unset, or null/absent there. */
export function readTransfer(record: unknown, path: string | undefined): ReadTransferResult {
  if (!path) return { ok: true };
  const raw = getPath(record, path);
  if (raw === undefined || raw === null) return { ok: true };
  const parsed = hrTransferSchema.safeParse(raw);
  if (parsed.success) {
    const { unitCode, effectiveDate, title, managerNo } = parsed.data;
    return {
      ok: true,
      transfer: {
        unitCode,
        effectiveDate,
        ...(title ? { title } : {}),
        ...(managerNo ? { managerNo } : {}),
      },
    };
  }
  const issue = parsed.error.issues[0];
  // An unknown key is reported at the key itself, so the HR team sees which one.
  const keys = issue.code === "unrecognized_keys" ? issue.keys.slice(0, 1) : issue.path;
  const field = [path, ...keys.map(String)].join(".");
  const message =
    issue.code === "unrecognized_keys"
      ? "is not a field of a transfer (unitCode, effectiveDate, title, managerNo)"
      : issue.code !== "invalid_type"
        ? issue.message
        : issue.path.length === 0
          ? "must be an object or null"
          : getPath(raw, issue.path.map(String).join(".")) === undefined
            ? "is required"
            : "must be text";
  return { ok: false, field, message: `${field} ${message}` };
}
