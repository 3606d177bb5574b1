import pg from "pg";

export type HeldTable = {
  /** Backends waiting for this table (e.g. the engine, blocked inside a recording transaction). */
  waiters(): Promise<number>;
  /** Rolls the holding transaction back: the waiters go on. */
  release(): Promise<void>;
};

/**
 * Holds an EXCLUSIVE lock on a table from a connection of its own: reads pass, writes wait. Crash tests
 * and benches use it to catch the sync engine inside a recording transaction, its IM calls made, before
 * they kill it.
 */
export async function holdTableWrites(databaseUrl: string, table: string): Promise<HeldTable> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table.replaceAll('"', '""')}" IN EXCLUSIVE MODE`);
  return {
    async waiters() {
      const res = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = $1 AND NOT l.granted`,
        [table],
      );
      return res.rows[0].n;
    },
    async release() {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}
