import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { invalid, notFound } from "@/lib/core/errors";
import { saveMappingSchema, type SaveMappingInput } from "../org-mapping-schemas";

export type SaveMappingResult = {
  action: "created" | "updated" | "deleted" | "unchanged";
  unitName: string;
};

/** Sets or removes one unit's mapping to one IM connection, audited with before/after, in one transaction. */
export async function saveMapping(
  raw: SaveMappingInput,
  ctx: CommandContext,
): Promise<SaveMappingResult> {
  const parsed = saveMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue.path.join(".") || "_", issue.message);
  }
  const input = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const unit = await tx.orgUnit.findUnique({
      where: { id: input.orgUnitId },
      select: { id: true, code: true, name: true },
    });
    if (!unit) throw notFound("Org unit");
    const connection = await tx.connection.findUnique({
      where: { id: input.connectionId },
      select: { kind: true },
    });
    if (!connection || connection.kind !== "IM_TARGET")
      throw invalid("connectionId", "Choose an IM target connection.");
    const key = {
      orgUnitId_connectionId: { orgUnitId: unit.id, connectionId: input.connectionId },
    };
    const existing = await tx.orgMapping.findUnique({
      where: key,
      include: { imGroup: { select: { externalId: true, name: true } } },
    });
    const before = existing ? describe(unit.code, existing) : undefined;

    if (input.mode === "NONE") {
      if (!existing) return { action: "unchanged" as const, unitName: unit.name };
      await tx.orgMapping.delete({ where: { id: existing.id } });
      await recordAudit(tx, ctx.actor, {
        action: "mapping.deleted",
        targetType: "org_mapping",
        targetId: existing.id,
        before,
      });
      return { action: "deleted" as const, unitName: unit.name };
    }

    let imGroupId: string | null = null;
    if (input.mode === "LINK" && input.imGroupExternalId) {
      // The linked group may never have been seen by a sync yet; remember it without claiming it (no lastSyncedName).
      const group = await tx.imGroup.upsert({
        where: {
          connectionId_externalId: {
            connectionId: input.connectionId,
            externalId: input.imGroupExternalId,
          },
        },
        create: {
          connectionId: input.connectionId,
          externalId: input.imGroupExternalId,
          name: input.imGroupName || input.imGroupExternalId,
        },
        update: input.imGroupName ? { name: input.imGroupName } : {},
        select: { id: true },
      });
      imGroupId = group.id;
    }
    const data = {
      mode: input.mode,
      includeDescendants: input.includeDescendants,
      namingTemplate: input.namingTemplate,
      imGroupId,
    };
    const saved = await tx.orgMapping.upsert({
      where: key,
      create: { orgUnitId: unit.id, connectionId: input.connectionId, ...data },
      update: data,
      include: { imGroup: { select: { externalId: true, name: true } } },
    });
    await recordAudit(tx, ctx.actor, {
      action: existing ? "mapping.updated" : "mapping.created",
      targetType: "org_mapping",
      targetId: saved.id,
      before,
      after: describe(unit.code, saved),
    });
    return { action: existing ? ("updated" as const) : ("created" as const), unitName: unit.name };
  });
}

function describe(
  orgUnitCode: string,
  m: {
    connectionId: string;
    mode: string;
    includeDescendants: boolean;
    namingTemplate: string;
    imGroup: { externalId: string; name: string } | null;
  },
) {
  return {
    orgUnitCode,
    connectionId: m.connectionId,
    mode: m.mode,
    includeDescendants: m.includeDescendants,
    namingTemplate: m.namingTemplate,
    imGroupExternalId: m.imGroup?.externalId ?? null,
  };
}
