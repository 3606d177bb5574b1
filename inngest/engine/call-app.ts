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
  const { rows: memo } = await ctx.pool.query<{
    hashedId: string;
    status: string;
    data: unknown;
    error: unknown;
  }>(
    // With `timeouts`, the first request is when the run started (start ends, finish begins):
    // stamped in the same statement so it costs no round trip.
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
  let headers: Headers | null = null;
  let transportError: string | null = null;
  try {
    const res = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, ctx.opts.signingKey),
        "x-inngest-server-kind": "cloud",
        "x-run-id": run.id,
      },
      signal: AbortSignal.timeout(ctx.opts.requestTimeoutMs ?? 120_000),
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
  return {
    url,
    status,
    text,
    parsed,
    noRetry: headers?.get("x-inngest-no-retry") === "true",
    retryAt: parseRetryAfter(headers?.get("retry-after")),
    transportError,
  };
}
