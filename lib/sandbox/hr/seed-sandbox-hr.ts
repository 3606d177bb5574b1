import type { SandboxDb } from "../shared/create-sandbox-db";
import { generatePerson } from "./simulator/generate-person";

export type SeedSandboxHrOptions = {
  /** Employees to create (default 60). */
  employees?: number;
  /** Wipe the sandbox HR tables first. */
  reset?: boolean;
};

/** A demo company: code, name, English name, parent. */
export const DEMO_DEPARTMENTS: [string, string, string, string | null][] = [
  ["HQ", "示例科技有限公司", "Demo Tech Co.", null],
  ["RD", "研发中心", "R&D Center", "HQ"],
  ["RD-FE", "前端组", "Frontend", "RD"],
  ["RD-BE", "后端组", "Backend", "RD"],
  ["RD-QA", "测试组", "QA", "RD"],
  ["SALES", "销售部", "Sales", "HQ"],
  ["SALES-E", "华东区", "East China", "SALES"],
  ["SALES-S", "华南区", "South China", "SALES"],
  ["HR", "人力资源部", "Human Resources", "HQ"],
  ["FIN", "财务部", "Finance", "HQ"],
  ["MKT", "市场部", "Marketing", "HQ"],
];

/** Seeds the sandbox HR directory (no webhooks: a full sync picks it up). Idempotent per employee number. */
export async function seedSandboxHr(
  db: SandboxDb,
  options: SeedSandboxHrOptions = {},
): Promise<{ units: number; employees: number }> {
  if (options.reset) {
    await db.sandboxHrEmployee.deleteMany();
    await db.sandboxHrUnit.deleteMany();
  }
  for (const [code, name, nameEn, parentCode] of DEMO_DEPARTMENTS) {
    await db.sandboxHrUnit.upsert({
      where: { code },
      update: {},
      create: { code, name, nameEn, parentCode },
    });
  }
  const count = options.employees ?? 60;
  const units = DEMO_DEPARTMENTS.map(([code]) => code);
  const managers = new Map<string, string>();
  for (let n = 1; n <= count; n++) {
    const employeeNo = `E${String(n).padStart(5, "0")}`;
    const unitCode = n <= units.length ? units[n - 1] : units[1 + (n % (units.length - 1))];
    const isManager = n <= units.length;
    const parent = DEMO_DEPARTMENTS.find(([c]) => c === unitCode)?.[3];
    const managerNo = isManager
      ? parent
        ? managers.get(parent)
        : undefined
      : managers.get(unitCode);
    const person = generatePerson(n, employeeNo);
    await db.sandboxHrEmployee.upsert({
      where: { employeeNo },
      update: {},
      create: {
        employeeNo,
        ...person,
        title: isManager ? "负责人" : person.title,
        unitCode,
        managerNo,
        status: n % 29 === 0 ? "on_leave" : "active",
        hireDate: new Date(Date.UTC(2018 + (n % 6), n % 12, 1 + (n % 27))),
      },
    });
    if (isManager) {
      managers.set(unitCode, employeeNo);
      await db.sandboxHrUnit.update({ where: { code: unitCode }, data: { managerNo: employeeNo } });
    }
  }
  return { units: DEMO_DEPARTMENTS.length, employees: count };
}
