import type { HrTransfer } from "@/lib/connectors/types";
import type { TransferFields } from "../hr-directory-types";

/** The `Employee` columns selected to read a pending transfer back out of the mirror. */
export const TRANSFER_COLUMNS = {
  transferUnitCode: true,
  transferDate: true,
  transferTitle: true,
  transferManagerNo: true,
} as const;

/** A mirror row's pending transfer as the planner and the scheduler read it; undefined when none. */
export function mirrorTransfer(row: TransferFields): HrTransfer | undefined {
  if (!row.transferUnitCode || !row.transferDate) return undefined;
  return {
    unitCode: row.transferUnitCode,
    effectiveDate: row.transferDate.toISOString().slice(0, 10),
    ...(row.transferTitle ? { title: row.transferTitle } : {}),
    ...(row.transferManagerNo ? { managerNo: row.transferManagerNo } : {}),
  };
}
