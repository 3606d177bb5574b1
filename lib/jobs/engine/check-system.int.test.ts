import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { checkSystem } from "./check-system";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const tag = randomBytes(3).toString("hex").toUpperCase();

afterAll(async () => {
  const d = await db();
  await d.syncConflict.deleteMany({ where: { fingerprint: { startsWith: `cs-${tag}-` } } });
  await d.orgUnit.deleteMany({ where: { code: `CS${tag}` } });
});

describe("checkSystem", () => {
  it("counts org units, employees and only the open conflicts, in one statement", async () => {
    const d = await db();
    const before = await checkSystem();
    await d.orgUnit.create({
      data: { code: `CS${tag}`, name: "检查", path: `/CS${tag}`, depth: 0 },
    });
    const conflict = (i: number, status: "OPEN" | "RESOLVED") =>
      d.syncConflict.create({
        data: {
          fingerprint: `cs-${tag}-${i}`,
          type: "duplicate_contact",
          subjectType: "employee",
          subjectKey: `CS${tag}${i}`,
          detail: `check-system ${tag}`,
          status,
        },
      });
    await conflict(0, "OPEN");
    await conflict(1, "OPEN");
    await conflict(2, "RESOLVED");
    const after = await checkSystem();
    expect(after).toMatchObject({
      orgUnits: before.orgUnits + 1,
      employees: before.employees,
      openConflicts: before.openConflicts + 2,
    });
    // The same figures Prisma's own counts give.
    expect(after).toMatchObject({
      orgUnits: await d.orgUnit.count(),
      employees: await d.employee.count(),
      openConflicts: await d.syncConflict.count({ where: { status: "OPEN" } }),
    });
    expect(after.employeesApproximate).toBe(false);
    expect(typeof after.orgUnits).toBe("number");
    expect(Number.isNaN(Date.parse(after.checkedAt))).toBe(false);
  });

  it("gives PostgreSQL's estimate for a large employee table instead of counting every row", async () => {
    const d = await db();
    await d.$executeRawUnsafe(`ANALYZE "Employee"`);
    const [{ estimate }] = await d.$queryRawUnsafe<{ estimate: number }[]>(
      `SELECT reltuples::int AS estimate FROM pg_class WHERE oid = '"Employee"'::regclass`,
    );
    // At or below the planner's estimate the figure is the estimate, flagged; above it, a count.
    expect(estimate).toBeGreaterThanOrEqual(0);
    const large = await checkSystem({ exactBelow: estimate });
    expect(large).toMatchObject({ employees: estimate, employeesApproximate: true });
    const small = await checkSystem({ exactBelow: estimate + 1 });
    expect(small).toMatchObject({
      employees: await d.employee.count(),
      employeesApproximate: false,
    });
  });
});
