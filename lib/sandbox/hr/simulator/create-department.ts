import { serializeUnit, type SandboxHrUnitJson } from "../serialize-hr-records";
import {
  emitChange,
  SimulationError,
  type SimulationResult,
  type SimulatorContext,
} from "./simulator-context";

export type CreateDepartmentInput = {
  code: string;
  name: string;
  nameEn?: string;
  /** Parent department code; omitted = a top-level department. */
  parentCode?: string;
  managerNo?: string;
};

/** HR opens a new department. */
export async function createDepartment(
  ctx: SimulatorContext,
  input: CreateDepartmentInput,
): Promise<SimulationResult<SandboxHrUnitJson>> {
  if (await ctx.db.sandboxHrUnit.findUnique({ where: { code: input.code } }))
    throw new SimulationError("conflict", `Department ${input.code} exists`);
  if (
    input.parentCode &&
    !(await ctx.db.sandboxHrUnit.findUnique({ where: { code: input.parentCode } }))
  )
    throw new SimulationError("not_found", `Department ${input.parentCode} not found`);
  const row = await ctx.db.sandboxHrUnit.create({
    data: { ...input, version: 1, updatedAt: new Date() },
  });
  return emitChange(ctx, "org_unit.changed", serializeUnit(row));
}
