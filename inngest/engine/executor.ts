import { Cron } from "croner";
import pg from "pg";
import type { PoolClient } from "pg";
import { parseRetryAfter, retryDelayMs } from "./backoff";
import { resolveWakeAt, parseDuration } from "./duration";
import { evaluateKey, matchesExpression } from "./expression";
import {
  functionConfigSchema,
  registerBodySchema,
  sameEndpoint,
  toFnDef,
  type FnDef,
} from "./functions";
import { deterministicUlid, deterministicUuid, rowId, ulid } from "./ids";
import { JobQueue, type JobData, type NewJob } from "./queue";
import { canonicalJson, signBody } from "./signing";

/** Options for {@link Executor}. */
export interface ExecutorOptions {
  /** PostgreSQL with the Prisma schema applied (Job* tables); pg-boss adds schema "pgboss". */
  databaseUrl: string;
  /** `signkey-<env>-<hex>`: signs requests to the app and authenticates its calls to us. */
  signingKey: string;
  /** When set, `POST /e/:key` must use it; otherwise any key is accepted. */
  eventKey?: string;
  /** Serve URLs of apps to sync (PUT) at start and periodically. */
  appUrls: string[];
  log: (line: string) => void;
  /** First retry delay; doubles per attempt with jitter (default 1000 ms). */
  retryBaseMs?: number;
  /** Jobs (SDK requests, wakes) handled at once by this instance (default 64). */
  concurrency?: number;
  /** Queue poll interval when idle, for jobs other instances queued (default 250 ms). */
  pollIntervalMs?: number;
  /** Let the SDK run consecutive steps in one request and checkpoint them (default true). */
  checkpointing?: boolean;
  /** Timeout of one request to the app (default 120 s). */
  requestTimeoutMs?: number;
  /** Re-sync period after a successful sync (default 5 min). */
  resyncIntervalMs?: number;
}

/** An event as stored and as sent to the SDK. */
export interface ExecEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts: number;
  v?: string;
}

type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown> | null;
  data?: unknown;
  error?: unknown;
};

interface RunRow {
  id: string;
  functionId: string;
  status: string;
  seq: number;
  attempt: number;
  maxAttempts: number;
  events: ExecEvent[];
  concurrencyKey: string | null;
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
const PENDING = ["planned", "running", "sleeping", "waiting"];
const FAILED_EVENT = "inngest/function.failed";
const CRON_EVENT = "inngest/scheduled.timer";
const UNSUPPORTED_OPS = new Set(["InvokeFunction", "AIGateway", "Gateway", "WaitForSignal"]);

/** An error as the console shows it and the SDK reads it back: name, message, head of the stack. */
export function toJsonError(raw: unknown): { name: string; message: string; stack?: string } {
  if (raw && typeof raw === "object") {
    const r = raw as Record<string, unknown>;
    const message =
      typeof r.message === "string"
        ? r.message
        : typeof r.error === "string"
          ? r.error
          : JSON.stringify(raw);
    const stack =
      typeof r.stack === "string" ? r.stack.split("\n").slice(0, 8).join("\n") : undefined;
    return {
      name: typeof r.name === "string" && r.name ? r.name : "Error",
      message,
      ...(stack ? { stack } : {}),
    };
  }
  return { name: "Error", message: typeof raw === "string" ? raw : JSON.stringify(raw) };
}

const json = (v: unknown) => JSON.stringify(v === undefined ? null : v);

type RunInsert = { id: string; fn: FnDef; evt: ExecEvent; key: string | null; rerunOf?: string };

/** Column arrays for an unnest() insert of runs. */
function runColumns(runs: RunInsert[]): unknown[] {
  return [
    runs.map((r) => r.id),
    runs.map((r) => r.fn.id),
    runs.map((r) => r.evt.id),
    runs.map((r) => r.evt.name),
    runs.map((r) => json([r.evt])),
    runs.map((r) => r.fn.maxAttempts),
    runs.map((r) => r.key),
  ];
}

export class Executor {
  readonly pool: pg.Pool;
  readonly queue: JobQueue;
  private fns = new Map<string, FnDef>();
  private byEvent = new Map<string, FnDef[]>();
  private wildcard: { prefix: string; fn: FnDef; expression?: string }[] = [];
  private cancelByEvent = new Map<string, FnDef[]>();
  private reloadTimer: NodeJS.Timeout | null = null;
  private syncTimers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly retryBaseMs: number;

  constructor(private readonly opts: ExecutorOptions) {
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
    // Prisma writes TIMESTAMP(3) columns in UTC; keep this session in UTC too.
    this.pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 12,
      options: "-c TimeZone=UTC",
      application_name: "orgbridge-executor",
    });
    this.pool.on("error", (err) => opts.log(`pg pool error: ${err.message}`));
    this.queue = new JobQueue({
      connectionString: opts.databaseUrl,
      concurrency: opts.concurrency ?? 64,
      pollIntervalMs: opts.pollIntervalMs ?? 250,
      handler: (job) => this.handle(job),
      log: opts.log,
    });
  }

  async start(): Promise<void> {
    await this.reloadFunctions();
    await this.queue.start();
    await this.scheduleAllCrons();
    this.reloadTimer = setInterval(() => {
      this.reloadFunctions().catch((err) =>
        this.opts.log(`reload functions failed: ${(err as Error).message}`),
      );
    }, 10_000);
    for (const url of this.opts.appUrls) this.startSyncLoop(url, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    for (const t of this.syncTimers.values()) clearTimeout(t);
    this.syncTimers.clear();
    await this.queue.stop();
    await this.pool.end();
  }

  // ─── transactions ─────────────────────────────────────────────────────────

  /** Runs `fn` in a transaction; the jobs it collects are inserted in it and the loop woken after commit. */
  private async tx<T>(fn: (c: PoolClient, jobs: NewJob[]) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    const jobs: NewJob[] = [];
    try {
      await c.query("BEGIN");
      const out = await fn(c, jobs);
      await this.queue.insert(c, jobs);
      await c.query("COMMIT");
      this.queue.notify(jobs);
      return out;
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  }

  // ─── functions ────────────────────────────────────────────────────────────

  async reloadFunctions(): Promise<void> {
    const { rows } = await this.pool.query<{
      id: string;
      appId: string;
      name: string;
      url: string;
      config: unknown;
    }>(`SELECT id, "appId", name, url, config FROM "JobFunction"`);
    const fns = new Map<string, FnDef>();
    const byEvent = new Map<string, FnDef[]>();
    const wildcard: { prefix: string; fn: FnDef; expression?: string }[] = [];
    const cancelByEvent = new Map<string, FnDef[]>();
    for (const row of rows) {
      let fn: FnDef;
      try {
        fn = toFnDef(row);
      } catch (err) {
        this.opts.log(`function ${row.id} has an unreadable config: ${(err as Error).message}`);
        continue;
      }
      fns.set(fn.id, fn);
      for (const t of fn.eventTriggers) {
        if (t.event.endsWith("*"))
          wildcard.push({ prefix: t.event.slice(0, -1), fn, expression: t.expression });
        else if (!byEvent.get(t.event)?.includes(fn))
          byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), fn]);
      }
      for (const c of fn.cancel)
        cancelByEvent.set(c.event, [...(cancelByEvent.get(c.event) ?? []), fn]);
    }
    this.fns = fns;
    this.byEvent = byEvent;
    this.wildcard = wildcard;
    this.cancelByEvent = cancelByEvent;
    this.lastReload = Date.now();
  }

  private lastReload = 0;

  /** A function by id; an unknown id reloads the cache first (another instance may have registered it). */
  private async getFn(id: string): Promise<FnDef | undefined> {
    const hit = this.fns.get(id);
    if (hit || Date.now() - this.lastReload < 1000) return hit;
    await this.reloadFunctions();
    return this.fns.get(id);
  }

  /** Stores an app's functions (from /fn/register or an in-band sync) and drops the ones it no longer serves. */
  async registerApp(raw: unknown): Promise<{ appId: string; functions: string[] }> {
    const body = registerBodySchema.parse(raw);
    const appId = body.appName ?? body.app_id;
    if (!appId) throw new RegistrationError("appName is required");
    // The registered URL is where step requests (with run data) go: only the app
    // URLs this executor was started with may be registered, never one a request names.
    if (this.opts.appUrls.length && !this.opts.appUrls.some((u) => sameEndpoint(u, body.url)))
      throw new RegistrationError(`${body.url} is not one of this executor's app URLs`);
    const configs = body.functions.map((f) => functionConfigSchema.parse(f));
    for (const cfg of configs)
      for (const step of Object.values(cfg.steps))
        if (!sameEndpoint(body.url, step.runtime.url))
          throw new RegistrationError(
            `function ${cfg.id} runs at ${step.runtime.url}, not ${body.url}`,
          );
    await this.tx(async (c) => {
      for (const cfg of configs) {
        const step = Object.values(cfg.steps)[0];
        if (!step) throw new RegistrationError(`function ${cfg.id} has no step runtime`);
        await c.query(
          `INSERT INTO "JobFunction" (id, "appId", name, url, "appUrl", config, "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (id) DO UPDATE SET "appId" = $2, name = $3, url = $4, "appUrl" = $5, config = $6, "updatedAt" = now()`,
          [cfg.id, appId, cfg.name ?? cfg.id, step.runtime.url, body.url, json(cfg)],
        );
      }
      await c.query(`DELETE FROM "JobFunction" WHERE "appId" = $1 AND NOT (id = ANY($2::text[]))`, [
        appId,
        configs.map((c) => c.id),
      ]);
    });
    await this.reloadFunctions();
    await this.scheduleAllCrons();
    this.opts.log(
      `registered app ${appId}: ${configs.map((c) => c.id).join(", ") || "(no functions)"}`,
    );
    return { appId, functions: configs.map((c) => c.id) };
  }

  // ─── app sync (what the Inngest dev server does: PUT the serve URL) ──────

  private startSyncLoop(url: string, failures: number): void {
    if (this.stopped) return;
    this.syncApp(url).then(
      () => this.scheduleSync(url, this.opts.resyncIntervalMs ?? 5 * 60_000, 0),
      (err: Error) => {
        if (failures === 0 || failures % 30 === 0)
          this.opts.log(`sync ${url} failed (will retry): ${err.message}`);
        this.scheduleSync(url, failures < 10 ? 500 : 2000, failures + 1);
      },
    );
  }

  private scheduleSync(url: string, ms: number, failures: number): void {
    if (this.stopped) return;
    clearTimeout(this.syncTimers.get(url));
    const t = setTimeout(() => this.startSyncLoop(url, failures), ms);
    t.unref();
    this.syncTimers.set(url, t);
  }

  /** Syncs every configured app now. */
  async syncAll(): Promise<void> {
    await Promise.all(this.opts.appUrls.map((u) => this.syncApp(u)));
  }

  /** In-band sync: a signed PUT; the SDK answers with its config (or, if it refuses in-band, POSTs /fn/register itself). */
  async syncApp(url: string): Promise<void> {
    const body = canonicalJson({ url });
    const res = await fetch(url, {
      method: "PUT",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, this.opts.signingKey),
        "x-inngest-sync-kind": "in_band",
        "x-inngest-server-kind": "cloud",
      },
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    if (res.headers.get("x-inngest-sync-kind") === "in_band") {
      const data = JSON.parse(text) as { app_id?: string; url?: string; functions?: unknown[] };
      await this.registerApp({
        url: data.url ?? url,
        appName: data.app_id,
        functions: data.functions ?? [],
      });
    }
  }

  // ─── events ───────────────────────────────────────────────────────────────

  /** Stores events and starts/resumes/cancels runs; returns the event ids. */
  async sendEvents(events: ExecEvent[]): Promise<string[]> {
    await this.tx((c, jobs) => this.ingest(c, events, jobs));
    return events.map((e) => e.id);
  }

  private matchingFunctions(evt: ExecEvent): FnDef[] {
    const out: FnDef[] = [];
    for (const fn of this.byEvent.get(evt.name) ?? []) {
      for (const t of fn.eventTriggers) {
        if (t.event === evt.name && matchesExpression(t.expression, { event: evt })) {
          out.push(fn);
          break;
        }
      }
    }
    for (const w of this.wildcard) {
      if (
        evt.name.startsWith(w.prefix) &&
        !out.includes(w.fn) &&
        matchesExpression(w.expression, { event: evt })
      )
        out.push(w.fn);
    }
    return out;
  }

  private async ingest(c: PoolClient, events: ExecEvent[], jobs: NewJob[]): Promise<void> {
    if (!events.length) return;
    // Runs are planned for every event up front; the statement keeps those whose event was new
    // (a repeated event id is an idempotent re-send): one round trip for events and runs.
    const runs: RunInsert[] = [];
    for (const evt of events) {
      for (const fn of this.matchingFunctions(evt)) {
        const key = fn.concurrency?.key ? evaluateKey(fn.concurrency.key, { event: evt }) : null;
        runs.push({ id: ulid(), fn, evt, key });
      }
    }
    const { rows } = await c.query<{ kind: "e" | "r"; id: string }>(
      `WITH e AS (
         INSERT INTO "JobEvent" (id, name, data, "user", ts)
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[], $5::bigint[])
         ON CONFLICT (id) DO NOTHING RETURNING id),
       r AS (
         INSERT INTO "JobRun" (id, "functionId", "eventId", "eventName", events, "maxAttempts", "concurrencyKey", seq, "updatedAt")
         SELECT t.id, t.f, t.e, t.n, t.ev, t.m, t.k, 1, now()
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::int[], $12::text[]) AS t(id, f, e, n, ev, m, k)
         WHERE t.e IN (SELECT id FROM e)
         RETURNING id)
       SELECT 'e' AS kind, id FROM e UNION ALL SELECT 'r' AS kind, id FROM r`,
      [
        events.map((e) => e.id),
        events.map((e) => e.name),
        events.map((e) => json(e.data)),
        events.map((e) => (e.user ? json(e.user) : null)),
        events.map((e) => e.ts),
        ...runColumns(runs),
      ],
    );
    const fresh = new Set(rows.filter((r) => r.kind === "e").map((r) => r.id));
    for (const r of rows)
      if (r.kind === "r")
        jobs.push({ data: { k: "call", runId: r.id, stepId: "step", seq: 1, attempt: 0 } });
    const accepted = events.filter((e) => fresh.has(e.id));
    await this.resumeWaiters(c, accepted, jobs);
    await this.cancelRuns(c, accepted);
  }

  private async createRuns(c: PoolClient, runs: RunInsert[], jobs: NewJob[]): Promise<void> {
    if (!runs.length) return;
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO "JobRun" (id, "functionId", "eventId", "eventName", events, "maxAttempts", "concurrencyKey", "rerunOf", seq, "updatedAt")
       SELECT id, f, e, n, ev, m, k, r, 1, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::int[], $7::text[], $8::text[])
         AS t(id, f, e, n, ev, m, k, r)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [...runColumns(runs), runs.map((r) => r.rerunOf ?? null)],
    );
    for (const r of rows)
      jobs.push({ data: { k: "call", runId: r.id, stepId: "step", seq: 1, attempt: 0 } });
  }

  private async resumeWaiters(c: PoolClient, events: ExecEvent[], jobs: NewJob[]): Promise<void> {
    const names = [...new Set(events.map((e) => e.name))];
    if (!names.length) return;
    const { rows } = await c.query<{
      runId: string;
      hashedId: string;
      waitEvent: string;
      waitIf: string | null;
      ev: ExecEvent;
    }>(
      `SELECT s."runId", s."hashedId", s."waitEvent", s."waitIf", r.events->0 AS ev
       FROM "JobStep" s JOIN "JobRun" r ON r.id = s."runId"
       WHERE s.status = 'waiting' AND s."waitEvent" = ANY($1::text[])`,
      [names],
    );
    if (!rows.length) return;
    const hits: { runId: string; hashedId: string; evt: ExecEvent }[] = [];
    for (const w of rows) {
      const evt = events.find(
        (e) => e.name === w.waitEvent && matchesExpression(w.waitIf, { event: w.ev, async: e }),
      );
      if (evt) hits.push({ runId: w.runId, hashedId: w.hashedId, evt });
    }
    hits.sort((a, b) => a.runId.localeCompare(b.runId)); // lock runs in one order
    for (const h of hits)
      await this.completePendingStep(c, h.runId, h.hashedId, ["waiting"], h.evt, jobs);
  }

  private async cancelRuns(c: PoolClient, events: ExecEvent[]): Promise<void> {
    for (const evt of events) {
      for (const fn of this.cancelByEvent.get(evt.name) ?? []) {
        const { rows } = await c.query<{ id: string; ev: ExecEvent }>(
          `SELECT id, events->0 AS ev FROM "JobRun" WHERE "functionId" = $1 AND status NOT IN ('COMPLETED','FAILED','CANCELLED') ORDER BY id`,
          [fn.id],
        );
        const rules = fn.cancel.filter((r) => r.event === evt.name);
        for (const run of rows) {
          if (!rules.some((r) => matchesExpression(r.if, { event: run.ev, async: evt }))) continue;
          await c.query(
            `UPDATE "JobRun" SET status = 'CANCELLED', "endedAt" = now(), "updatedAt" = now(), inflight = 0
             WHERE id = $1 AND status NOT IN ('COMPLETED','FAILED','CANCELLED')`,
            [run.id],
          );
          await c.query(
            `UPDATE "JobStep" SET status = 'cancelled', "endedAt" = now() WHERE "runId" = $1 AND status = ANY($2::text[])`,
            [run.id, PENDING],
          );
        }
      }
    }
  }

  /** Starts a new run of the same function with the same event(s). */
  async rerun(runId: string): Promise<string> {
    const { rows } = await this.pool.query<RunRow>(
      `SELECT id, "functionId", events FROM "JobRun" WHERE id = $1`,
      [runId],
    );
    const old = rows[0];
    if (!old) throw new NotFoundError(`run ${runId} not found`);
    const fn = await this.getFn(old.functionId);
    if (!fn) throw new NotFoundError(`function ${old.functionId} is not registered`);
    const evt = old.events[0];
    const id = ulid();
    await this.tx((c, jobs) => {
      const key = fn.concurrency?.key ? evaluateKey(fn.concurrency.key, { event: evt }) : null;
      return this.createRuns(c, [{ id, fn, evt, key, rerunOf: old.id }], jobs);
    });
    return id;
  }

  // ─── cron ─────────────────────────────────────────────────────────────────

  private nextTick(cron: string, after: Date): number | null {
    const m = /^(?:TZ|CRON_TZ)=(\S+)\s+(.*)$/.exec(cron.trim());
    try {
      const next = new Cron(m ? m[2] : cron, {
        paused: true,
        ...(m ? { timezone: m[1] } : {}),
      }).nextRun(after);
      return next ? next.getTime() : null;
    } catch (err) {
      this.opts.log(`invalid cron "${cron}": ${(err as Error).message}`);
      return null;
    }
  }

  private cronJob(fnId: string, cron: string, at: number): NewJob {
    // Deterministic job id: every instance, before and after a restart, queues the same tick once.
    return {
      id: deterministicUuid(`cron|${fnId}|${cron}|${at}`),
      startAfter: at,
      data: { k: "cron", fnId, cron, at },
    };
  }

  private async scheduleAllCrons(): Promise<void> {
    const now = new Date();
    const jobs: NewJob[] = [];
    for (const fn of this.fns.values()) {
      for (const cron of fn.cronTriggers) {
        const at = this.nextTick(cron, now);
        if (at) jobs.push(this.cronJob(fn.id, cron, at));
      }
    }
    if (jobs.length) await this.tx(async (_c, out) => void out.push(...jobs));
  }

  private async handleCron(job: Extract<JobData, { k: "cron" }>): Promise<void> {
    const fn = await this.getFn(job.fnId);
    if (!fn || !fn.cronTriggers.includes(job.cron)) return; // unregistered or schedule changed
    const evt: ExecEvent = {
      id: deterministicUlid(job.at, `evt|${job.fnId}|${job.cron}`),
      name: CRON_EVENT,
      data: { cron: job.cron },
      ts: job.at,
    };
    await this.tx(async (c, jobs) => {
      await c.query(
        `INSERT INTO "JobEvent" (id, name, data, ts) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
        [evt.id, evt.name, json(evt.data), evt.ts],
      );
      await this.createRuns(
        c,
        [{ id: deterministicUlid(job.at, `run|${job.fnId}|${job.cron}`), fn, evt, key: null }],
        jobs,
      );
      const next = this.nextTick(job.cron, new Date(Math.max(job.at, Date.now())));
      if (next) jobs.push(this.cronJob(fn.id, job.cron, next));
    });
  }

  // ─── job dispatch ─────────────────────────────────────────────────────────

  private async handle(job: JobData): Promise<void> {
    if (job.k === "call") return this.handleCall(job);
    if (job.k === "wake")
      return this.tx((c, jobs) =>
        this.completePendingStep(c, job.runId, job.hashedId, ["sleeping", "waiting"], null, jobs),
      );
    if (job.k === "cron") return this.handleCron(job);
  }

  /** Completes a sleeping/waiting step (or ignores it if it already moved on) and continues the run. */
  private async completePendingStep(
    c: PoolClient,
    runId: string,
    hashedId: string,
    from: string[],
    data: unknown,
    jobs: NewJob[],
  ): Promise<void> {
    const run = await this.lockRun(c, runId);
    if (!run || TERMINAL.has(run.status)) return;
    const { rowCount } = await c.query(
      `UPDATE "JobStep" SET status = 'completed', data = $3, "endedAt" = now(),
         seq = (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $1)
       WHERE "runId" = $1 AND "hashedId" = $2 AND status = ANY($4::text[])`,
      [runId, hashedId, json(data), from],
    );
    if (rowCount) await this.continueRun(c, run, jobs);
  }

  private async lockRun(c: PoolClient, runId: string): Promise<RunRow | undefined> {
    const { rows } = await c.query<RunRow>(
      `SELECT id, "functionId", status, seq, attempt, "maxAttempts", events, "concurrencyKey" FROM "JobRun" WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    return rows[0];
  }

  /** After progress: discover the next steps when nothing is pending, else reflect what the run waits on. */
  private async continueRun(c: PoolClient, run: RunRow, jobs: NewJob[]): Promise<void> {
    const { rows } = await c.query<{ status: string }>(
      `SELECT DISTINCT status FROM "JobStep" WHERE "runId" = $1 AND status = ANY($2::text[])`,
      [run.id, PENDING],
    );
    const pending = new Set(rows.map((r) => r.status));
    if (!pending.size) {
      const seq = run.seq + 1;
      await c.query(
        `UPDATE "JobRun" SET seq = $2, attempt = 0, status = 'RUNNING', "updatedAt" = now() WHERE id = $1`,
        [run.id, seq],
      );
      run.seq = seq;
      jobs.push({ data: { k: "call", runId: run.id, stepId: "step", seq, attempt: 0 } });
      return;
    }
    const status =
      pending.has("planned") || pending.has("running")
        ? "RUNNING"
        : pending.has("waiting")
          ? "WAITING"
          : "SLEEPING";
    if (status !== run.status)
      await c.query(
        `UPDATE "JobRun" SET status = $2::"JobRunStatus", "updatedAt" = now() WHERE id = $1`,
        [run.id, status],
      );
  }

  /**
   * Async checkpointing: while one request runs consecutive steps, the SDK posts
   * each finished step here. 409 tells it the dispatch is stale (run moved on or ended).
   */
  async checkpoint(runId: string, body: unknown): Promise<"ok" | "stale" | "not-found"> {
    const b = (body ?? {}) as { qi_id?: unknown; steps?: unknown };
    const steps = Array.isArray(b.steps) ? (b.steps as Op[]) : [];
    const seq = typeof b.qi_id === "string" ? Number(b.qi_id.split(":")[1]) : NaN;
    // No run lock: memoising is idempotent, and a finished or moved-on run is answered 409.
    const { rows } = await this.pool.query<{ status: string; seq: number }>(
      `SELECT status, seq FROM "JobRun" WHERE id = $1`,
      [runId],
    );
    const run = rows[0];
    if (!run) return "not-found";
    if (TERMINAL.has(run.status) || (Number.isFinite(seq) && seq !== run.seq)) return "stale";
    const c = await this.pool.connect();
    try {
      for (const op of steps) {
        if ((op.op === "StepRun" || op.op === "Step") && typeof op.id === "string")
          await this.memoStep(c, runId, op, "completed", 0);
      }
    } finally {
      c.release();
    }
    return "ok";
  }

  // ─── calling the app ──────────────────────────────────────────────────────

  private async handleCall(job: Extract<JobData, { k: "call" }>): Promise<void> {
    const discovery = job.stepId === "step";
    // Claim: the run (discovery, at this seq) or the planned step (at this attempt); stale jobs drop out here.
    const claim = discovery
      ? await this.pool.query<RunRow>(
          `UPDATE "JobRun" SET status = 'RUNNING', attempt = $3, "updatedAt" = now()
           WHERE id = $1 AND seq = $2 AND status NOT IN ('COMPLETED','FAILED','CANCELLED')
           RETURNING id, "functionId", status, seq, attempt, "maxAttempts", events, "concurrencyKey"`,
          [job.runId, job.seq, job.attempt],
        )
      : await this.pool.query<RunRow>(
          `WITH s AS (
             UPDATE "JobStep" SET status = 'running' WHERE "runId" = $1 AND "hashedId" = $2 AND attempt = $3 AND status IN ('planned','running') RETURNING "runId")
           SELECT r.id, r."functionId", r.status, r.seq, r.attempt, r."maxAttempts", r.events, r."concurrencyKey"
           FROM "JobRun" r JOIN s ON s."runId" = r.id WHERE r.status NOT IN ('COMPLETED','FAILED','CANCELLED')`,
          [job.runId, job.stepId, job.attempt],
        );
    const run = claim.rows[0];
    if (!run) return;
    const fn = await this.getFn(run.functionId);
    if (!fn) {
      await this.tx(async (c, jobs) => {
        const locked = await this.lockRun(c, run.id);
        if (locked && !TERMINAL.has(locked.status))
          await this.finishRun(
            c,
            locked,
            { error: { name: "Error", message: `Function ${run.functionId} is not registered` } },
            jobs,
          );
      });
      return;
    }
    if (fn.concurrency && !(await this.acquireSlot(run, fn.concurrency.limit))) {
      // Over the limit: try again shortly (jitter spreads the herd).
      await this.tx(
        async (_c, jobs) =>
          void jobs.push({
            data: job,
            startAfter: Date.now() + 100 + Math.round(Math.random() * 300),
          }),
      );
      return;
    }
    try {
      await this.callApp(run, fn, job);
    } finally {
      if (fn.concurrency)
        await this.pool.query(
          `UPDATE "JobRun" SET inflight = greatest(inflight - 1, 0) WHERE id = $1`,
          [run.id],
        );
    }
  }

  /** Concurrency: runs of (function, key) with a request in flight and a live lease count against the limit. */
  private async acquireSlot(run: RunRow, limit: number): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `${run.functionId}|${run.concurrencyKey ?? ""}`,
      ]);
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "JobRun"
         WHERE "functionId" = $1 AND "concurrencyKey" IS NOT DISTINCT FROM $2 AND inflight > 0 AND "leaseUntil" > now() AND id <> $3`,
        [run.functionId, run.concurrencyKey, run.id],
      );
      if (rows[0].n >= limit) return false;
      await c.query(
        `UPDATE "JobRun" SET inflight = CASE WHEN "leaseUntil" IS NULL OR "leaseUntil" < now() THEN 1 ELSE inflight + 1 END,
           "leaseUntil" = now() + interval '5 minutes' WHERE id = $1`,
        [run.id],
      );
      return true;
    });
  }

  private async callApp(
    run: RunRow,
    fn: FnDef,
    job: Extract<JobData, { k: "call" }>,
  ): Promise<void> {
    const discovery = job.stepId === "step";
    const { rows: memo } = await this.pool.query<{
      hashedId: string;
      status: string;
      data: unknown;
      error: unknown;
    }>(
      `SELECT "hashedId", status, data, error FROM "JobStep" WHERE "runId" = $1 AND status IN ('completed','failed') ORDER BY seq`,
      [run.id],
    );
    const steps: Record<string, unknown> = {};
    for (const m of memo)
      steps[m.hashedId] =
        m.status === "failed"
          ? { type: "error", error: m.error }
          : { type: "data", data: m.data ?? null };
    const stack = memo.map((m) => m.hashedId);
    const ctx: Record<string, unknown> = {
      run_id: run.id,
      attempt: job.attempt,
      max_attempts: run.maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack, current: Math.max(0, stack.length - 1) },
    };
    if (discovery && this.opts.checkpointing !== false) {
      ctx.fn_id = fn.id;
      ctx.qi_id = `${run.id}:${job.seq}:${job.attempt}`;
    }
    const body = canonicalJson({ event: run.events[0], events: run.events, steps, ctx });
    const url = new URL(fn.stepUrl);
    url.searchParams.set("fnId", fn.id);
    url.searchParams.set("stepId", job.stepId);

    let status = 0;
    let text = "";
    let headers: Headers | null = null;
    let transportError: string | null = null;
    try {
      const res = await fetch(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "x-inngest-signature": signBody(body, this.opts.signingKey),
          "x-inngest-server-kind": "cloud",
          "x-run-id": run.id,
        },
        signal: AbortSignal.timeout(this.opts.requestTimeoutMs ?? 120_000),
      });
      status = res.status;
      headers = res.headers;
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      transportError = `${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ""}`;
    }

    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    const noRetry = headers?.get("x-inngest-no-retry") === "true";
    const retryAt = parseRetryAfter(headers?.get("retry-after"));

    await this.tx(async (c, jobs) => {
      const locked = await this.lockRun(c, run.id);
      if (!locked || TERMINAL.has(locked.status)) return;
      if (discovery && locked.seq !== job.seq) return; // someone else moved the run on meanwhile

      if (status === 200 && discovery) {
        await this.finishRun(c, locked, { output: parsed }, jobs);
        return;
      }
      if (status === 206 && Array.isArray(parsed)) {
        await this.applyOps(c, locked, parsed as Op[], job, noRetry, retryAt, jobs);
        return;
      }
      // Anything else is an error of this request: connection refused, 5xx, 4xx, 200 to a step request.
      const error = transportError
        ? {
            name: "ConnectionError",
            message: `Request to ${url.origin}${url.pathname} failed: ${transportError}`,
          }
        : status === 200
          ? { name: "Error", message: "The SDK answered 200 to a step request" }
          : toJsonError(
              parsed && typeof parsed === "object"
                ? parsed
                : { message: `HTTP ${status}: ${String(text).slice(0, 500)}` },
            );
      await this.requestFailed(c, locked, job, error, noRetry, retryAt, jobs);
    });
  }

  /** A request failed as a whole: retry the same request with backoff, or fail the step/run. */
  private async requestFailed(
    c: PoolClient,
    run: RunRow,
    job: Extract<JobData, { k: "call" }>,
    error: { name: string; message: string; stack?: string },
    noRetry: boolean,
    retryAt: number | null,
    jobs: NewJob[],
  ): Promise<void> {
    const next = job.attempt + 1;
    const canRetry = !noRetry && next < run.maxAttempts;
    const startAfter =
      retryAt ?? Date.now() + retryDelayMs({ attempt: job.attempt, baseMs: this.retryBaseMs });
    if (job.stepId === "step") {
      if (!canRetry) return this.finishRun(c, run, { error }, jobs);
      const seq = run.seq + 1;
      await c.query(
        `UPDATE "JobRun" SET seq = $2, attempt = $3, error = $4, "updatedAt" = now() WHERE id = $1`,
        [run.id, seq, next, json(error)],
      );
      jobs.push({
        data: { k: "call", runId: run.id, stepId: "step", seq, attempt: next },
        startAfter,
      });
      return;
    }
    if (!canRetry) {
      await this.memoStep(
        c,
        run.id,
        { id: job.stepId, op: "StepFailed", error },
        "failed",
        job.attempt,
      );
      return this.continueRun(c, run, jobs);
    }
    await c.query(
      `UPDATE "JobStep" SET status = 'planned', attempt = $3, error = $4 WHERE "runId" = $1 AND "hashedId" = $2`,
      [run.id, job.stepId, next, json(error)],
    );
    jobs.push({
      data: { k: "call", runId: run.id, stepId: job.stepId, attempt: next },
      startAfter,
    });
  }

  /** Records a completed or failed (memoised) step; idempotent. */
  private async memoStep(
    c: PoolClient,
    runId: string,
    op: Op,
    status: "completed" | "failed",
    attempt: number,
  ): Promise<void> {
    const error = status === "failed" ? toJsonError(op.error) : null;
    await c.query(
      `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, attempt, opts, data, error, seq, "endedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $2), now())
       ON CONFLICT ("runId", "hashedId") DO UPDATE SET status = $6, attempt = $7, data = $9, error = coalesce($10, "JobStep".error),
         seq = (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $2), "endedAt" = now(),
         op = CASE WHEN "JobStep".op = 'StepPlanned' THEN $5 ELSE "JobStep".op END
       WHERE "JobStep".status NOT IN ('completed','failed')`,
      [
        rowId(),
        runId,
        op.id,
        op.displayName ?? op.name ?? op.id,
        op.op,
        status,
        attempt,
        op.opts ? json(op.opts) : null,
        status === "completed" ? json(op.data) : null,
        error ? json(error) : null,
      ],
    );
  }

  /** Inserts a pending step (planned / sleeping / waiting) unless it already exists. */
  private async pendingStep(
    c: PoolClient,
    runId: string,
    op: Op,
    status: string,
    extra: { waitEvent?: string; waitIf?: string | null; wakeAt?: number | null } = {},
  ): Promise<boolean> {
    const { rowCount } = await c.query(
      `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, opts, "waitEvent", "waitIf", "wakeAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ("runId", "hashedId") DO NOTHING`,
      [
        rowId(),
        runId,
        op.id,
        op.displayName ?? op.name ?? op.id,
        op.op,
        status,
        json({ ...(op.opts ?? {}), ...(op.op === "Sleep" ? { until: op.name } : {}) }),
        extra.waitEvent ?? null,
        extra.waitIf ?? null,
        extra.wakeAt ? new Date(extra.wakeAt).toISOString() : null,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  private async applyOps(
    c: PoolClient,
    run: RunRow,
    ops: Op[],
    job: Extract<JobData, { k: "call" }>,
    noRetry: boolean,
    retryAt: number | null,
    jobs: NewJob[],
  ): Promise<void> {
    const now = Date.now();
    for (const op of ops) {
      switch (op.op) {
        case "StepRun":
        case "Step":
          await this.memoStep(c, run.id, op, "completed", job.stepId === op.id ? job.attempt : 0);
          break;
        case "StepError":
        case "StepFailed": {
          const attempt = job.stepId === op.id ? job.attempt : 0;
          const next = attempt + 1;
          if (op.op === "StepError" && !noRetry && next < run.maxAttempts) {
            const error = toJsonError(op.error);
            await c.query(
              `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, attempt, error)
               VALUES ($1, $2, $3, $4, 'StepRun', 'planned', $5, $6)
               ON CONFLICT ("runId", "hashedId") DO UPDATE SET status = 'planned', attempt = $5, error = $6`,
              [rowId(), run.id, op.id, op.displayName ?? op.name ?? op.id, next, json(error)],
            );
            jobs.push({
              data: { k: "call", runId: run.id, stepId: op.id, attempt: next },
              startAfter: retryAt ?? now + retryDelayMs({ attempt, baseMs: this.retryBaseMs }),
            });
          } else {
            await this.memoStep(c, run.id, { ...op, op: "StepRun" }, "failed", attempt);
          }
          break;
        }
        case "StepPlanned":
          if (await this.pendingStep(c, run.id, op, "planned"))
            jobs.push({ data: { k: "call", runId: run.id, stepId: op.id, attempt: 0 } });
          break;
        case "Sleep": {
          const wakeAt = resolveWakeAt(op.name ?? "", now) ?? now;
          if (await this.pendingStep(c, run.id, op, "sleeping", { wakeAt }))
            jobs.push({ data: { k: "wake", runId: run.id, hashedId: op.id }, startAfter: wakeAt });
          break;
        }
        case "WaitForEvent": {
          const timeout = parseDuration(String(op.opts?.timeout ?? "")) ?? 7 * 86_400_000;
          const wakeAt = now + timeout;
          const waitIf = typeof op.opts?.if === "string" ? op.opts.if : null;
          if (
            await this.pendingStep(c, run.id, op, "waiting", { waitEvent: op.name, waitIf, wakeAt })
          )
            jobs.push({ data: { k: "wake", runId: run.id, hashedId: op.id }, startAfter: wakeAt });
          break;
        }
        case "RunComplete":
          return this.finishRun(c, run, { output: op.data ?? null }, jobs);
        case "DiscoveryRequest":
        case "DeferAdd":
        case "DeferAbort":
          break;
        default: {
          const why = UNSUPPORTED_OPS.has(op.op)
            ? "is not supported by the embedded executor"
            : "is unknown to the embedded executor";
          await this.memoStep(
            c,
            run.id,
            { ...op, error: { name: "NonRetriableError", message: `Step op ${op.op} ${why}` } },
            "failed",
            0,
          );
        }
      }
    }
    if (job.stepId !== "step") {
      // A step request finished; when a retry of it was queued the step is pending again.
      const { rows } = await c.query<{ status: string }>(
        `SELECT status FROM "JobStep" WHERE "runId" = $1 AND "hashedId" = $2`,
        [run.id, job.stepId],
      );
      if (rows[0]?.status === "running")
        await c.query(
          `UPDATE "JobStep" SET status = 'planned' WHERE "runId" = $1 AND "hashedId" = $2`,
          [run.id, job.stepId],
        );
    }
    await this.continueRun(c, run, jobs);
  }

  private async finishRun(
    c: PoolClient,
    run: RunRow,
    result: { output: unknown } | { error: unknown },
    jobs: NewJob[],
  ): Promise<void> {
    const failed = "error" in result;
    const error = failed ? toJsonError(result.error) : null;
    await c.query(
      `WITH r AS (
         UPDATE "JobRun" SET status = $2::"JobRunStatus", output = $3, error = $4, "endedAt" = clock_timestamp(), "updatedAt" = now(), inflight = 0
         WHERE id = $1 RETURNING id)
       UPDATE "JobStep" SET status = 'cancelled', "endedAt" = now() WHERE "runId" IN (SELECT id FROM r) AND status = ANY($5::text[])`,
      [
        run.id,
        failed ? "FAILED" : "COMPLETED",
        failed ? null : json((result as { output: unknown }).output),
        error ? json(error) : null,
        PENDING,
      ],
    );
    run.status = failed ? "FAILED" : "COMPLETED";
    if (failed) {
      // onFailure handlers are functions triggered by this event (expression: event.data.function_id == '<id>').
      const evt: ExecEvent = {
        id: ulid(),
        name: FAILED_EVENT,
        data: { function_id: run.functionId, run_id: run.id, error, event: run.events[0] },
        ts: Date.now(),
      };
      await this.ingest(c, [evt], jobs);
    }
  }
}

export class RegistrationError extends Error {
  override name = "RegistrationError";
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
}
