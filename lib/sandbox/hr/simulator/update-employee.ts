import type { Prisma } from "@/lib/generated/prisma/client";
import { serializeEmployee, type SandboxHrEmployeeJson } from "../serialize-hr-records";
import {
  emitChange,
  SimulationError,
  type SimulationResult,
  type SimulatorContext,
} from "./simulator-context";

/** Applies a change to one employee, bumping version and updatedAt, and emits employee.changed. */
export async function updateEmployee(
  ctx: SimulatorContext,
  employeeNo: string,
  data: Prisma.SandboxHrEmployeeUpdateInput,
): Promise<SimulationResult<SandboxHrEmployeeJson>> {
  const existing = await ctx.db.sandboxHrEmployee.findUnique({ where: { employeeNo } });
  if (!existing) throw new SimulationError("not_found", `Employee ${employeeNo} not found`);
  const row = await ctx.db.sandboxHrEmployee.update({
    where: { employeeNo },
    data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
  });
  return emitChange(ctx, "employee.changed", serializeEmployee(row));
}
