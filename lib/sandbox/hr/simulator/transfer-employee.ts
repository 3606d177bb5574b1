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
};

/** Moves an employee to another department (an IM group move through sync). */
export async function transferEmployee(
  ctx: SimulatorContext,
  employeeNo: string,
  input: TransferEmployeeInput,
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  if (!(await ctx.db.sandboxHrUnit.findUnique({ where: { code: input.unitCode } })))
    throw new SimulationError("not_found", `Department ${input.unitCode} not found`);
  return updateEmployee(ctx, employeeNo, {
    unitCode: input.unitCode,
    title: input.title,
    managerNo: input.managerNo,
  });
}
