import type { SandboxHrUnitJson } from "../serialize-hr-records";
import type { SimulationResult, SimulatorContext } from "./simulator-context";
import { updateDepartment } from "./update-department";

/** HR renames a department (the IM group follows through sync, unless someone renamed it there too). */
export function renameDepartment(
  ctx: SimulatorContext,
  code: string,
  name: string,
  nameEn?: string,
): Promise<SimulationResult<SandboxHrUnitJson>> {
  return updateDepartment(ctx, code, { name, nameEn });
}
