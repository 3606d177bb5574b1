import type { SandboxHrUnitJson } from "../serialize-hr-records";
import { SimulationError, type SimulationResult, type SimulatorContext } from "./simulator-context";
import { updateDepartment } from "./update-department";

/** HR re-parents a department; refuses cycles. */
export async function moveDepartment(
  ctx: SimulatorContext,
  code: string,
  parentCode: string,
): Promise<SimulationResult<SandboxHrUnitJson>> {
  if (code === parentCode)
    throw new SimulationError("invalid", "A department cannot be its own parent");
  for (let cur: string | null = parentCode; cur;) {
    const unit: { code: string; parentCode: string | null } | null =
      await ctx.db.sandboxHrUnit.findUnique({
        where: { code: cur },
        select: { code: true, parentCode: true },
      });
    if (!unit) throw new SimulationError("not_found", `Department ${cur} not found`);
    if (unit.parentCode === code)
      throw new SimulationError(
        "invalid",
        `Moving ${code} under ${parentCode} would create a cycle`,
      );
    cur = unit.parentCode;
  }
  return updateDepartment(ctx, code, { parentCode });
}
