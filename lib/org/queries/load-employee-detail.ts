import { db } from "@/lib/core/db";
import { listScheduledChanges } from "@/lib/lifecycle/queries/list-scheduled-changes";
import { getEmployee } from "./get-employee";

const RECENT_CHANGES = 20;

/**
 * Everything the employee page and `GET /api/v1/employees/{employeeNo}` show of one person: the HR
 * record, IM accounts, scheduled lifecycle steps (transfers with their units), recent account changes and open conflicts.
 * Throws 404 for an unknown employee number.
 */
export async function loadEmployeeDetail(employeeNo: string, options: { now?: Date } = {}) {
  const employee = await getEmployee(employeeNo);
  const [scheduled, changes, conflicts, extra] = await Promise.all([
    listScheduledChanges({ employeeNo, now: options.now }),
    db.syncChange.findMany({
      where: { targetType: "im_account", targetKey: employeeNo },
      orderBy: [{ run: { startedAt: "desc" } }, { seq: "desc" }],
      take: RECENT_CHANGES,
      select: {
        id: true,
        op: true,
        status: true,
        error: true,
        appliedAt: true,
        run: {
          select: {
            id: true,
            kind: true,
            trigger: true,
            startedAt: true,
            connection: { select: { name: true } },
          },
        },
      },
    }),
    db.syncConflict.findMany({
      where: {
        subjectType: "employee",
        status: "OPEN",
        OR: [{ subjectKey: employeeNo }, { subjectKey: { startsWith: `${employeeNo}#` } }],
      },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
      select: { id: true, type: true, subjectKey: true, detail: true, lastSeenAt: true },
    }),
    db.employee.findUnique({
      where: { employeeNo },
      select: {
        orgUnit: { select: { name: true, path: true } },
        manager: { select: { name: true } },
      },
    }),
  ]);
  return {
    ...employee,
    orgUnitName: extra?.orgUnit?.name ?? null,
    orgUnitPath: extra?.orgUnit?.path ?? null,
    managerName: extra?.manager?.name ?? null,
    scheduledChanges: scheduled.map((s) => ({
      type: s.type,
      effectiveAt: s.effectiveAt,
      timeZone: s.timeZone,
      connectionId: s.connectionId,
      connectionName: s.connectionName,
      due: s.due,
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.type === "transfer"
        ? {
            fromUnit: s.fromUnit ?? null,
            fromUnitName: s.fromUnitName ?? null,
            toUnit: s.toUnit ?? null,
            toUnitName: s.toUnitName ?? null,
          }
        : {}),
    })),
    recentChanges: changes.map(({ run, ...c }) => ({
      ...c,
      runId: run.id,
      runKind: run.kind,
      trigger: run.trigger,
      startedAt: run.startedAt,
      connectionName: run.connection.name,
    })),
    openConflicts: conflicts,
  };
}

export type EmployeeDetail = Awaited<ReturnType<typeof loadEmployeeDetail>>;
