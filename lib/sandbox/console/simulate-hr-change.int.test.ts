import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { seedSandboxHr } from "@/lib/sandbox/hr/seed-sandbox-hr";
import { createSandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { HrSimulationInput } from "./hr-simulation-schema";
import { listHrDepartments } from "./list-hr-departments";
import { listRecentHrChanges } from "./list-recent-hr-changes";
import { searchHrEmployees } from "./search-hr-employees";
import { simulateHrChange } from "./simulate-hr-change";

setupTestDb();

const actor: Actor = { type: "user", id: "user-hr-sim", name: "李娜", ip: "127.0.0.1" };
const ctx = { actor };
let sandboxDb: ReturnType<typeof createSandboxDb>;

const simulate = (input: HrSimulationInput) => simulateHrChange(input, ctx, { sandboxDb });

async function auditRows() {
  const { db } = await import("@/lib/core/db");
  return db.auditLog.findMany({ where: { actorId: actor.id }, orderBy: { createdAt: "asc" } });
}

async function snapshot() {
  const [employees, units, audits] = await Promise.all([
    sandboxDb.sandboxHrEmployee.findMany({ orderBy: { employeeNo: "asc" } }),
    sandboxDb.sandboxHrUnit.findMany({ orderBy: { code: "asc" } }),
    auditRows(),
  ]);
  return { employees, units, audits: audits.length };
}

/** Runs `fn`, expects an AppError naming `field`, and checks nothing was written. */
async function expectRefused(fn: () => Promise<unknown>, field: string) {
  const before = await snapshot();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).field).toBe(field);
  expect((err as AppError).message).toContain(field);
  expect(await snapshot()).toEqual(before);
}

describe("HR simulator (console)", () => {
  beforeAll(async () => {
    sandboxDb = createSandboxDb(inject("databaseUrl"), 2);
    await seedSandboxHr(sandboxDb, { employees: 20, reset: true });
  });
  afterAll(async () => {
    await sandboxDb?.$disconnect();
  });

  it("a hire shows up first in recent changes with version 1, and is audited with the actor", async () => {
    const summary = await simulate({
      kind: "hire",
      name: "测试 新人",
      nameEn: "New Hire",
      email: "new.hire@demo.example",
      unitCode: "RD-FE",
      hireDate: "",
    });
    expect(summary).toMatchObject({
      kind: "hire",
      count: 1,
      name: "测试 新人",
      version: 1,
      unitName: "前端组",
    });
    const [first] = await listRecentHrChanges(sandboxDb, { limit: 5 });
    expect(first).toMatchObject({
      type: "employee",
      key: summary.keys[0],
      name: "测试 新人",
      version: 1,
      unitCode: "RD-FE",
      status: "active",
    });
    const audit = (await auditRows()).at(-1);
    expect(audit).toMatchObject({
      action: "sandbox_hr.hire",
      targetType: "sandbox_hr_employee",
      targetId: summary.keys[0],
      actorName: "李娜",
      ip: "127.0.0.1",
    });
  });

  it("a transfer bumps the version and records where the employee was", async () => {
    const summary = await simulate({ kind: "transfer", employeeNo: "E00015", unitCode: "FIN" });
    expect(summary).toMatchObject({ keys: ["E00015"], version: 2, unitName: "财务部" });
    const recent = await listRecentHrChanges(sandboxDb);
    expect(recent[0]).toMatchObject({ key: "E00015", version: 2, unitCode: "FIN" });
    const audit = (await auditRows()).at(-1);
    expect(audit?.action).toBe("sandbox_hr.transfer");
    expect(audit?.before).toMatchObject({ unitCode: expect.any(String) });
  });

  it("a transfer dated later is scheduled, not made; withdrawing it cancels it, both audited", async () => {
    const before = await sandboxDb.sandboxHrEmployee.findUniqueOrThrow({
      where: { employeeNo: "E00014" },
    });
    const summary = await simulate({
      kind: "transfer",
      employeeNo: "E00014",
      unitCode: "FIN",
      title: "会计",
      effectiveDate: "2099-01-04",
    });
    expect(summary).toMatchObject({
      keys: ["E00014"],
      unitName: "财务部",
      scheduledFor: "2099-01-04",
    });
    const row = await sandboxDb.sandboxHrEmployee.findUniqueOrThrow({
      where: { employeeNo: "E00014" },
    });
    expect(row).toMatchObject({
      unitCode: before.unitCode,
      title: before.title,
      transferUnitCode: "FIN",
      transferDate: new Date("2099-01-04T00:00:00Z"),
      transferTitle: "会计",
    });
    expect((await auditRows()).at(-1)?.after).toMatchObject({
      transfer: { unitCode: "FIN", effectiveDate: "2099-01-04", title: "会计" },
    });

    const withdrawn = await simulate({ kind: "withdrawTransfer", employeeNo: "E00014" });
    expect(withdrawn).toMatchObject({ keys: ["E00014"], version: summary.version + 1 });
    expect(
      await sandboxDb.sandboxHrEmployee.findUniqueOrThrow({ where: { employeeNo: "E00014" } }),
    ).toMatchObject({ unitCode: before.unitCode, transferUnitCode: null, transferDate: null });
    expect((await auditRows()).at(-1)).toMatchObject({
      action: "sandbox_hr.withdrawTransfer",
      before: { transfer: { unitCode: "FIN", effectiveDate: "2099-01-04" } },
    });
    await expectRefused(
      () => simulate({ kind: "withdrawTransfer", employeeNo: "E00014" }),
      "employeeNo",
    );
  });

  it("terminate, rename and move each bump one record's version", async () => {
    expect(
      await simulate({
        kind: "terminate",
        employeeNo: "E00016",
        reason: "个人原因",
        date: "2026-01-31",
      }),
    ).toMatchObject({ version: 2 });
    const left = await sandboxDb.sandboxHrEmployee.findUniqueOrThrow({
      where: { employeeNo: "E00016" },
    });
    expect(left).toMatchObject({ status: "terminated", terminationReason: "个人原因" });
    expect(
      await simulate({ kind: "renameDepartment", unitCode: "RD-QA", name: "质量保障组" }),
    ).toMatchObject({ name: "质量保障组", version: 2 });
    expect(
      await simulate({ kind: "moveDepartment", unitCode: "MKT", parentCode: "SALES" }),
    ).toMatchObject({ keys: ["MKT"], version: 2, unitName: "销售部" });
    expect((await listRecentHrChanges(sandboxDb, { limit: 1 }))[0]).toMatchObject({
      type: "unit",
      key: "MKT",
      unitCode: "SALES",
    });
  });

  it("bulk hire N puts N new employees into the department, audited once", async () => {
    const summary = await simulate({ kind: "bulkHire", count: 3, unitCode: "HR" });
    expect(summary.count).toBe(3);
    const recent = await listRecentHrChanges(sandboxDb, { limit: 3 });
    expect(recent.map((r) => r.key).sort()).toEqual([...summary.keys].sort());
    expect(recent.every((r) => r.unitCode === "HR" && r.version === 1)).toBe(true);
    expect((await auditRows()).at(-1)).toMatchObject({
      action: "sandbox_hr.bulkHire",
      targetId: null,
      after: { count: 3 },
    });
    const gone = await simulate({ kind: "bulkTerminate", employeeNos: summary.keys.slice(0, 2) });
    expect(gone).toMatchObject({ count: 2, version: 2 });
  });

  it.each<[string, HrSimulationInput, string]>([
    [
      "hire into an unknown department",
      { kind: "hire", name: "无部门", unitCode: "NOPE" },
      "unitCode",
    ],
    [
      "transfer of an unknown employee",
      { kind: "transfer", employeeNo: "E99999", unitCode: "RD" },
      "employeeNo",
    ],
    [
      "transfer into an unknown department",
      { kind: "transfer", employeeNo: "E00012", unitCode: "NOPE" },
      "unitCode",
    ],
    [
      "terminate someone who already left",
      { kind: "terminate", employeeNo: "E00016" },
      "employeeNo",
    ],
    [
      "move under an unknown parent",
      { kind: "moveDepartment", unitCode: "RD", parentCode: "NOPE" },
      "parentCode",
    ],
    [
      "move a department under its own child",
      { kind: "moveDepartment", unitCode: "RD", parentCode: "RD-FE" },
      "parentCode",
    ],
    [
      "bulk hire into an unknown department",
      { kind: "bulkHire", count: 2, unitCode: "NOPE" },
      "unitCode",
    ],
    [
      "bulk terminate with an unknown number",
      { kind: "bulkTerminate", employeeNos: ["E00013", "E99998"] },
      "employeeNos",
    ],
  ])("refuses %s, naming the field, with nothing written", async (_name, input, field) => {
    await expectRefused(() => simulate(input), field);
  });

  it("refuses malformed input before touching anything", async () => {
    const before = await snapshot();
    await expect(
      simulate({ kind: "hire", name: "x", unitCode: "RD", email: "not-an-email" }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["email"] })] });
    await expect(simulate({ kind: "bulkHire", count: 501, unitCode: "RD" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["count"] })],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lists departments parents first and finds employees by name or number", async () => {
    const departments = await listHrDepartments(sandboxDb);
    const index = (code: string) => departments.findIndex((d) => d.code === code);
    expect(departments).toHaveLength(11);
    expect(departments[0]).toMatchObject({ code: "HQ", depth: 0 });
    expect(index("RD")).toBeLessThan(index("RD-FE"));
    expect(departments[index("RD-FE")].depth).toBe(2);
    expect(departments[index("MKT")].depth).toBe(2);
    expect(await searchHrEmployees(sandboxDb, "e0001")).toHaveLength(10);
    expect((await searchHrEmployees(sandboxDb, "测试 新"))[0]).toMatchObject({ name: "测试 新人" });
    expect(await searchHrEmployees(sandboxDb, "  ")).toEqual([]);
  });
});
