import { db } from "@/lib/core/db";

/**
 * A cheap end-to-end check that the database answers, with the sizes an operator would glance at.
 * One statement (one round trip, one pooled connection) rather than three counts: `system-ping`
 * runs it on every "Send test event" and the executor bench runs it hundreds of times a second.
 */
export async function checkSystem() {
  const [row] = await db.$queryRaw<
    { orgUnits: number; employees: number; openConflicts: number }[]
  >`
    SELECT (SELECT count(*) FROM "OrgUnit")::int AS "orgUnits",
           (SELECT count(*) FROM "Employee")::int AS "employees",
           (SELECT count(*) FROM "SyncConflict" WHERE status = 'OPEN')::int AS "openConflicts"`;
  return { ...row, checkedAt: new Date().toISOString() };
}
