import type { AddressInfo } from "node:net";
import { Executor } from "./executor";
import { createExecutorServer } from "./server";
import { hashSigningKey } from "./signing";

export type { ExecEvent } from "./types";

/** Options for {@link startExecutor}. */
export interface StartExecutorOptions {
  /** Port on 127.0.0.1 (8288 is where the SDK's dev mode looks; 0 picks a free one). */
  port: number;
  /** PostgreSQL URL; runs, steps and the pg-boss queue live here. */
  databaseUrl: string;
  /** `signkey-<env>-<hex>`, the same value the app has in INNGEST_SIGNING_KEY. */
  signingKey: string;
  /** When set, events must be sent with this key (the app's INNGEST_EVENT_KEY). */
  eventKey?: string;
  /** The apps' serve URLs (e.g. http://127.0.0.1:3000/api/inngest) to sync. */
  appUrls: string[];
  log?: (line: string) => void;
  /** First retry delay in ms (doubling, jittered). Default 1000. */
  retryBaseMs?: number;
  /** Requests/jobs in flight per executor instance. Default 64. */
  concurrency?: number;
  /** Let the SDK run consecutive steps in one request, checkpointing each (default true). */
  checkpointing?: boolean;
  /** Lease of a running request's concurrency slots in seconds, renewed while it runs. Default 60. */
  leaseSeconds?: number;
  /** Host to listen on. Default 127.0.0.1. */
  host?: string;
}

/** A running executor. */
export interface ExecutorHandle {
  url: string;
  stop(): Promise<void>;
  /** PUT every app URL now (re-register its functions). */
  sync(): Promise<void>;
  /** Starts a new run with the same function and event as `runId`; returns the new run id. */
  rerun(runId: string): Promise<string>;
}

/** Starts the embedded Inngest-protocol executor (HTTP server + durable queue worker). */
export async function startExecutor(opts: StartExecutorOptions): Promise<ExecutorHandle> {
  const log = opts.log ?? ((line: string) => console.log(`[executor] ${line}`));
  const executor = new Executor({
    databaseUrl: opts.databaseUrl,
    signingKey: opts.signingKey,
    eventKey: opts.eventKey,
    appUrls: opts.appUrls,
    log,
    retryBaseMs: opts.retryBaseMs,
    concurrency: opts.concurrency,
    checkpointing: opts.checkpointing,
    leaseSeconds: opts.leaseSeconds,
  });
  const server = createExecutorServer({
    executor,
    signingKey: opts.signingKey,
    eventKey: opts.eventKey,
    log,
  });
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  try {
    await executor.start();
  } catch (err) {
    server.close();
    throw err;
  }
  log(`listening on ${url}`);
  return {
    url,
    sync: () => executor.syncAll(),
    rerun: (runId) => executor.rerun(runId),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await executor.stop();
    },
  };
}

/** Options for {@link rerunRun}; the app passes its INNGEST_BASE_URL / INNGEST_SIGNING_KEY (the engine reads no environment). */
export interface RerunOptions {
  /** Executor URL; defaults to http://127.0.0.1:8288. */
  baseUrl?: string;
  /** The executor's signing key; required. */
  signingKey?: string;
}

/** Asks a running executor (possibly in another process) to re-run a run; returns the new run id. */
export async function rerunRun(runId: string, opts: RerunOptions = {}): Promise<string> {
  const base = opts.baseUrl ?? "http://127.0.0.1:8288";
  const key = opts.signingKey;
  if (!key) throw new Error("rerunRun needs a signing key (INNGEST_SIGNING_KEY)");
  const res = await fetch(new URL(`/v0/runs/${encodeURIComponent(runId)}/rerun`, base), {
    method: "POST",
    headers: { authorization: `Bearer ${hashSigningKey(key)}` },
  });
  const body = (await res.json()) as { id?: string; error?: string };
  if (!res.ok || !body.id) throw new Error(`rerun failed: ${body.error ?? res.status}`);
  return body.id;
}
