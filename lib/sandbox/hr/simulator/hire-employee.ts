import { serializeEmployee, type SandboxHrEmployeeJson } from "../serialize-hr-records";
import {
  emitChange,
  SimulationError,
  type SimulationResult,
  type SimulatorContext,
} from "./simulator-context";

export type HireEmployeeInput = {
  /** Defaults to the next free `E#####`. */
  employeeNo?: string;
  name: string;
  nameEn?: string;
  email?: string;
  mobile?: string;
  title?: string;
  grade?: string;
  unitCode: string;
  managerNo?: string;
  /** `YYYY-MM-DD`; today by default. A future date hires as "onboarding". */
  hireDate?: string;
  timeZone?: string;
  locale?: string;
};

export async function nextEmployeeNo(ctx: SimulatorContext): Promise<string> {
  const rows = await ctx.db.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring("employeeNo" from 2)::int) AS max FROM "SandboxHrEmployee" WHERE "employeeNo" ~ '^E[0-9]+$'`;
  return `E${String((rows[0]?.max ?? 0) + 1).padStart(5, "0")}`;
}

/** A new hire appears in HR (and, through sync, in the IM). */
export async function hireEmployee(
  ctx: SimulatorContext,
  input: HireEmployeeInput,
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  if (!(await ctx.db.sandboxHrUnit.findUnique({ where: { code: input.unitCode } })))
    throw new SimulationError("not_found", `Department ${input.unitCode} not found`);
  const employeeNo = input.employeeNo ?? (await nextEmployeeNo(ctx));
  if (await ctx.db.sandboxHrEmployee.findUnique({ where: { employeeNo } }))
    throw new SimulationError("conflict", `Employee ${employeeNo} exists`);
  const today = new Date().toISOString().slice(0, 10);
  const hireDate = input.hireDate ?? today;
  const row = await ctx.db.sandboxHrEmployee.create({
    data: {
      employeeNo,
      name: input.name,
      nameEn: input.nameEn,
      email: input.email,
      mobile: input.mobile,
      title: input.title,
      grade: input.grade,
      unitCode: input.unitCode,
      managerNo: input.managerNo,
      status: hireDate > today ? "onboarding" : "active",
      hireDate: new Date(`${hireDate}T00:00:00Z`),
      timeZone: input.timeZone,
      locale: input.locale,
      version: 1,
      updatedAt: new Date(),
    },
  });
  return emitChange(ctx, "employee.changed", serializeEmployee(row));
}
