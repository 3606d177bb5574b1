import { db } from "@/lib/core/db";
import type { HrRecords, MirrorEmployee, MirrorUnit } from "../hr-directory-types";
import { TRANSFER_COLUMNS } from "../rules/mirror-transfer";

/**
 * The OrgUnit/Employee mirror the diff compares with: every unit, and every employee —
 * or, for pushed records (`pushed`), only those they name and the managers they name.
 */
export async function readDirectoryMirror(
  records: HrRecords,
  pushed: boolean,
): Promise<{ units: MirrorUnit[]; employees: MirrorEmployee[] }> {
  const units = await db.orgUnit.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      parentId: true,
      managerId: true,
      path: true,
      depth: true,
      active: true,
      sourceVersion: true,
      sourceHash: true,
      sourceConnectionId: true,
    },
  });
  // Pushed records touch a few employees: read only those and the managers they name.
  const relevantNos = pushed
    ? [
        ...records.employees.keys(),
        ...[...records.employees.values(), ...records.units.values()].flatMap((r) =>
          r.managerNo ? [r.managerNo] : [],
        ),
      ]
    : undefined;
  // …and whoever already has their e-mail, which another source may own (a claim).
  const emails = pushed
    ? [...records.employees.values()].flatMap((e) => (e.email ? [e.email.trim()] : []))
    : [];
  const employees = await db.employee.findMany({
    ...(relevantNos
      ? {
          where: {
            OR: [
              { employeeNo: { in: relevantNos } },
              ...emails.map((email) => ({
                email: { equals: email, mode: "insensitive" as const },
              })),
            ],
          },
        }
      : {}),
    select: {
      id: true,
      employeeNo: true,
      name: true,
      nameEn: true,
      email: true,
      mobile: true,
      title: true,
      grade: true,
      orgUnitId: true,
      managerId: true,
      managerNo: true,
      status: true,
      hireDate: true,
      terminationDate: true,
      terminationReason: true,
      timeZone: true,
      locale: true,
      sourceVersion: true,
      sourceHash: true,
      sourceConnectionId: true,
      ...TRANSFER_COLUMNS,
    },
  });
  return { units, employees };
}
