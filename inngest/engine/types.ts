import type { JobData } from "./queue";
import type { FnDef } from "./functions";

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
  /** Lease of a running request's concurrency slots, renewed while it runs (default 60 s). */
  leaseSeconds?: number;
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

/** One opcode of an SDK 206 answer (or of a checkpoint). */
export type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown> | null;
  data?: unknown;
  error?: unknown;
};

/** The columns of a `JobRun` the state machine works with. */
export interface RunRow {
  id: string;
  functionId: string;
  status: string;
  seq: number;
  attempt: number;
  maxAttempts: number;
  events: ExecEvent[];
  concurrencyKey: string | null;
  /** When the run was enqueued (epoch ms); read where flow control orders runs. */
  startedMs?: number;
}

/** A queued request to the app: discovery (`stepId` "step") or one planned step. */
export type CallJob = Extract<JobData, { k: "call" }>;

/** A run about to be inserted. */
export type RunInsert = {
  id: string;
  fn: FnDef;
  evt: ExecEvent;
  key: string | null;
  rerunOf?: string;
};

/** An error as stored in `JobRun.error` / `JobStep.error`. */
export type JsonError = { name: string; message: string; stack?: string };

export const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
export const PENDING = ["planned", "running", "sleeping", "waiting"];
export const FAILED_EVENT = "inngest/function.failed";
export const CRON_EVENT = "inngest/scheduled.timer";
