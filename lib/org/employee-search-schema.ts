import { z } from "zod";

/** The console's employee search box (`/employees?q=`): plain text, no control characters. */
export const employeeSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(64)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v) && v.isWellFormed(), "invalid characters")
    .default(""),
});
