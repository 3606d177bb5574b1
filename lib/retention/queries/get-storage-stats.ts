import { db } from "@/lib/core/db";
import { RETENTION_KINDS, type RetentionKind } from "../retention-kinds";
import { RETENTION_SQL } from "../engine/retention-sql";
import { getRetentionSettings } from "./get-retention-settings";

export type TableStats = {
  table: string;
  kind: RetentionKind;
  rows: number;
  /** True when `rows` is the planner's estimate (pg_class.reltuples), not a count. */
  estimated: boolean;
  bytes: number;
};

export type KindStats = {
  kind: RetentionKind;
  days: number;
  oldest: Date | null;
  present: boolean;
  lastPrune: {
    at: Date;
    removed: number;
    complete: boolean;
    error: string | null;
  } | null;
};

// Counting a big table reads all of it; past this the estimate is close enough for a panel.
const EXACT_COUNT_BELOW = 50_000;

const quoted = (table: string) =>
  table
    .split(".")
    .map((part) => `"${part}"`)
    .join(".");

/** Rows and size of every table retention prunes, and each kind's oldest record and last prune. */
export async function getStorageStats(): Promise<{ tables: TableStats[]; kinds: KindStats[] }> {
  const [{ kinds: retention }, prunes] = await Promise.all([
    getRetentionSettings(),
    db.retentionPrune.findMany(),
  ]);
  const tables: TableStats[] = [];
  const kinds: KindStats[] = [];
  for (const kind of RETENTION_KINDS) {
    const sql = RETENTION_SQL[kind];
    const present = sql.present ? await sql.present(db) : true;
    if (present)
      for (const table of sql.tables) tables.push({ table, kind, ...(await tableSize(table)) });
    const [oldest] = present ? await db.$queryRawUnsafe<{ ms: number | null }[]>(sql.oldest) : [];
    const last = prunes.find((p) => p.kind === kind);
    kinds.push({
      kind,
      days: retention.find((r) => r.kind === kind)!.days,
      oldest: oldest?.ms == null ? null : new Date(oldest.ms),
      present,
      lastPrune: last
        ? { at: last.finishedAt, removed: last.removed, complete: last.complete, error: last.error }
        : null,
    });
  }
  return { tables, kinds };
}

/** Sums over the leaf partitions of a partitioned table (pg-boss partitions its jobs by queue). */
async function tableSize(table: string) {
  const [stats] = await db.$queryRawUnsafe<{ bytes: number; tuples: number; analysed: boolean }[]>(
    `SELECT COALESCE(sum(pg_total_relation_size(t.relid)), 0)::float8 AS bytes,
            COALESCE(sum(GREATEST(c.reltuples, 0)), 0)::float8 AS tuples,
            bool_and(c.reltuples >= 0) AS analysed
       FROM (SELECT relid FROM pg_partition_tree($1::regclass) WHERE isleaf
             UNION SELECT $1::regclass
              WHERE NOT EXISTS (SELECT 1 FROM pg_partition_tree($1::regclass))) t
       JOIN pg_class c ON c.oid = t.relid`,
    quoted(table),
  );
  if (stats && stats.analysed && stats.tuples >= EXACT_COUNT_BELOW)
    return { rows: Math.round(stats.tuples), estimated: true, bytes: stats.bytes };
  const [count] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::float8 AS n FROM ${quoted(table)}`,
  );
  return { rows: count?.n ?? 0, estimated: false, bytes: stats?.bytes ?? 0 };
}
