import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { generateCompany, type GenerateCompanyOptions } from "@/lib/demo/generate-company";

type SeedOptions = GenerateCompanyOptions & {
  /** Where progress lines go. */
  log?: (line: string) => void;
  /** Seed even when the sandbox HR already has data (wipes the demo tables first). */
  force?: boolean;
};

const STATUS = { onboarding: "ONBOARDING", active: "ACTIVE", on_leave: "ON_LEAVE", terminated: "TERMINATED" } as const;

/**
 * Fills the sandbox HR system with the demo company and performs the first HR
 * import into OrgBridge's directory, so the console has data before any sync.
 * Returns false when there was data already and `force` was not set.
 */
export async function seedDemoCompany(url: string, opts: SeedOptions = {}): Promise<boolean> {
  const log = opts.log ?? (() => {});
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (!opts.force && (await db.sandboxHrEmployee.count()) > 0) return false;
    const started = Date.now();
    const { units, employees } = generateCompany(opts);
    const unitIds = new Map(units.map((u) => [u.code, randomUUID()]));
    const employeeIds = new Map(employees.map((e) => [e.employeeNo, randomUUID()]));
    const depthOf = (code: string | null): number => {
      let d = 0;
      for (let c = code; c; c = units.find((u) => u.code === c)?.parentCode ?? null) d++;
      return d - 1;
    };
    const pathOf = (code: string): string => {
      const parts: string[] = [];
      for (let c: string | null = code; c; c = units.find((u) => u.code === c)?.parentCode ?? null) parts.unshift(c);
      return `/${parts.join("/")}`;
    };

    await db.$transaction(
      async (tx) => {
        if (opts.force) {
          await tx.$executeRaw`TRUNCATE "SandboxHrEmployee", "SandboxHrUnit", "Employee", "OrgUnit" CASCADE`;
        }
        await tx.sandboxHrUnit.createMany({
          data: units.map((u) => ({ code: u.code, name: u.name, nameEn: u.nameEn, parentCode: u.parentCode, managerNo: u.managerNo })),
        });
        await tx.sandboxHrEmployee.createMany({
          data: employees.map((e) => ({
            employeeNo: e.employeeNo, name: e.name, nameEn: e.nameEn, email: e.email, mobile: e.mobile, title: e.title,
            unitCode: e.unitCode, managerNo: e.managerNo, status: e.status, hireDate: new Date(e.hireDate),
            timeZone: e.timeZone, locale: e.locale,
          })),
        });
        // First import into OrgBridge's own directory (what an HR pull does).
        await tx.orgUnit.createMany({
          data: units.map((u) => ({
            id: unitIds.get(u.code)!, code: u.code, name: u.name, nameEn: u.nameEn,
            parentId: u.parentCode ? unitIds.get(u.parentCode)! : null, path: pathOf(u.code), depth: depthOf(u.code),
            sourceVersion: 1,
          })),
        });
        await tx.employee.createMany({
          data: employees.map((e) => ({
            id: employeeIds.get(e.employeeNo)!, employeeNo: e.employeeNo, name: e.name, nameEn: e.nameEn, email: e.email,
            mobile: e.mobile, title: e.title, orgUnitId: unitIds.get(e.unitCode)!, status: STATUS[e.status],
            hireDate: new Date(e.hireDate), timeZone: e.timeZone, locale: e.locale, sourceVersion: 1,
          })),
        });
        const withManager = employees.filter((e) => e.managerNo);
        await tx.$executeRaw`
          UPDATE "Employee" AS e SET "managerId" = m.manager
          FROM unnest(${withManager.map((e) => employeeIds.get(e.employeeNo)!)}::text[],
                      ${withManager.map((e) => employeeIds.get(e.managerNo!)!)}::text[]) AS m(id, manager)
          WHERE e.id = m.id`;
        const managed = units.filter((u) => u.managerNo);
        await tx.$executeRaw`
          UPDATE "OrgUnit" AS u SET "managerId" = m.manager
          FROM unnest(${managed.map((u) => unitIds.get(u.code)!)}::text[],
                      ${managed.map((u) => employeeIds.get(u.managerNo!)!)}::text[]) AS m(id, manager)
          WHERE u.id = m.id`;
      },
      { timeout: 120_000 },
    );
    log(`Seeded the demo company: ${units.length} org units, ${employees.length} employees (${Date.now() - started} ms).`);
    return true;
  } finally {
    await db.$disconnect();
  }
}
