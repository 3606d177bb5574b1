import pg from "pg";
import type { PoolClient } from "pg";
import { JobQueue, WAKE_CHANNEL, type JobData, type NewJob } from "./queue";
import { FunctionRegistry } from "./registry";
import type { ExecutorOptions } from "./types";

/** What every part of the executor shares: the pool, the queue, the options and the function registry. */
export interface EngineContext {
  readonly pool: pg.Pool;
  readonly queue: JobQueue;
  readonly opts: ExecutorOptions;
  readonly retryBaseMs: number;
  readonly registry: FunctionRegistry;
  /** Runs `fn` in a transaction; the jobs it collects are inserted in it and the loop woken after commit. */
  tx<T>(fn: (c: PoolClient, jobs: NewJob[]) => Promise<T>): Promise<T>;
}

/** Opens the pool and the queue; `handler` is called for every job the queue hands out. */
export function createEngineContext(
  opts: ExecutorOptions,
  handler: (job: JobData) => Promise<void>,
): EngineContext {
  // Prisma writes TIMESTAMP(3) columns in UTC; keep this session in UTC too.
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: 20,
    options: "-c TimeZone=UTC",
    application_name: "orgbridge-executor",
  });
  pool.on("error", (err) => opts.log(`pg pool error: ${err.message}`));
  const queue = new JobQueue({
    connectionString: opts.databaseUrl,
    concurrency: opts.concurrency ?? 64,
    pollIntervalMs: opts.pollIntervalMs ?? 250,
    handler,
    log: opts.log,
  });
  return {
    pool,
    queue,
    opts,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    registry: new FunctionRegistry(pool, opts.log),
    tx: (fn) => inTransaction(pool, queue, fn),
  };
}

async function inTransaction<T>(
  pool: pg.Pool,
  queue: JobQueue,
  fn: (c: PoolClient, jobs: NewJob[]) => Promise<T>,
): Promise<T> {
  const c = await pool.connect();
  const jobs: NewJob[] = [];
  try {
    await c.query("BEGIN");
    const out = await fn(c, jobs);
    await queue.insert(c, jobs);
    // Due jobs wake every instance (NOTIFY is delivered at commit, in the same round trip).
    const now = Date.now();
    const due = jobs.some((j) => (j.startAfter ?? 0) <= now);
    await c.query(due ? `NOTIFY ${WAKE_CHANNEL}; COMMIT` : "COMMIT");
    queue.notify(jobs);
    return out;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}
