import { z } from "zod";

// Shared by the simulator forms and the server action; imports no database code.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD");
const optionalDay = z
  .union([day, z.literal("")])
  .optional()
  .transform((v) => v || undefined);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);
const unitCode = z.string().trim().min(1, "Choose a department").max(64);
const employeeNo = z.string().trim().min(1, "Choose an employee").max(32);

export const hireSchema = z.object({
  kind: z.literal("hire"),
  name: z.string().trim().min(1, "Name is required").max(64),
  nameEn: optionalText(64),
  email: z
    .union([z.email("Enter a valid e-mail address").max(120), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  mobile: z
    .union([
      z
        .string()
        .trim()
        .regex(/^\+?[0-9-]{5,20}$/, "Enter a valid mobile number"),
      z.literal(""),
    ])
    .optional()
    .transform((v) => v || undefined),
  title: optionalText(64),
  unitCode,
  hireDate: optionalDay,
});

export const transferSchema = z.object({
  kind: z.literal("transfer"),
  employeeNo,
  unitCode,
  title: optionalText(64),
  /** Empty = now; a later day schedules the move (a pending transfer in HR). */
  effectiveDate: optionalDay,
});

export const withdrawTransferSchema = z.object({
  kind: z.literal("withdrawTransfer"),
  employeeNo,
});

export const terminateSchema = z.object({
  kind: z.literal("terminate"),
  employeeNo,
  reason: optionalText(200),
  date: optionalDay,
});

export const renameDepartmentSchema = z.object({
  kind: z.literal("renameDepartment"),
  unitCode,
  name: z.string().trim().min(1, "Name is required").max(64),
  nameEn: optionalText(64),
});

export const moveDepartmentSchema = z.object({
  kind: z.literal("moveDepartment"),
  unitCode,
  parentCode: z.string().trim().min(1, "Choose the new parent department").max(64),
});

export const bulkHireSchema = z.object({
  kind: z.literal("bulkHire"),
  count: z
    .number("Enter a number")
    .int("Enter a whole number")
    .min(1, "At least 1")
    .max(500, "At most 500"),
  unitCode,
});

export const bulkTerminateSchema = z.object({
  kind: z.literal("bulkTerminate"),
  employeeNos: z
    .array(z.string().trim().min(1).max(32))
    .min(1, "List at least one employee number")
    .max(500, "At most 500 employees at once")
    .refine((list) => new Set(list).size === list.length, {
      message: "Each employee number only once",
      params: { i18n: "uniqueEmployeeNos" },
    }),
  reason: optionalText(200),
});

/** Every change the simulator can make, told apart by `kind`. */
export const hrSimulationSchema = z.discriminatedUnion("kind", [
  hireSchema,
  transferSchema,
  withdrawTransferSchema,
  terminateSchema,
  renameDepartmentSchema,
  moveDepartmentSchema,
  bulkHireSchema,
  bulkTerminateSchema,
]);
export type HrSimulationInput = z.input<typeof hrSimulationSchema>;
export type HrSimulation = z.output<typeof hrSimulationSchema>;
export type HrSimulationKind = HrSimulation["kind"];

export const searchHrEmployeesSchema = z.object({ query: z.string().trim().max(64) });

/** What a simulation changed, for the success toast. */
export type HrSimulationSummary = {
  kind: HrSimulationKind;
  /** Employees or departments changed. */
  count: number;
  /** Employee numbers or department codes (first 10). */
  keys: string[];
  /** The first changed record: its name and new version. */
  name: string;
  version: number;
  /** The department involved (destination, new parent), by name. */
  unitName?: string;
  /** A transfer scheduled for this later day rather than made now. */
  scheduledFor?: string;
};
