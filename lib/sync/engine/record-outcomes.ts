import { db, type Prisma } from "@/lib/core/db";
import type { ChangeOutcome } from "./apply-change";
import { saveAccountMemories, saveCreatedGroups, type CreatedGroup } from "./memory-rows";

/**
 * Records outcomes in one transaction: the memory of the applied ones (group rows in order, account rows
 * in bulk) and every change's status. An applied change whose account memory cannot be written (the
 * employee left the directory meanwhile) is marked FAILED. Returns the outcomes as recorded.
 */
export async function recordOutcomes(
  connectionId: string,
  outcomes: ChangeOutcome[],
): Promise<ChangeOutcome[]> {
  if (outcomes.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      // Group rows in order; runs of created groups in one go.
      let created: CreatedGroup[] = [];
      for (const o of outcomes) {
        if (o.memory?.kind === "groupCreated") created.push(o.memory.group);
        else if (o.memory?.kind === "rows") {
          await saveCreatedGroups(tx, connectionId, created);
          created = [];
          await o.memory.write(tx);
        }
      }
      await saveCreatedGroups(tx, connectionId, created);
      const accounts = outcomes.flatMap((o) =>
        o.memory?.kind === "account"
          ? [{ employeeNo: o.memory.employeeNo, patch: o.memory.patch }]
          : [],
      );
      const unwritten =
        accounts.length > 0
          ? await saveAccountMemories(tx, connectionId, accounts)
          : new Set<string>();
      const recorded = outcomes.map((o): ChangeOutcome => {
        if (o.memory?.kind !== "account" || !unwritten.has(o.memory.employeeNo)) return o;
        return {
          changeId: o.changeId,
          status: "FAILED",
          errorCode: "error",
          error: `Employee ${o.memory.employeeNo} is not in the directory, or has no IM account remembered`,
        };
      });
      const at = new Date().toISOString();
      // The joined row `o` is the change as it was before this statement: its old status gives the counter deltas.
      const moved = await tx.$queryRaw<{ runId: string; old: string; new: string; n: number }[]>`
        WITH upd AS (
          UPDATE "SyncChange" AS c SET
            status = u.status::"ChangeStatus",
            "appliedAt" = CASE WHEN u.status = 'APPLIED' THEN ${at}::timestamptz AT TIME ZONE 'UTC' ELSE c."appliedAt" END,
            error = u.error,
            "errorCode" = u.code
          FROM unnest(${recorded.map((o) => o.changeId)}::text[], ${recorded.map((o) => o.status)}::text[],
                      ${recorded.map((o) => o.errorCode ?? null)}::text[], ${recorded.map((o) => o.error ?? null)}::text[]) AS u(id, status, code, error),
               "SyncChange" AS o
          WHERE c.id = u.id AND o.id = c.id
          RETURNING c."runId", o.status::text AS old, c.status::text AS new)
        SELECT "runId", old, new, count(*)::int AS n FROM upd WHERE old <> new GROUP BY 1, 2, 3`;
      await bumpRunCounters(tx, moved);
      return recorded;
    },
    { timeout: 60_000 },
  );
}

const COUNTED = { APPLIED: "applied", FAILED: "failed", SKIPPED: "skipped" } as const;

/**
 * Moves the runs' applied/failed/skipped counters with the status changes just written, in the same
 * transaction: the counters stay exact through crashes and repeats without recounting the run's rows.
 */
async function bumpRunCounters(
  tx: Prisma.TransactionClient,
  moved: { runId: string; old: string; new: string; n: number }[],
): Promise<void> {
  const deltas = new Map<string, { applied: number; failed: number; skipped: number }>();
  for (const m of moved) {
    const d = deltas.get(m.runId) ?? { applied: 0, failed: 0, skipped: 0 };
    const from = COUNTED[m.old as keyof typeof COUNTED];
    const to = COUNTED[m.new as keyof typeof COUNTED];
    if (from) d[from] -= m.n;
    if (to) d[to] += m.n;
    deltas.set(m.runId, d);
  }
  for (const [id, d] of deltas)
    await tx.syncRun.update({
      where: { id },
      data: {
        applied: { increment: d.applied },
        failed: { increment: d.failed },
        skipped: { increment: d.skipped },
      },
    });
}
