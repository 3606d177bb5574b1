import { db } from "@/lib/core/db";
import type { Conflict, ConflictType } from "@/lib/conflicts/types";

const MANAGER_CONFLICTS: ConflictType[] = ["manager_cycle", "manager_out_of_scope"];

export type SettleManagerConflictsInput = {
  /** The IM_TARGET connection the plan was for. */
  connectionId: string;
  /** Every conflict the plan raised. */
  conflicts: Conflict[];
  /** The employees the plan covered; absent = everyone (a full run). */
  employeeNos?: string[];
};

/**
 * Manager conflicts settle themselves: an open one the plan covered but no longer raises (HR fixed the
 * manager, the manager came into scope or left the loop) is resolved by "sync"; one that sync resolved
 * and that comes back is opened again. A person's resolve or ignore stands.
 */
export async function settleManagerConflicts(input: SettleManagerConflictsInput): Promise<void> {
  const raised = input.conflicts
    .filter((c) => MANAGER_CONFLICTS.includes(c.type))
    .map((c) => c.fingerprint);
  const scoped = input.employeeNos !== undefined;
  const nos = input.employeeNos ?? [];
  await db.$transaction([
    db.$executeRaw`
      UPDATE "SyncConflict" SET status = 'RESOLVED', "resolvedBy" = 'sync', "resolvedAt" = now() AT TIME ZONE 'UTC',
             note = 'The manager reference is fine again: the sync closed this conflict.'
      WHERE "connectionId" = ${input.connectionId} AND type = ANY(${MANAGER_CONFLICTS}::text[]) AND status = 'OPEN'
        AND fingerprint <> ALL(${raised}::text[]) AND (NOT ${scoped} OR "subjectKey" = ANY(${nos}::text[]))`,
    db.$executeRaw`
      UPDATE "SyncConflict" SET status = 'OPEN', "resolvedBy" = NULL, "resolvedAt" = NULL, note = NULL
      WHERE fingerprint = ANY(${raised}::text[]) AND status = 'RESOLVED' AND "resolvedBy" = 'sync'`,
  ]);
}
