import { localDate } from "@/lib/core/time/local-date";
import type { SandboxHrEmployeeJson } from "../serialize-hr-records";
import { SimulationError, type SimulationResult, type SimulatorContext } from "./simulator-context";
import { updateEmployee } from "./update-employee";

export type TransferEmployeeInput = {
  /** Destination department code. */
  unitCode: string;
  /** New title, if it changes with the move. */
  title?: string;
  /** New manager, if it changes with the move. */
  managerNo?: string;
  /**
   * First day in the new department (`YYYY-MM-DD`, the employee's wall clock). A later day than
   * today schedules the move — HR lists it as a pending transfer; absent or today moves at once.
   */
  effectiveDate?: string;
};

const NO_TRANSFER = {
  transferUnitCode: null,
  transferDate: null,
  transferTitle: null,
  transferManagerNo: null,
};

/** Moves an employee to another department now, or schedules the move for a later day. */
export async function transferEmployee(
  ctx: SimulatorContext,
  employeeNo: string,
  input: TransferEmployeeInput,
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  if (!(await ctx.db.sandboxHrUnit.findUnique({ where: { code: input.unitCode } })))
    throw new SimulationError("not_found", `Department ${input.unitCode} not found`);
  const employee = await ctx.db.sandboxHrEmployee.findUnique({ where: { employeeNo } });
  if (!employee) throw new SimulationError("not_found", `Employee ${employeeNo} not found`);
  if (input.effectiveDate && input.effectiveDate > localDate(new Date(), employee.timeZone))
    return updateEmployee(ctx, employeeNo, {
      transferUnitCode: input.unitCode,
      transferDate: new Date(`${input.effectiveDate}T00:00:00Z`),
      transferTitle: input.title ?? null,
      transferManagerNo: input.managerNo ?? null,
    });
  // The move itself: whatever was scheduled before is done or superseded.
  return updateEmployee(ctx, employeeNo, {
    unitCode: input.unitCode,
    title: input.title,
    managerNo: input.managerNo,
    ...NO_TRANSFER,
  });
}

/** HR withdraws a scheduled transfer: the employee stays where they are. */
export async function withdrawTransfer(
  ctx: SimulatorContext,
  employeeNo: string,
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  const employee = await ctx.db.sandboxHrEmployee.findUnique({ where: { employeeNo } });
  if (!employee) throw new SimulationError("not_found", `Employee ${employeeNo} not found`);
  if (!employee.transferUnitCode)
    throw new SimulationError("invalid", `Employee ${employeeNo} has no scheduled transfer`);
  return updateEmployee(ctx, employeeNo, NO_TRANSFER);
}
