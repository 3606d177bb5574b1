import { emitEvent } from "@/lib/callbacks/commands/emit-event";
import { db } from "@/lib/core/db";

const MODE = {
  FULL: "full",
  INCREMENTAL: "incremental",
  RECONCILE: "reconcile",
  DRY_RUN: "dry_run",
} as const;
const STATUS = { SUCCEEDED: "succeeded", PARTIAL: "partial", FAILED: "failed" } as const;

export type EmitSyncEventsResult = { emitted: number; failed: number };

/**
 * Tells subscribed systems what a finished run did: `sync.completed`, one `employee.provisioned` per
 * account it created, one `employee.deprovisioned` per account it disabled, suspended or deleted, and one
 * `conflict.opened` per conflict it raised for the first time. Event ids derive from the run, change and
 * conflict ids, so a retried step emits nothing twice. Types no enabled endpoint subscribes to are skipped
 * without a query per change. A refused or failing emit is logged and counted, never fails the sync.
 */
export async function emitSyncEvents(runId: string): Promise<EmitSyncEventsResult> {
  const subscribed = new Set(
    (
      await db.callbackEndpoint.findMany({ where: { enabled: true }, select: { eventTypes: true } })
    ).flatMap((e) => e.eventTypes),
  );
  const result: EmitSyncEventsResult = { emitted: 0, failed: 0 };
  if (subscribed.size === 0) return result;
  const run = await db.syncRun.findUniqueOrThrow({
    where: { id: runId },
    include: { connection: { select: { provider: true } } },
  });
  const emit = async (id: string, type: string, data: unknown) => {
    if (!subscribed.has(type)) return;
    try {
      await emitEvent({ id, type, data, source: "sync" });
      result.emitted++;
    } catch (err) {
      result.failed++;
      console.error(`[sync ${runId}] could not emit ${type}`, (err as Error).message);
    }
  };
  const provider = run.connection.provider;

  if (subscribed.has("employee.provisioned") || subscribed.has("employee.deprovisioned")) {
    const changes = await db.syncChange.findMany({
      where: {
        runId,
        status: "APPLIED",
        op: { in: ["account.create", "account.disable", "account.suspend", "account.delete"] },
      },
      select: { id: true, op: true, targetKey: true, after: true, before: true, appliedAt: true },
      orderBy: { seq: "asc" },
    });
    const units = new Map(
      (
        await db.employee.findMany({
          where: {
            employeeNo: {
              in: changes.filter((c) => c.op === "account.create").map((c) => c.targetKey),
            },
          },
          select: { employeeNo: true, orgUnit: { select: { code: true } } },
        })
      ).map((e) => [e.employeeNo, e.orgUnit?.code]),
    );
    for (const c of changes) {
      const after = (c.after ?? {}) as { imUserId?: string };
      const before = (c.before ?? {}) as { imUserId?: string };
      const at = (c.appliedAt ?? new Date()).toISOString();
      if (c.op === "account.create") {
        await emit(`employee.provisioned:${c.id}`, "employee.provisioned", {
          employeeNo: c.targetKey,
          imUserId: after.imUserId ?? c.targetKey,
          provider,
          ...(units.get(c.targetKey) ? { orgUnitCode: units.get(c.targetKey) } : {}),
          provisionedAt: at,
        });
      } else {
        const imUserId = after.imUserId ?? before.imUserId;
        await emit(`employee.deprovisioned:${c.id}`, "employee.deprovisioned", {
          employeeNo: c.targetKey,
          ...(imUserId ? { imUserId } : {}),
          provider,
          reason: c.op === "account.suspend" ? "on_leave" : "terminated",
          deprovisionedAt: at,
        });
      }
    }
  }

  if (subscribed.has("conflict.opened")) {
    const conflicts = await db.syncConflict.findMany({
      where: { runId, occurrences: 1, status: "OPEN" },
      select: { id: true, type: true, subjectType: true, subjectKey: true, firstSeenAt: true },
    });
    for (const c of conflicts) {
      await emit(`conflict.opened:${c.id}`, "conflict.opened", {
        conflictId: c.id,
        kind: c.type,
        subject: c.subjectKey.slice(0, 200),
        ...(c.subjectType === "employee" ? { employeeNo: c.subjectKey } : {}),
        openedAt: c.firstSeenAt.toISOString(),
      });
    }
  }

  const status = STATUS[run.status as keyof typeof STATUS];
  if (status) {
    const applied = await db.syncChange.groupBy({
      by: ["op"],
      where: { runId, status: "APPLIED" },
      _count: { _all: true },
    });
    const byOp = new Map(applied.map((g) => [g.op, g._count._all]));
    const count = (ops: string[]) => ops.reduce((sum, op) => sum + (byOp.get(op) ?? 0), 0);
    await emit(`sync.completed:${run.id}`, "sync.completed", {
      syncRunId: run.id,
      mode: MODE[run.kind],
      status,
      counts: {
        created: count(["account.create", "group.create"]),
        updated: count(["account.update", "group.rename"]),
        moved: count(["account.move", "group.move"]),
        disabled: count(["account.disable", "account.suspend", "account.delete", "group.delete"]),
        conflicts: run.conflicts,
        errors: run.failed,
      },
      startedAt: run.startedAt.toISOString(),
      finishedAt: (run.finishedAt ?? new Date()).toISOString(),
    });
  }
  return result;
}
