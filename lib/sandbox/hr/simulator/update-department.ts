import type { Prisma } from "@/lib/generated/prisma/client";
import { serializeUnit, type SandboxHrUnitJson } from "../serialize-hr-records";
import {
  emitChange,
  SimulationError,
  type SimulationResult,
  type SimulatorContext,
} from "./simulator-context";

/** Applies a change to one department, bumping version and updatedAt, and emits org_unit.changed. */
export async function updateDepartment(
  ctx: SimulatorContext,
  code: string,
  data: Prisma.SandboxHrUnitUpdateInput,
): Promise<SimulationResult<SandboxHrUnitJson>> {
  if (!(await ctx.db.sandboxHrUnit.findUnique({ where: { code } })))
    throw new SimulationError("not_found", `Department ${code} not found`);
  const row = await ctx.db.sandboxHrUnit.update({
    where: { code },
    data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
  });
  return emitChange(ctx, "org_unit.changed", serializeUnit(row));
}
