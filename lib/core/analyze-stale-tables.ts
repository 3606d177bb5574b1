import { db } from "@/lib/core/db";

/** A table is re-analysed once this share of its rows (and at least `minRows`) changed since its last ANALYZE. */
const STALE_SHARE = 0.2;

/**
 * Refreshes the planner statistics of those `tables` that changed a lot since their last ANALYZE, and
 * says which. Bulk phases call it: a sync writes 100k rows into tables autovacuum may not look at for a
 * minute or more (it never got to them on the embedded PostgreSQL during a 100k sync), and the bulk
 * statements that join against them were planned from the statistics of the empty table — a per-batch
 * update of 100 accounts took 20 ms instead of 3. One catalogue query when nothing is stale.
 */
export async function analyzeStaleTables(
  tables: readonly string[],
  minRows = 1_000,
): Promise<string[]> {
  const stale = await db.$queryRaw<{ relname: string }[]>`
    SELECT s.relname FROM pg_stat_user_tables AS s JOIN pg_class AS c ON c.oid = s.relid
    WHERE s.schemaname = current_schema() AND s.relname = ANY(${[...tables]}::text[])
      AND s.n_mod_since_analyze >= greatest(${minRows}::float8, c.reltuples * ${STALE_SHARE}::float8)`;
  // Names come from the catalogue and match a caller's list; quoted as identifiers all the same.
  for (const { relname } of stale)
    await db.$executeRawUnsafe(`ANALYZE "${relname.replaceAll('"', '""')}"`);
  return stale.map((r) => r.relname);
}
