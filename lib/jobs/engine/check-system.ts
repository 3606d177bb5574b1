import { db } from "@/lib/core/db";

/** Above this many rows (PostgreSQL's own estimate) the employee figure is that estimate, not a count. */
export const EXACT_EMPLOYEE_COUNT_BELOW = 20_000;

/**
 * A cheap end-to-end check that the database answers, with the sizes an operator would glance at.
 * One statement (one round trip, one pooled connection) rather than three counts: `system-ping`
 * runs it on every "Send test event" and the executor bench runs it hundreds of times a second.
 * `count(*)` reads every row, so for a large company (over `exactBelow` employees by the planner's
 * statistics) the employee figure is PostgreSQL's estimate (`pg_class.reltuples`, kept by
 * autovacuum and the sync's ANALYZE) and `employeesApproximate` says so: at 90k employees the
 * exact count cost ~6 ms of PostgreSQL CPU per ping, most of the database's work under the bench.
 */
export async function checkSystem({ exactBelow = EXACT_EMPLOYEE_COUNT_BELOW } = {}) {
  const [row] = await db.$queryRaw<
    { orgUnits: number; employees: number; employeesApproximate: boolean; openConflicts: number }[]
  >`
    SELECT (SELECT count(*) FROM "OrgUnit")::int AS "orgUnits",
           -- reltuples is -1 until the table was first analysed: counted then too.
           CASE WHEN e.estimate < ${exactBelow} THEN (SELECT count(*) FROM "Employee")::int
                ELSE e.estimate END AS "employees",
           e.estimate >= ${exactBelow} AS "employeesApproximate",
           (SELECT count(*) FROM "SyncConflict" WHERE status = 'OPEN')::int AS "openConflicts"
      FROM (SELECT reltuples::int AS estimate FROM pg_class WHERE oid = '"Employee"'::regclass) e`;
  return { ...row, checkedAt: new Date().toISOString() };
}
