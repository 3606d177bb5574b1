import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

describe("database", () => {
  beforeAll(() => {
    process.env.DATABASE_URL = inject("databaseUrl");
  });
  afterAll(async () => {
    const { getDb } = await import("./db");
    await getDb().$disconnect();
  });

  it("has the migrations applied with Prisma's bookkeeping", async () => {
    const { getDb } = await import("./db");
    const rows = await getDb().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("omits secret columns unless asked", async () => {
    const { getDb } = await import("./db");
    const db = getDb();
    const created = await db.connection.create({
      data: {
        kind: "IM_TARGET",
        provider: "sandbox-im",
        name: `t-${Date.now()}`,
        secretsCipher: "x",
      },
    });
    expect("secretsCipher" in created).toBe(false);
    const withSecret = await db.connection.findUniqueOrThrow({
      where: { id: created.id },
      omit: { secretsCipher: false },
    });
    expect(withSecret.secretsCipher).toBe("x");
    await db.connection.delete({ where: { id: created.id } });
  });
});
