import { sendEvent } from "@/inngest/client";
import { applyResolution } from "@/lib/conflicts/rules/apply-resolution";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db, type Prisma } from "@/lib/core/db";
import { AppError, invalid, notFound } from "@/lib/core/errors";
import { conflictFromRow, resolutionFromRow } from "../rules/conflict-from-row";
import {
  bulkResolveConflictsSchema,
  parseCustomValue,
  resolveConflictSchema,
  type BulkResolveConflictsInput,
  type ResolutionKind,
  type ResolveConflictInput,
} from "../conflict-queue-schemas";

export type SendResolvedEvent = (
  name: "conflict/resolved",
  data: { conflictId: string; resolvedBy: string },
  id: string,
) => Promise<unknown>;

export type ResolveConflictsOptions = {
  /** Sends the event; default the Inngest client (tests pass a recorder). */
  send?: SendResolvedEvent;
};

type Decision = {
  conflictId: string;
  resolution: ResolutionKind;
  customValue?: unknown;
  note?: string;
};

/** Resolves one conflict (see resolveMany). */
export async function resolveConflict(
  input: ResolveConflictInput,
  ctx: CommandContext,
  options: ResolveConflictsOptions = {},
): Promise<{ resolved: number }> {
  ownTransactionOnly(ctx, "resolveConflict");
  const parsed = resolveConflictSchema.parse(input);
  const customValue =
    parsed.resolution === "CUSTOM" && parsed.customValue !== undefined
      ? parseCustomValue(parsed.customValue)
      : undefined;
  return resolveMany(
    [
      {
        conflictId: parsed.conflictId,
        resolution: parsed.resolution,
        customValue,
        note: parsed.note,
      },
    ],
    ctx,
    options,
    "customValue",
  );
}

/** Resolves several conflicts the same way (keep HR / keep IM / ignore) with one note. */
export async function resolveConflicts(
  input: BulkResolveConflictsInput,
  ctx: CommandContext,
  options: ResolveConflictsOptions = {},
): Promise<{ resolved: number }> {
  ownTransactionOnly(ctx, "resolveConflicts");
  const parsed = bulkResolveConflictsSchema.parse(input);
  const ids = [...new Set(parsed.conflictIds)];
  return resolveMany(
    ids.map((conflictId) => ({ conflictId, resolution: parsed.resolution, note: parsed.note })),
    ctx,
    options,
    "resolution",
  );
}

/**
 * Checks every decision against lib/conflicts' rules first (nothing is written
 * if one is refused), then marks the conflicts RESOLVED or IGNORED and audits
 * each in one transaction, then asks the engine to apply them (conflict/resolved).
 */
async function resolveMany(
  decisions: Decision[],
  ctx: CommandContext,
  options: ResolveConflictsOptions,
  field: string,
): Promise<{ resolved: number }> {
  const rows = await db.syncConflict.findMany({
    where: { id: { in: decisions.map((d) => d.conflictId) } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = new Date();
  for (const d of decisions) {
    const row = byId.get(d.conflictId);
    if (!row) throw notFound("Conflict");
    if (row.status !== "OPEN")
      throw new AppError(
        409,
        "not_open",
        `Conflict ${row.subjectKey} is already ${row.status.toLowerCase()}.`,
      );
    const result = applyResolution({
      conflict: conflictFromRow(row),
      resolution: resolutionFromRow(d.resolution, d.customValue),
      now,
    });
    if (!result.ok)
      throw invalid(
        field,
        decisions.length > 1 ? `${row.subjectKey}: ${result.error}` : result.error,
      );
  }

  const resolvedBy = ctx.actor.name ?? ctx.actor.id;
  await db.$transaction(async (tx) => {
    for (const d of decisions) {
      const row = byId.get(d.conflictId)!;
      const status = d.resolution === "IGNORE" ? "IGNORED" : "RESOLVED";
      // Guarded on OPEN so two admins deciding at once cannot both win.
      const updated = await tx.syncConflict.updateMany({
        where: { id: row.id, status: "OPEN" },
        data: {
          status,
          resolution: d.resolution,
          customValue:
            d.customValue === undefined ? undefined : (d.customValue as Prisma.InputJsonValue),
          note: d.note ?? null,
          resolvedBy,
          resolvedAt: now,
        },
      });
      if (updated.count !== 1)
        throw new AppError(
          409,
          "not_open",
          `Conflict ${row.subjectKey} was decided by someone else.`,
        );
      await recordAudit(tx, ctx.actor, {
        action: "conflict.resolved",
        targetType: "sync_conflict",
        targetId: row.id,
        before: { status: row.status },
        after: {
          type: row.type,
          subjectKey: row.subjectKey,
          status,
          resolution: d.resolution,
          customValue: d.customValue,
          note: d.note,
        },
      });
    }
  });

  // After the commit, so the job reads the decision.
  const send = options.send ?? sendEvent;
  for (const d of decisions) {
    await send(
      "conflict/resolved",
      { conflictId: d.conflictId, resolvedBy: ctx.actor.id },
      `conflict-resolved-${d.conflictId}-${now.getTime()}`,
    );
  }
  return { resolved: decisions.length };
}
