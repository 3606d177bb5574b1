import {
  applyResolution,
  type MappingUpsert,
  type ResolutionEffects,
} from "@/lib/conflicts/rules/apply-resolution";
import type { ImTarget } from "@/lib/connectors";
import { db, type Prisma } from "@/lib/core/db";
import { applyChange } from "@/lib/sync/engine/apply-change";
import { finishSyncRun } from "@/lib/sync/engine/finish-sync-run";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { platformRootGroup } from "@/lib/sync/engine/platform-root-group";
import { recordMemoryUpdates } from "@/lib/sync/engine/record-memory-updates";
import { conflictFromRow, resolutionFromRow } from "../rules/conflict-from-row";

export type ApplyConflictResolutionOptions = {
  /** The resolved (or ignored) conflict. */
  conflictId: string;
  /** A ready IM connector (tests); default: opened from the conflict's connection. */
  target?: ImTarget;
  /** Current instant, for disables. */
  now?: Date;
};

export type ApplyConflictResolutionResult = {
  /** applied: effects written now; done: an earlier attempt applied them; nothing: no effects; failed: recorded on the conflict. */
  outcome: "applied" | "done" | "nothing" | "failed";
  connectionId: string | null;
  /** Whether a follow-up sync should confirm the conflict is gone. */
  recheck: boolean;
  error?: string;
};

/**
 * Applies a decided conflict's effects through the engine: IM changes as a
 * RECONCILE run of SyncChange rows (applyChange skips what is already APPLIED),
 * memory updates and mapping edits. The run's trigger names the decision, so a
 * repeated call finds the finished run and applies nothing twice. An IM refusal
 * reopens the conflict with the error in its note.
 */
export async function applyConflictResolution(
  options: ApplyConflictResolutionOptions,
): Promise<ApplyConflictResolutionResult> {
  const row = await db.syncConflict.findUniqueOrThrow({ where: { id: options.conflictId } });
  const connectionId = row.connectionId;
  if (row.status === "OPEN" || !row.resolution || !row.resolvedAt)
    return { outcome: "nothing", connectionId, recheck: false };
  const result = applyResolution({
    conflict: conflictFromRow(row),
    resolution: resolutionFromRow(row.resolution, row.customValue),
    now: options.now ?? new Date(),
  });
  if (!result.ok) return fail(row.id, row.note, connectionId, result.error);
  const { effects } = result;
  const recheck =
    row.resolution !== "IGNORE" &&
    !(row.type === "deletion_threshold" && row.resolution === "KEEP_IM");
  if (
    effects.changes.length === 0 &&
    effects.memoryUpdates.length === 0 &&
    effects.mappingUpserts.length === 0
  ) {
    return { outcome: "nothing", connectionId, recheck };
  }
  if (!connectionId)
    return fail(row.id, row.note, connectionId, "The conflict has no IM connection to apply to.");

  const trigger = `conflict:${row.id}:${row.resolvedAt.getTime()}`;
  const existing = await db.syncRun.findFirst({
    where: { connectionId, trigger },
    select: { id: true, status: true },
  });
  if (existing && existing.status !== "RUNNING") return { outcome: "done", connectionId, recheck };
  const runId = existing?.id ?? (await createRun(connectionId, trigger, effects));

  try {
    const changes = await db.syncChange.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    if (changes.some((c) => c.status === "PLANNED")) {
      const target = options.target ?? (await openImTarget(connectionId)).target;
      const rootGroupId = platformRootGroup(target);
      for (const change of changes) {
        const applied = await applyChange({
          connectionId,
          target,
          change,
          rootGroupId,
          now: options.now,
        });
        if (applied.status === "FAILED")
          throw new Error(applied.error ?? applied.errorCode ?? "IM refused the change");
      }
    }
    await recordMemoryUpdates(connectionId, effects.memoryUpdates);
    for (const upsert of effects.mappingUpserts) await upsertMapping(connectionId, upsert);
  } catch (err) {
    await finishSyncRun(runId);
    return fail(row.id, row.note, connectionId, err instanceof Error ? err.message : String(err));
  }
  await finishSyncRun(runId);
  return { outcome: "applied", connectionId, recheck };
}

async function createRun(
  connectionId: string,
  trigger: string,
  effects: ResolutionEffects,
): Promise<string> {
  const run = await db.syncRun.create({
    data: {
      connectionId,
      kind: "RECONCILE",
      trigger,
      status: "RUNNING",
      planned: effects.changes.length,
      summary: {
        memoryUpdates: effects.memoryUpdates.length,
        mappingUpserts: effects.mappingUpserts.length,
      } as Prisma.InputJsonValue,
      changes: {
        create: effects.changes.map((c, seq) => ({
          seq,
          op: c.op,
          targetType: c.targetType,
          targetKey: c.targetKey,
          before: c.before as Prisma.InputJsonValue,
          after: c.after as Prisma.InputJsonValue,
        })),
      },
    },
  });
  return run.id;
}

async function upsertMapping(connectionId: string, upsert: MappingUpsert): Promise<void> {
  const unit = await db.orgUnit.findUnique({
    where: { code: upsert.orgUnitCode },
    select: { id: true },
  });
  if (!unit) throw new Error(`Org unit ${upsert.orgUnitCode} is not in the HR mirror.`);
  let imGroupId: string | null | undefined;
  if ("imGroupExternalId" in upsert) {
    const group = upsert.imGroupExternalId
      ? await db.imGroup.findFirst({
          where: { connectionId, externalId: upsert.imGroupExternalId },
          select: { id: true },
        })
      : null;
    if (upsert.imGroupExternalId && !group)
      throw new Error(`IM group ${upsert.imGroupExternalId} is not known; sync first.`);
    imGroupId = group?.id ?? null;
  }
  const fields = {
    ...(upsert.mode ? { mode: upsert.mode } : {}),
    ...(upsert.includeDescendants !== undefined
      ? { includeDescendants: upsert.includeDescendants }
      : {}),
    ...(upsert.namingTemplate !== undefined ? { namingTemplate: upsert.namingTemplate } : {}),
    ...(imGroupId !== undefined ? { imGroupId } : {}),
  };
  await db.orgMapping.upsert({
    where: { orgUnitId_connectionId: { orgUnitId: unit.id, connectionId } },
    create: { orgUnitId: unit.id, connectionId, mode: upsert.mode ?? "MIRROR", ...fields },
    update: fields,
  });
}

async function fail(
  conflictId: string,
  note: string | null,
  connectionId: string | null,
  error: string,
): Promise<ApplyConflictResolutionResult> {
  // Reopened so the queue shows it again, with why the decision did not take.
  const message = `Could not apply: ${error}`.slice(0, 1_000);
  await db.syncConflict.update({
    where: { id: conflictId },
    data: { status: "OPEN", note: note ? `${note}\n${message}` : message },
  });
  return { outcome: "failed", connectionId, recheck: false, error };
}
