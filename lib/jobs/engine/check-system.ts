import { db } from "@/lib/core/db";

/** A cheap end-to-end check that the database answers, with the sizes an operator would glance at. */
export async function checkSystem() {
  const [orgUnits, employees, openConflicts] = await Promise.all([
    db.orgUnit.count(),
    db.employee.count(),
    db.syncConflict.count({ where: { status: "OPEN" } }),
  ]);
  return { orgUnits, employees, openConflicts, checkedAt: new Date().toISOString() };
}
