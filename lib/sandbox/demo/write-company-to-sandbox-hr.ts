import type { Prisma } from "@/lib/generated/prisma/client";
import type { DemoCompany } from "./generate-company";

type SandboxHrTables = Pick<Prisma.TransactionClient, "sandboxHrUnit" | "sandboxHrEmployee">;

/** Writes a generated company into the sandbox HR system's tables (the seed, tests and benches share it). */
export async function writeCompanyToSandboxHr(
  db: SandboxHrTables,
  company: DemoCompany,
): Promise<void> {
  await db.sandboxHrUnit.createMany({
    data: company.units.map((u) => ({
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      parentCode: u.parentCode,
      managerNo: u.managerNo,
    })),
  });
  await db.sandboxHrEmployee.createMany({
    data: company.employees.map((e) => ({
      employeeNo: e.employeeNo,
      name: e.name,
      nameEn: e.nameEn,
      email: e.email,
      mobile: e.mobile,
      title: e.title,
      grade: e.grade,
      unitCode: e.unitCode,
      managerNo: e.managerNo,
      status: e.status,
      hireDate: new Date(e.hireDate),
      timeZone: e.timeZone,
      locale: e.locale,
      ...(e.transfer
        ? {
            transferUnitCode: e.transfer.unitCode,
            transferDate: new Date(`${e.transfer.effectiveDate}T00:00:00Z`),
          }
        : {}),
    })),
  });
}
