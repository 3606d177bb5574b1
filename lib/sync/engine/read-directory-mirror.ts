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
  const claimants = pushed ? await employeesWithEmails(records) : [];
  const employees = await db.employee.findMany({
    ...(relevantNos
      ? {
          where: {
            OR: [
              { employeeNo: { in: relevantNos } },
              ...(claimants.length ? [{ id: { in: claimants } }] : []),
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

/**
 * Employees holding any of the pushed records' e-mails, compared case-insensitively. One
 * `lower(email) = ANY(…)` on the expression index (migration 20261203150000): Prisma's
 * case-insensitive `equals` is an ILIKE per address, which no index serves — a push of 50 hires
 * scanned the whole directory 50 times over (650 ms a merge at 20k employees, issue #17).
 */
async function employeesWithEmails(records: HrRecords): Promise<string[]> {
  const emails = [
    ...new Set(
      [...records.employees.values()].flatMap((e) =>
        e.email?.trim() ? [e.email.trim().toLowerCase()] : [],
      ),
    ),
  ];
  if (!emails.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Employee" WHERE lower(email) = ANY(${emails}::text[])`;
  return rows.map((r) => r.id);
}
