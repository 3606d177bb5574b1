import type { SandboxHrEmployeeJson } from "../serialize-hr-records";
import { generatePerson } from "./generate-person";
import { hireEmployee, nextEmployeeNo } from "./hire-employee";
import type { SimulationResult, SimulatorContext } from "./simulator-context";
import { terminateEmployee } from "./terminate-employee";
import { transferEmployee } from "./transfer-employee";

export type BulkHireInput = {
  count: number;
  /** All into this department; default: spread over active leaf departments. */
  unitCode?: string;
};

/** Hires `count` generated people (one event each). */
export async function bulkHire(
  ctx: SimulatorContext,
  input: BulkHireInput,
): Promise<SimulationResult<SandboxHrEmployeeJson>[]> {
  const units = input.unitCode
    ? [input.unitCode]
    : (
        await ctx.db.sandboxHrUnit.findMany({
          where: { active: true },
          select: { code: true },
          orderBy: { code: "asc" },
        })
      ).map((u) => u.code);
  const results: SimulationResult<SandboxHrEmployeeJson>[] = [];
  for (let i = 0; i < input.count; i++) {
    const employeeNo = await nextEmployeeNo(ctx);
    const n = Number(employeeNo.slice(1));
    results.push(
      await hireEmployee(ctx, {
        employeeNo,
        unitCode: units[n % units.length],
        ...generatePerson(n, employeeNo),
      }),
    );
  }
  return results;
}

/** Moves every listed employee to `unitCode` (a reorganisation). */
export async function bulkTransfer(
  ctx: SimulatorContext,
  employeeNos: string[],
  unitCode: string,
): Promise<SimulationResult<SandboxHrEmployeeJson>[]> {
  const results: SimulationResult<SandboxHrEmployeeJson>[] = [];
  for (const no of employeeNos) results.push(await transferEmployee(ctx, no, { unitCode }));
  return results;
}

/** Terminates every listed employee (a layoff: exercises the deletion safety threshold). */
export async function bulkTerminate(
  ctx: SimulatorContext,
  employeeNos: string[],
  reason = "组织调整",
): Promise<SimulationResult<SandboxHrEmployeeJson>[]> {
  const results: SimulationResult<SandboxHrEmployeeJson>[] = [];
  for (const no of employeeNos) results.push(await terminateEmployee(ctx, no, { reason }));
  return results;
}
