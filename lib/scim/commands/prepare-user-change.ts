import type { HrEmployee } from "@/lib/connectors/types";
import { conflictFingerprint } from "@/lib/conflicts/rules/conflict-fingerprint";
import type { Prisma } from "@/lib/core/db";
import { hrVersion } from "../rules/hr-version";
import { matchDepartment, type DepartmentMatch } from "../rules/match-department";
import { toHrEmployee } from "../rules/to-hr-employee";
import type { ScimConnectionConfig, StoredUser } from "../types";

export const UNMATCHED_DEPARTMENT_CONFLICT = "scim_unmatched_department";

export type UserRow = { id: string; hrKey: string; version: number; data: unknown };

export type UserChange = {
  record: HrEmployee;
  placement: DepartmentMatch | { unitCode: string; by: "group" };
};

/**
 * What a SCIM user is as an HR record right now: `department` placed by code, then by name, then the
 * connection's fallback unit, else the first group (a SCIM group is an org unit) the user is a
 * member of; the manager resolved to their employee number. A department that places nobody is
 * an open conflict (`scim_unmatched_department`) until it matches; then that conflict is resolved.
 */
export async function prepareUserChange(
  tx: Prisma.TransactionClient,
  connection: { id: string; config: ScimConnectionConfig },
  row: UserRow,
  options: { deletedOn?: string } = {},
): Promise<UserChange> {
  const user = row.data as StoredUser;
  const department = user.enterprise?.department?.trim();
  const fallback = connection.config.fallbackUnitCode;
  const units = await tx.orgUnit.findMany({
    where: {
      OR: [
        ...(department
          ? [{ code: department }, { name: { equals: department, mode: "insensitive" as const } }]
          : []),
        ...(fallback ? [{ code: fallback }] : []),
      ],
    },
    select: { code: true, name: true, active: true },
  });
  let placement: UserChange["placement"] = matchDepartment(department, units, fallback);
  if (!placement.unitCode) {
    const group = await tx.scimResource.findFirst({
      where: {
        connectionId: connection.id,
        type: "Group",
        data: { path: ["members"], array_contains: [{ value: row.id }] },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { hrKey: true },
    });
    if (group) placement = { unitCode: group.hrKey, by: "group" };
  }
  const managerId = user.enterprise?.manager?.value;
  const manager = managerId
    ? await tx.scimResource.findFirst({
        where: { id: managerId, connectionId: connection.id, type: "User" },
        select: { hrKey: true },
      })
    : null;
  const record = toHrEmployee({
    user,
    employeeNo: row.hrKey,
    version: hrVersion(row.version, new Date()),
    unitCode: placement.unitCode,
    managerNo: manager?.hrKey,
    deletedOn: options.deletedOn,
  });
  await trackUnmatchedDepartment(tx, connection.id, row.hrKey, department, placement);
  return { record, placement };
}

async function trackUnmatchedDepartment(
  tx: Prisma.TransactionClient,
  connectionId: string,
  employeeNo: string,
  department: string | undefined,
  placement: UserChange["placement"],
) {
  const fingerprint = conflictFingerprint({
    scope: connectionId,
    type: UNMATCHED_DEPARTMENT_CONFLICT,
    subjectType: "employee",
    subjectKey: employeeNo,
  });
  const unmatched = !!department && "reason" in placement && placement.reason !== "none";
  if (!unmatched) {
    await tx.syncConflict.updateMany({
      where: { fingerprint, status: "OPEN" },
      data: {
        status: "RESOLVED",
        resolvedBy: "scim",
        resolvedAt: new Date(),
        note: "The department now matches an org unit.",
      },
    });
    return;
  }
  const detail =
    placement.reason === "ambiguous"
      ? `Department "${department}" matches several org units by name; set the unit code as the department.`
      : `Department "${department}" matches no org unit by code or name.`;
  await tx.syncConflict.upsert({
    where: { fingerprint },
    create: {
      fingerprint,
      type: UNMATCHED_DEPARTMENT_CONFLICT,
      connectionId,
      subjectType: "employee",
      subjectKey: employeeNo,
      hrValue: { department },
      detail,
    },
    update: {
      occurrences: { increment: 1 },
      lastSeenAt: new Date(),
      hrValue: { department },
      detail,
    },
  });
  // Reopen only what this provider closed itself; a person's resolve or ignore stands.
  await tx.syncConflict.updateMany({
    where: { fingerprint, status: "RESOLVED", resolvedBy: "scim" },
    data: { status: "OPEN", resolvedBy: null, resolvedAt: null, note: null },
  });
}
