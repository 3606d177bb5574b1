import PgBoss from "pg-boss";
import pg, { type PoolClient } from "pg";
import type { ExecEvent } from "./types";

/** What a queued job asks the executor to do. */
export type JobData =
  /** Send one request to the SDK: discovery (`stepId` "step") or one planned step. */
  | {
      k: "call";
      runId: string;
      stepId: string;
      seq?: number;
      attempt: number;
      /** Set on the jobs of a request held by a concurrency limit (wake / re-check); see concurrency.ts. */
      w?: 1;
      /** The periodic re-check of a held request (at most one per request). */
      fb?: 1;
    }
  /** A Sleep ended or a WaitForEvent timed out. */
  | { k: "wake"; runId: string; hashedId: string }
  /** Check a run against its function's `timeouts` (start / finish). */
  | { k: "timeout"; runId: string }
  /** A `step.invoke` waited its `timeout` for the invoked run. */
  | { k: "invoke-timeout"; runId: string; hashedId: string }
  /** Store and dispatch events the engine raised (`inngest/function.finished` / `cancelled`). */
  | { k: "emit"; events: ExecEvent[] }
  /** One cron tick of a function. */
  | { k: "cron"; fnId: string; cron: string; at: number };

/** A job to insert, optionally delayed, optionally with a deterministic uuid (dedupe). */
export interface NewJob {
  data: JobData;
  startAfter?: number;
  id?: string;
}

/** Options for {@link JobQueue}. */
export interface JobQueueOptions {
  /** PostgreSQL connection string (pg-boss keeps its tables in the "pgboss" schema). */
  connectionString: string;
  /** Jobs handled at once by this process. */
  concurrency: number;
  /** How often to look for jobs when nothing woke the loop (other instances, delayed jobs). */
  pollIntervalMs: number;
  /** Handles one job; a throw makes pg-boss retry it later. */
  handler: (data: JobData) => Promise<void>;
  log: (line: string) => void;
}

const QUEUE = "orgbridge-executor";
/** NOTIFY channel: a transaction that queued due jobs wakes every instance's fetch loop. */
export const WAKE_CHANNEL = "orgbridge_executor_wake";

/**
 * Durable queue on pg-boss. We drive `fetch`/`complete` ourselves (instead of
 * `work`) so each job runs independently and a local enqueue wakes the fetch
 * loop at once rather than after pg-boss's 0.5 s minimum polling interval.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private running = false;
  private inflight = 0;
  private wakeResolve: (() => void) | null = null;
  private wakePending = false;
  private loopDone: Promise<void> | null = null;
  private timers = new Set<NodeJS.Timeout>();
  private drained: (() => void) | null = null;
  private toComplete: string[] = [];
  private completing: Promise<void> | null = null;
  private listener: pg.Client | null = null;

  constructor(private readonly opts: JobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: opts.connectionString,
      schema: "pgboss",
      max: 6,
      schedule: false,
      supervise: true,
      migrate: true,
      application_name: "orgbridge-executor-queue",
    });
    this.boss.on("error", (err) => opts.log(`queue error: ${err.message}`));
  }

  async start(): Promise<void> {
    await this.boss.start();
    // Retries here only cover a crashed or throwing handler; run/step retries are our own jobs.
    await this.boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: 20,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 300,
    });
    await this.addFetchIndex();
    this.running = true;
    await this.listen();
    this.loopDone = this.loop();
  }

  /**
   * pg-boss fetches the next jobs `ORDER BY priority DESC, created_on, id` with an index on
   * (name, start_after) only, so every fetch read and sorted the whole backlog of due jobs: with
   * 4,000 queued (a flood of events) 7 ms a fetch, and linear in the backlog. An index in the
   * fetch's own order makes it read only the jobs it takes (0.26 ms; bench/executor-product.ts).
   * Built on our queue's partition once, by whichever instance starts first.
   */
  private async addFetchIndex(): Promise<void> {
    const pool = new pg.Pool({ connectionString: this.opts.connectionString, max: 1 });
    try {
      const { rows } = await pool.query<{ partition: string }>(
        `SELECT partition_name AS partition FROM pgboss.queue WHERE name = $1`,
        [QUEUE],
      );
      const partition = rows[0]?.partition;
      if (!partition || !/^[a-z0-9_]+$/.test(partition)) return;
      // Looked up first: even with IF NOT EXISTS, CREATE INDEX locks the table against writes
      // while it checks, which would hold up every running instance at each start.
      const { rows: found } = await pool.query<{ valid: boolean }>(
        `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'pgboss' AND c.relname = $1`,
        [`${partition}_fetch`],
      );
      if (found[0]?.valid) return;
      // A build that failed half-way (another instance stopped during it) leaves an invalid index.
      if (found[0]) await pool.query(`DROP INDEX CONCURRENTLY IF EXISTS pgboss.${partition}_fetch`);
      // CONCURRENTLY: running instances go on queueing jobs while it builds.
      await pool
        .query(
          `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${partition}_fetch ON pgboss.${partition}
             (name, priority DESC, created_on, id) WHERE state < 'active'`,
        )
        .catch(async (err: { code?: string }) => {
          // Another instance created it at the same moment.
          if (err.code !== "23505" && err.code !== "42P07") throw err;
        });
    } finally {
      await pool.end();
    }
  }

  /** LISTEN for other instances' wake-ups; on a lost connection, reconnect (polling covers the gap). */
  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      application_name: "orgbridge-executor-listen",
    });
    this.listener = client;
    client.on("notification", () => this.wake());
    client.on("error", (err) => {
      this.opts.log(`queue listener error: ${err.message}`);
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => {});
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (this.running) this.listen().catch(() => {});
      }, 1000);
      this.timers.add(t);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
    } catch (err) {
      client.emit("error", err as Error);
    }
  }

  /** Inserts jobs on the caller's transaction client, so state and next job commit together. */
  async insert(client: PoolClient, jobs: NewJob[]): Promise<void> {
    if (!jobs.length) return;
    await this.boss.insert(
      jobs.map((j) => ({
        ...(j.id ? { id: j.id } : {}),
        name: QUEUE,
        data: j.data,
        ...(j.startAfter ? { startAfter: new Date(j.startAfter).toISOString() } : {}),
      })),
      { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } },
    );
  }

  /** After commit: wake the loop now for due jobs, and at their time for soon-due ones. */
  notify(jobs: NewJob[]): void {
    const now = Date.now();
    for (const j of jobs) {
      const delay = (j.startAfter ?? 0) - now;
      if (delay <= 0) this.wake();
      else if (delay < 60_000) {
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.wake();
        }, delay + 5);
        this.timers.add(t);
      }
    }
  }

  wake(): void {
    this.wakePending = true;
    this.wakeResolve?.();
  }

  private waitForWake(ms: number): Promise<void> {
    if (this.wakePending) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wakeResolve = null;
        resolve();
      }, ms);
      this.wakeResolve = () => {
        clearTimeout(t);
        this.wakeResolve = null;
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.opts.concurrency - this.inflight;
      if (free <= 0) {
        this.wakePending = false; // a finishing job wakes us; a stale flag here would spin
        await this.waitForWake(this.opts.pollIntervalMs);
        continue;
      }
      this.wakePending = false;
      let jobs: { id: string; data: JobData }[] = [];
      try {
        jobs = (await this.boss.fetch<JobData>(QUEUE, { batchSize: free })) as {
          id: string;
          data: JobData;
        }[];
      } catch (err) {
        this.opts.log(`queue fetch failed: ${(err as Error).message}`);
      }
      if (!this.running && jobs.length) {
        // Stopping: hand them back untouched (counts as a failed try; retried by whoever runs next).
        await this.boss
          .fail(
            QUEUE,
            jobs.map((j) => j.id),
          )
          .catch(() => {});
        break;
      }
      for (const job of jobs) this.runJob(job);
      if (jobs.length < free) await this.waitForWake(this.opts.pollIntervalMs);
    }
  }

  private runJob(job: { id: string; data: JobData }): void {
    this.inflight++;
    this.opts
      .handler(job.data)
      .then(
        () => this.complete(job.id),
        async (err: unknown) => {
          this.opts.log(
            `job ${job.data.k} failed, pg-boss will retry: ${(err as Error)?.stack ?? String(err)}`,
          );
          await this.boss
            .fail(QUEUE, job.id, { message: String((err as Error)?.message ?? err) })
            .catch(() => {});
        },
      )
      .finally(() => {
        this.inflight--;
        if (this.inflight === 0) this.drained?.();
        this.wake();
      });
  }

  /** Completes in small batches: one UPDATE for all jobs that finished meanwhile. */
  private async complete(id: string): Promise<void> {
    this.toComplete.push(id);
    while (this.completing) await this.completing;
    if (!this.toComplete.length) return;
    const ids = this.toComplete;
    this.toComplete = [];
    this.completing = this.boss
      .complete(QUEUE, ids)
      .catch((err: Error) => this.opts.log(`queue complete failed: ${err.message}`))
      .then(() => {
        this.completing = null;
      });
    await this.completing;
  }

  /** Stops fetching, waits up to `graceMs` for running jobs, then stops pg-boss. */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    this.wake();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.loopDone;
    if (this.inflight > 0) {
      await Promise.race([
        new Promise<void>((r) => (this.drained = r)),
        new Promise<void>((r) => setTimeout(r, graceMs)),
      ]);
    }
    while (this.completing) await this.completing;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}
