import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { invalid, notFound } from "@/lib/core/errors";
import {
  applyMappingToSubtreeSchema,
  type ApplyMappingToSubtreeInput,
} from "../org-mapping-schemas";

export type ApplyMappingToSubtreeResult = { units: number; replaced: number; unitName: string };

/**
 * One mode for every unit of a subtree (the unit itself unless scope is
 * descendants_only): MIRROR/EXCLUDE replace the units' own mappings, NONE clears
 * them. One audit row lists the mappings it replaced.
 */
export async function applyMappingToSubtree(
  raw: ApplyMappingToSubtreeInput,
  ctx: CommandContext,
): Promise<ApplyMappingToSubtreeResult> {
  const parsed = applyMappingToSubtreeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue.path.join(".") || "_", issue.message);
  }
  const input = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const unit = await tx.orgUnit.findUnique({
      where: { id: input.orgUnitId },
      select: { id: true, code: true, name: true, path: true },
    });
    if (!unit) throw notFound("Org unit");
    const connection = await tx.connection.findUnique({
      where: { id: input.connectionId },
      select: { kind: true },
    });
    if (!connection || connection.kind !== "IM_TARGET")
      throw invalid("connectionId", "Choose an IM target connection.");
    const descendants = await tx.orgUnit.findMany({
      where: { path: { startsWith: `${unit.path}/` } },
      select: { id: true },
    });
    const unitIds = [
      ...(input.scope === "unit_and_descendants" ? [unit.id] : []),
      ...descendants.map((d) => d.id),
    ];
    const replaced = await tx.orgMapping.findMany({
      where: { connectionId: input.connectionId, orgUnitId: { in: unitIds } },
      select: {
        mode: true,
        includeDescendants: true,
        namingTemplate: true,
        orgUnit: { select: { code: true } },
        imGroup: { select: { externalId: true } },
      },
    });
    await tx.orgMapping.deleteMany({
      where: { connectionId: input.connectionId, orgUnitId: { in: unitIds } },
    });
    if (input.mode !== "NONE") {
      await tx.orgMapping.createMany({
        data: unitIds.map((orgUnitId) => ({
          orgUnitId,
          connectionId: input.connectionId,
          mode: input.mode as "MIRROR" | "EXCLUDE",
          includeDescendants: true,
          namingTemplate: input.namingTemplate,
        })),
      });
    }
    await recordAudit(tx, ctx.actor, {
      action: "mapping.subtree_applied",
      targetType: "org_unit",
      targetId: unit.id,
      before: replaced.map((m) => ({
        orgUnitCode: m.orgUnit.code,
        mode: m.mode,
        includeDescendants: m.includeDescendants,
        namingTemplate: m.namingTemplate,
        imGroupExternalId: m.imGroup?.externalId ?? null,
      })),
      after: {
        orgUnitCode: unit.code,
        connectionId: input.connectionId,
        mode: input.mode,
        scope: input.scope,
        namingTemplate: input.namingTemplate,
        units: unitIds.length,
      },
    });
    return { units: unitIds.length, replaced: replaced.length, unitName: unit.name };
  });
}
