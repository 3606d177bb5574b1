import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** The tables a full sync writes rows into (the HR mirror is written by the pull before it). */
const SYNC_TABLES: Record<string, string> = {
  SyncChange: "id",
  ImGroup: "id",
  ImAccount: "id",
  SandboxImDepartment: "id",
  SandboxImUser: "userid",
};
const BATCH = 5_000;

/**
 * The floor a full sync is compared with: the same rows the sync left in its tables, read back to
 * this process and written again, 5,000 rows per INSERT … SELECT FROM json_populate_recordset, into
 * copies of those tables (same columns, defaults, indexes and unique constraints). Only the writes are
 * timed; the copies are dropped afterwards.
 */
export async function measureRawBulkWrite(
  db: Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">,
): Promise<{ ms: number; rows: number; tables: string[] }> {
  let ms = 0;
  let rows = 0;
  for (const [table, key] of Object.entries(SYNC_TABLES)) {
    const copy = `bench_raw_${table}`;
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${copy}"`);
    await db.$executeRawUnsafe(`CREATE TABLE "${copy}" (LIKE "${table}" INCLUDING ALL)`);
    try {
      let after = "";
      for (;;) {
        const page = await db.$queryRawUnsafe<{ id: string; row: string }[]>(
          `SELECT "${key}"::text AS id, row_to_json(t)::text AS row FROM "${table}" AS t WHERE "${key}"::text > $1 ORDER BY "${key}"::text LIMIT ${BATCH}`,
          after,
        );
        if (page.length === 0) break;
        after = page[page.length - 1].id;
        const json = `[${page.map((r) => r.row).join(",")}]`;
        const t0 = performance.now();
        await db.$executeRawUnsafe(
          `INSERT INTO "${copy}" SELECT * FROM json_populate_recordset(NULL::"${copy}", $1::json)`,
          json,
        );
        ms += performance.now() - t0;
        rows += page.length;
      }
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${copy}"`);
    }
  }
  return { ms, rows, tables: Object.keys(SYNC_TABLES) };
}
