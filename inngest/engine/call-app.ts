import { Agent, request } from "undici";
import { parseRetryAfter } from "./backoff";
import type { EngineContext } from "./context";
import type { FnDef } from "./functions";
import { canonicalJson, signBody } from "./signing";
import type { CallJob, RunRow } from "./types";

/** How the app answered one request (or why it could not). */
export interface AppAnswer {
  url: URL;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  text: string;
  /** The body as JSON, or the raw text when it is not JSON. */
  parsed: unknown;
  /** `x-inngest-no-retry: true` (e.g. a NonRetriableError). */
  noRetry: boolean;
  /** `Retry-After` as an epoch ms. */
  retryAt: number | null;
  /** Connection refused, timeout… */
  transportError: string | null;
}

/** Sends one signed request to the app: the run's events, its memoised steps and the ctx the SDK expects. */
export async function callApp(
  ctx: EngineContext,
  run: RunRow,
  fn: FnDef,
  job: CallJob,
): Promise<AppAnswer> {
  const discovery = job.stepId === "step";
  // A run's first request has nothing memoised yet (steps exist only after it), so skip the read.
  // With `timeouts`, the first request is when the run started (start ends, finish begins):
  // stamped in the memo statement so it costs no round trip.
  const first = discovery && job.seq === 1 && job.attempt === 0 && !fn.flow.timeouts;
  const { rows: memo } = first
    ? { rows: [] }
    : await ctx.pool.query<{
        hashedId: string;
        status: string;
        data: unknown;
        error: unknown;
      }>(
        fn.flow.timeouts
          ? `WITH t AS (UPDATE "JobRun" SET "firstCallAt" = now() WHERE id = $1 AND "firstCallAt" IS NULL)
             SELECT "hashedId", status, data, error FROM "JobStep" WHERE "runId" = $1 AND status IN ('completed','failed') ORDER BY seq`
          : `SELECT "hashedId", status, data, error FROM "JobStep" WHERE "runId" = $1 AND status IN ('completed','failed') ORDER BY seq`,
        [run.id],
      );
  const steps: Record<string, unknown> = {};
  for (const m of memo)
    steps[m.hashedId] =
      m.status === "failed"
        ? { type: "error", error: m.error }
        : { type: "data", data: m.data ?? null };
  const stack = memo.map((m) => m.hashedId);
  const sdkCtx: Record<string, unknown> = {
    run_id: run.id,
    attempt: job.attempt,
    max_attempts: run.maxAttempts,
    disable_immediate_execution: false,
    use_api: false,
    stack: { stack, current: Math.max(0, stack.length - 1) },
  };
  if (discovery && ctx.opts.checkpointing !== false) {
    sdkCtx.fn_id = fn.id;
    sdkCtx.qi_id = `${run.id}:${job.seq}:${job.attempt}`;
  }
  const body = canonicalJson({ event: run.events[0], events: run.events, steps, ctx: sdkCtx });
  const url = new URL(fn.stepUrl);
  url.searchParams.set("fnId", fn.id);
  url.searchParams.set("stepId", job.stepId);

  let status = 0;
  let text = "";
  let headers: Record<string, string | string[] | undefined> = {};
  let transportError: string | null = null;
  try {
    // undici's request on a keep-alive Agent: no WHATWG stream wrapping, sockets reused.
    const res = await request(url, {
      method: "POST",
      body,
      dispatcher: appAgent(),
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, ctx.opts.signingKey),
        "x-inngest-server-kind": "cloud",
        "x-run-id": run.id,
      },
      signal: AbortSignal.timeout(ctx.opts.requestTimeoutMs ?? 120_000),
    });
    status = res.statusCode;
    headers = res.headers;
    text = await res.body.text();
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
  return {
    url,
    status,
    text,
    parsed,
    noRetry: header(headers, "x-inngest-no-retry") === "true",
    retryAt: parseRetryAfter(header(headers, "retry-after")),
    transportError,
  };
}

let agent: Agent | null = null;

/** One keep-alive connection pool per process for requests to the apps. */
function appAgent(): Agent {
  agent ??= new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1 });
  return agent;
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}
