import { afterAll, beforeAll, inject } from "vitest";

/** Points lib/core/db at the integration-test database for this file and disconnects afterwards. */
export function setupTestDb() {
  beforeAll(() => {
    process.env.DATABASE_URL = inject("databaseUrl");
  });
  afterAll(async () => {
    const { getDb } = await import("@/lib/core/db");
    await getDb().$disconnect();
  });
}

/** Factories for rows the tests need. */
export async function makeEmployee(overrides: { employeeNo?: string; email?: string } = {}) {
  const { db } = await import("@/lib/core/db");
  const n = Math.random().toString(36).slice(2, 8);
  return db.employee.create({
    data: {
      employeeNo: overrides.employeeNo ?? `T${n}`,
      name: `测试${n}`,
      email: overrides.email ?? `${n}@test.example`,
    },
  });
}
