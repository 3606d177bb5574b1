import { db } from "@/lib/core/db";
import { imProviders, isImProvider } from "@/lib/connectors/registry";
import { loadPlanSettings } from "@/lib/sync/queries/load-plan-settings";
import { hrEmployeeFromRow } from "@/lib/sync/rules/hr-employee-from-row";
import type { HrEmployee } from "@/lib/sync/types";
import { scheduleLifecycleChanges } from "../rules/schedule-lifecycle-changes";
import type { ScheduleAccount, ScheduledChange } from "../types";

export type ScheduledChangeRow = ScheduledChange & {
  connectionName: string;
  /** The change's instant has passed; the next scheduled run (or any sync) applies it. */
  due: boolean;
};

/**
 * The joiner and leaver steps still to happen on every enabled IM target, soonest first: who, what,
 * when (an instant plus the zone it is read in). Reads only the employees that can have one — future
 * hires, leavers (announced or terminated) and disabled accounts awaiting deletion.
 */
export async function listScheduledChanges(
  options: { now?: Date; connectionId?: string; employeeNo?: string; limit?: number } = {},
): Promise<ScheduledChangeRow[]> {
  const now = options.now ?? new Date();
  const [settings, connections] = await Promise.all([
    loadPlanSettings(),
    db.connection.findMany({
      where: {
        kind: "IM_TARGET",
        enabled: true,
        ...(options.connectionId ? { id: options.connectionId } : {}),
      },
      select: { id: true, name: true, provider: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  if (connections.length === 0) return [];
  const rows = await db.employee.findMany({
    where: {
      ...(options.employeeNo ? { employeeNo: options.employeeNo } : {}),
      OR: [
        { status: "ONBOARDING" },
        { status: "TERMINATED" },
        { terminationDate: { not: null } },
        { imAccounts: { some: { state: "DISABLED" } } },
      ],
    },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      status: true,
      hireDate: true,
      terminationDate: true,
      terminationReason: true,
      timeZone: true,
      imAccounts: {
        where: { connectionId: { in: connections.map((c) => c.id) } },
        select: { connectionId: true, state: true, disabledAt: true },
      },
    },
    orderBy: { employeeNo: "asc" },
  });
  const accounts = new Map<string, ScheduleAccount>();
  const employees = rows.map((e): HrEmployee => {
    for (const a of e.imAccounts)
      accounts.set(`${a.connectionId}#${e.employeeNo}`, {
        state: a.state,
        disabledAt: a.disabledAt?.toISOString() ?? null,
      });
    return hrEmployeeFromRow(e);
  });
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const changes = scheduleLifecycleChanges({
    employees,
    targets: connections.map((c) => ({
      connectionId: c.id,
      canDisableUser: isImProvider(c.provider)
        ? imProviders[c.provider].capabilities.canDisableUser
        : false,
    })),
    accounts,
    lifecycle: settings.lifecycle,
    companyTimeZone: settings.timeZone,
    now,
  });
  return changes.slice(0, options.limit ?? 1000).map((c) => ({
    ...c,
    connectionName: names.get(c.connectionId) ?? c.connectionId,
    due: Date.parse(c.effectiveAt) <= now.getTime(),
  }));
}
