import { db } from "@/lib/core/db";
import { imProviders, isImProvider } from "@/lib/connectors/registry";
import { loadPlanSettings } from "@/lib/sync/queries/load-plan-settings";
import { hrEmployeeFromRow } from "@/lib/sync/rules/hr-employee-from-row";
import type { HrEmployee } from "@/lib/sync/types";
import { scheduleLifecycleChanges } from "../rules/schedule-lifecycle-changes";
import { TRANSFER_COLUMNS } from "@/lib/sync/rules/mirror-transfer";
import { LIFECYCLE_WATERMARK_KEY, type ScheduleAccount, type ScheduledChange } from "../types";

export type ScheduledChangeRow = ScheduledChange & {
  connectionName: string;
  /** The change's instant has passed; the next scheduled run (or any sync) applies it. */
  due: boolean;
  /** Transfers: the units' names, where the mirror knows them. */
  fromUnitName?: string;
  toUnitName?: string;
};

export type ListScheduledChangesOptions = {
  now?: Date;
  connectionId?: string;
  employeeNo?: string;
  limit?: number;
  /** Transfers up to this instant count as fired; absent = the stored lifecycle watermark. */
  firedUntil?: Date | null;
};

/**
 * The joiner, mover and leaver steps still to happen on every enabled IM target, soonest first:
 * who, what, when (an instant plus the zone it is read in). Reads only the employees that can have
 * one — future hires, leavers (announced or terminated), disabled accounts awaiting deletion and
 * employees with a pending transfer.
 */
export async function listScheduledChanges(
  options: ListScheduledChangesOptions = {},
): Promise<ScheduledChangeRow[]> {
  const now = options.now ?? new Date();
  const [settings, connections, firedUntil] = await Promise.all([
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
    options.firedUntil !== undefined ? options.firedUntil : readWatermark(),
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
        { transferDate: { not: null } },
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
      orgUnit: { select: { code: true } },
      ...TRANSFER_COLUMNS,
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
    firedUntil,
  });
  const listed = changes.slice(0, options.limit ?? 1000);
  const unitNames = await loadUnitNames(listed.flatMap((c) => [c.fromUnit, c.toUnit]));
  return listed.map((c) => ({
    ...c,
    connectionName: names.get(c.connectionId) ?? c.connectionId,
    due: Date.parse(c.effectiveAt) <= now.getTime(),
    ...(c.fromUnit && unitNames.has(c.fromUnit) ? { fromUnitName: unitNames.get(c.fromUnit) } : {}),
    ...(c.toUnit && unitNames.has(c.toUnit) ? { toUnitName: unitNames.get(c.toUnit) } : {}),
  }));
}

/** The instant up to which the lifecycle function has claimed steps; null before its first claim. */
async function readWatermark(): Promise<Date | null> {
  const row = await db.setting.findUnique({ where: { key: LIFECYCLE_WATERMARK_KEY } });
  const value = row?.value;
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
}

async function loadUnitNames(codes: (string | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (wanted.length === 0) return new Map();
  const rows = await db.orgUnit.findMany({
    where: { code: { in: wanted } },
    select: { code: true, name: true },
  });
  return new Map(rows.map((u) => [u.code, u.name]));
}
