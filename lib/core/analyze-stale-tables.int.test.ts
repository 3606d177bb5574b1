import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

describe("analyzeStaleTables", () => {
  const table = `analyze_probe_${randomBytes(4).toString("hex")}`;
  beforeAll(async () => {
    process.env.DATABASE_URL = inject("databaseUrl");
    const { db } = await import("./db");
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    const { db } = await import("./db");
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
  });

  // Writes in one transaction that also asks its backend to report its statistics when it goes idle
  // (otherwise up to 10 s later), then waits until pg_stat_user_tables shows them.
  const write = async (sql: string, expectedMods: number) => {
    const { db } = await import("./db");
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(sql);
      await tx.$queryRawUnsafe(`SELECT pg_stat_force_next_flush()::text`);
    });
    for (let i = 0; i < 100; i++) {
      const [row] = await db.$queryRaw<{ mods: number }[]>`
        SELECT n_mod_since_analyze::int AS mods FROM pg_stat_user_tables WHERE relname = ${table}`;
      if (row && row.mods >= expectedMods) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("statistics never reported");
  };
  const lastAnalyze = async () => {
    const { db } = await import("./db");
    const [row] = await db.$queryRaw<{ at: Date | null; tuples: number }[]>`
      SELECT s.last_analyze AS at, c.reltuples::float8 AS tuples
      FROM pg_stat_user_tables AS s JOIN pg_class AS c ON c.oid = s.relid WHERE s.relname = ${table}`;
    return row;
  };

  it("analyses a table only once enough of it changed since its last ANALYZE", async () => {
    const { analyzeStaleTables } = await import("./analyze-stale-tables");
    await write(`INSERT INTO "${table}" SELECT generate_series(1, 500)`, 500);
    // 500 changed rows: under the 1,000-row floor.
    expect(await analyzeStaleTables([table])).toEqual([]);
    expect((await lastAnalyze()).at).toBeNull();

    await write(`INSERT INTO "${table}" SELECT generate_series(501, 3000)`, 3000);
    expect(await analyzeStaleTables([table, "no_such_table"])).toEqual([table]);
    const analysed = await lastAnalyze();
    expect(analysed.at).not.toBeNull();
    expect(analysed.tuples).toBe(3000);

    // Fresh statistics: nothing to do until another 20 % (and at least 1,000 rows) changes.
    await write(`UPDATE "${table}" SET id = id + 10000 WHERE id <= 400`, 400);
    expect(await analyzeStaleTables([table])).toEqual([]);
  });
});
