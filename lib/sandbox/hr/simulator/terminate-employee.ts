import type { SandboxHrEmployeeJson } from "../serialize-hr-records";
import type { SimulationResult, SimulatorContext } from "./simulator-context";
import { updateEmployee } from "./update-employee";

export type TerminateEmployeeInput = {
  /** Last day, `YYYY-MM-DD`; today by default. */
  date?: string;
  reason?: string;
};

/** An employee leaves (the IM account gets disabled through sync). */
export function terminateEmployee(
  ctx: SimulatorContext,
  employeeNo: string,
  input: TerminateEmployeeInput = {},
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  const date = input.date ?? new Date().toISOString().slice(0, 10);
  return updateEmployee(ctx, employeeNo, {
    status: "terminated",
    terminationDate: new Date(`${date}T00:00:00Z`),
    terminationReason: input.reason ?? null,
  });
}
