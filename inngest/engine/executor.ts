import type pg from "pg";
import { AppSyncLoop, syncApp } from "./app-sync";
import { checkpoint } from "./checkpoint";
import { createEngineContext, type EngineContext } from "./context";
import { handleCron, scheduleAllCrons } from "./cron";
import { handleCall } from "./handle-call";
import { ingestEvents } from "./intake";
import { INVOKE_TIMEOUT_ERROR, settleInvokeStep } from "./invoke";
import type { JobData, JobQueue } from "./queue";
import { registerApp } from "./register-app";
import { rerun } from "./rerun";
import { checkRunTimeouts } from "./run-timeouts";
import { completePendingStep } from "./run-state";
import type { ExecEvent, ExecutorOptions } from "./types";

/**
 * The executor's public face: lifecycle (timers, queue, pool) and the operations
 * the HTTP server calls. The work itself lives in one module per responsibility.
 */
export class Executor {
  readonly pool: pg.Pool;
  readonly queue: JobQueue;
  private readonly ctx: EngineContext;
  private readonly syncLoop: AppSyncLoop;
  private reloadTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ExecutorOptions) {
    this.ctx = createEngineContext(opts, (job) => this.handle(job));
    this.pool = this.ctx.pool;
    this.queue = this.ctx.queue;
    this.syncLoop = new AppSyncLoop(this.ctx);
  }

  async start(): Promise<void> {
    await this.reloadFunctions();
    await this.queue.start();
    await scheduleAllCrons(this.ctx);
    this.reloadTimer = setInterval(() => {
      this.reloadFunctions().catch((err) =>
        this.opts.log(`reload functions failed: ${(err as Error).message}`),
      );
    }, 10_000);
    for (const url of this.opts.appUrls) this.syncLoop.start(url);
  }

  async stop(): Promise<void> {
    this.syncLoop.stop();
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    await this.queue.stop();
    await this.pool.end();
  }

  reloadFunctions(): Promise<void> {
    return this.ctx.registry.reload();
  }

  /** Stores an app's functions (from /fn/register or an in-band sync) and drops the ones it no longer serves. */
  registerApp(raw: unknown): Promise<{ appId: string; functions: string[] }> {
    return registerApp(this.ctx, raw);
  }

  /** Syncs every configured app now. */
  async syncAll(): Promise<void> {
    await Promise.all(this.opts.appUrls.map((u) => this.syncApp(u)));
  }

  syncApp(url: string): Promise<void> {
    return syncApp(this.ctx, url);
  }

  /** Stores events and starts/resumes/cancels runs; returns the event ids. */
  async sendEvents(events: ExecEvent[]): Promise<string[]> {
    // Flow control locks one JobFlowKey row per key; two batches naming keys in opposite
    // orders can deadlock, and PostgreSQL aborts one of them: that one is simply retried.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ctx.tx((c, jobs) => ingestEvents(this.ctx, c, events, jobs));
        return events.map((e) => e.id);
      } catch (err) {
        if ((err as { code?: string }).code !== "40P01" || attempt >= 5) throw err;
      }
    }
  }

  /** Starts a new run of the same function with the same event(s). */
  rerun(runId: string): Promise<string> {
    return rerun(this.ctx, runId);
  }

  checkpoint(runId: string, body: unknown): ReturnType<typeof checkpoint> {
    return checkpoint(this.ctx, runId, body);
  }

  private async handle(job: JobData): Promise<void> {
    if (job.k === "call") return handleCall(this.ctx, job);
    if (job.k === "wake")
      return this.ctx.tx((c, jobs) =>
        completePendingStep(c, job.runId, job.hashedId, ["sleeping", "waiting"], null, jobs),
      );
    if (job.k === "cron") return handleCron(this.ctx, job);
    if (job.k === "emit") return void (await this.sendEvents(job.events));
    if (job.k === "timeout") return checkRunTimeouts(this.ctx, job.runId);
    if (job.k === "invoke-timeout")
      return this.ctx.tx((c, jobs) =>
        settleInvokeStep(c, job.runId, job.hashedId, { error: INVOKE_TIMEOUT_ERROR }, jobs),
      );
  }
}
