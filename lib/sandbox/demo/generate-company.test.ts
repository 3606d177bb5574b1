import { describe, expect, it } from "vitest";
import { DEMO_PEOPLE, generateCompany } from "./generate-company";

describe("generateCompany", () => {
  const company = generateCompany();

  it("is deterministic for a seed and differs for another", () => {
    expect(generateCompany()).toEqual(company);
    expect(generateCompany({ seed: 7 }).employees[10]).not.toEqual(company.employees[10]);
  });

  it("builds about 150 units several levels deep with one root", () => {
    expect(company.units).toHaveLength(150);
    expect(company.units.filter((u) => u.parentCode === null)).toHaveLength(1);
    const depth = (code: string): number => {
      const u = company.units.find((x) => x.code === code)!;
      return u.parentCode ? 1 + depth(u.parentCode) : 0;
    };
    expect(Math.max(...company.units.map((u) => depth(u.code)))).toBeGreaterThanOrEqual(4);
  });

  it("gives every employee a unique number, e-mail and mobile in an existing unit", () => {
    const { employees, units } = company;
    expect(employees).toHaveLength(2000);
    for (const key of ["employeeNo", "email", "mobile"] as const) {
      expect(new Set(employees.map((e) => e[key])).size).toBe(employees.length);
    }
    const codes = new Set(units.map((u) => u.code));
    expect(employees.every((e) => codes.has(e.unitCode))).toBe(true);
    expect(employees.some((e) => /[\u4e00-\u9fff]/.test(e.name))).toBe(true);
    expect(employees.some((e) => /^[A-Z][a-z]+ [A-Z]/.test(e.name))).toBe(true);
  });

  it("links managers to existing employees without cycles", () => {
    const byNo = new Map(company.employees.map((e) => [e.employeeNo, e]));
    for (const e of company.employees) {
      const seen = new Set<string>();
      for (let m = e.managerNo; m; m = byNo.get(m)!.managerNo) {
        expect(byNo.has(m)).toBe(true);
        expect(seen.has(m)).toBe(false);
        seen.add(m);
      }
    }
  });

  it("contains the demo sign-in people as ordinary employees", () => {
    for (const p of DEMO_PEOPLE) {
      expect(company.employees.find((e) => e.employeeNo === p.employeeNo)?.name).toBe(p.name);
    }
  });

  it("scales to a bench-sized company", () => {
    const big = generateCompany({ units: 2000, employees: 20000 });
    expect(big.units).toHaveLength(2000);
    expect(new Set(big.employees.map((e) => e.email)).size).toBe(20000);
  });

  it("dates onboarding hires two weeks after the given today, so the demo never ages", () => {
    const onboarding = generateCompany({ today: "2026-12-01" }).employees.filter(
      (e) => e.status === "onboarding",
    );
    expect(onboarding.length).toBeGreaterThan(0);
    expect(new Set(onboarding.map((e) => e.hireDate))).toEqual(new Set(["2026-12-15"]));
    const acrossYear = generateCompany({ today: "2027-12-25" }).employees.find(
      (e) => e.status === "onboarding",
    );
    expect(acrossYear?.hireDate).toBe("2028-01-08");
  });

  it("has a few transfers pending a week ahead, into another unit, leaving the e2e units alone", () => {
    const c = generateCompany({ today: "2026-12-01" });
    const moving = c.employees.filter((e) => e.transfer);
    expect(moving.length).toBeGreaterThanOrEqual(3);
    expect(moving.length).toBeLessThanOrEqual(5);
    const codes = new Set(c.units.map((u) => u.code));
    for (const e of moving) {
      expect(e.status).toBe("active");
      expect(e.transfer?.effectiveDate).toBe("2026-12-08");
      expect(codes.has(e.transfer!.unitCode)).toBe(true);
      expect(e.transfer?.unitCode).not.toBe(e.unitCode);
      for (const code of [e.unitCode, e.transfer!.unitCode])
        expect(code).not.toMatch(/^XH-(RD|HR|IT|FIN)(-|$)/);
    }
  });
});
