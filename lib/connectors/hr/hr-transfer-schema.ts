import { z } from "zod";

/** HR APIs often send "" or null for "no value"; both mean absent in an optional sub-field. */
const optionalText = (max: number) =>
  z
    .union([z.string().trim().max(max), z.null()])
    .optional()
    .transform((v) => v || undefined)
    .optional();

/**
 * A pending transfer as an HR record carries it: an object, null or absent. Strict — an unknown key,
 * a date that is not a calendar day (`YYYY-MM-DD`) or a missing unit is refused rather than guessed,
 * since a wrong date moves a person on the wrong day.
 */
export const hrTransferSchema = z.strictObject({
  unitCode: z.string().trim().min(1, "must not be blank").max(128),
  effectiveDate: z.iso.date("must be a calendar date YYYY-MM-DD"),
  title: optionalText(500),
  managerNo: optionalText(64),
});

export type HrTransferInput = z.input<typeof hrTransferSchema>;
