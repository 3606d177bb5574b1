import { db } from "@/lib/core/db";
import { listIncrementalTargets } from "@/lib/sync/engine/run-incremental-sync";
import { listScheduledChanges } from "../queries/list-scheduled-changes";
import { LIFECYCLE_WATERMARK_KEY } from "../types";

export type DueLifecycleChanges = {
  /** The window claimed: (from, until]. */
  from: string;
  until: string;
  /** Per IM target, the employees with a step in the window. */
  targets: { connectionId: string; employeeNos: string[] }[];
};

/**
 * Claims the joiner/leaver/transfer steps whose instant fell in (watermark, now] and moves the watermark to
 * now, in one transaction: each instant is claimed once, however many ticks overlap (the row lock
 * makes them take turns). The caller syncs the claimed employees; a retry of that sync replans and
 * finds the change applied, so nothing is applied twice. A first call looks back `firstWindowMinutes`.
 */
export async function claimDueLifecycleChanges(
  options: { now?: Date; firstWindowMinutes?: number } = {},
): Promise<DueLifecycleChanges> {
  const now = options.now ?? new Date();
  const from = await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt")
      VALUES (${LIFECYCLE_WATERMARK_KEY}, 'null'::jsonb, now()) ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<{ value: unknown }[]>`
      SELECT "value" FROM "Setting" WHERE "key" = ${LIFECYCLE_WATERMARK_KEY} FOR UPDATE`;
    const stored = rows[0]?.value;
    const start =
      typeof stored === "string" && !Number.isNaN(Date.parse(stored))
        ? new Date(stored)
        : new Date(now.getTime() - (options.firstWindowMinutes ?? 10) * 60_000);
    if (start.getTime() >= now.getTime()) return null;
    await tx.setting.update({
      where: { key: LIFECYCLE_WATERMARK_KEY },
      data: { value: now.toISOString(), updatedBy: "system:lifecycle" },
    });
    return start;
  });
  if (!from) return { from: now.toISOString(), until: now.toISOString(), targets: [] };

  // Like an HR push: only targets that had their initial full sync are synced employee by employee.
  const [changes, eligible] = await Promise.all([
    // Transfers at or before the window's start fired on an earlier claim (see scheduleLifecycleChanges).
    listScheduledChanges({ now, firedUntil: from, limit: Number.MAX_SAFE_INTEGER }),
    listIncrementalTargets().then((ids) => new Set(ids)),
  ]);
  const byTarget = new Map<string, Set<string>>();
  for (const c of changes) {
    if (!eligible.has(c.connectionId)) continue;
    const t = Date.parse(c.effectiveAt);
    if (t <= from.getTime() || t > now.getTime()) continue;
    const set = byTarget.get(c.connectionId) ?? new Set<string>();
    set.add(c.employeeNo);
    byTarget.set(c.connectionId, set);
  }
  return {
    from: from.toISOString(),
    until: now.toISOString(),
    targets: [...byTarget].map(([connectionId, set]) => ({
      connectionId,
      employeeNos: [...set].sort(),
    })),
  };
}
