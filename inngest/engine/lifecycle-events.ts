import type { PoolClient } from "pg";
import type { EngineContext } from "./context";
import { toJsonError } from "./errors";
import { ulid } from "./ids";
import { settleInvoker } from "./invoke";
import type { NewJob } from "./queue";
import type { ExecEvent } from "./types";

export const FINISHED_EVENT = "inngest/function.finished";
export const CANCELLED_EVENT = "inngest/function.cancelled";

/** The run as the lifecycle events describe it. */
export interface EndedRun {
  id: string;
  functionId: string;
  events: ExecEvent[];
}

/**
 * After a run ended: settle the `step.invoke` waiting for it, and emit
 * `inngest/function.finished` (completed / failed) or `inngest/function.cancelled`.
 * The event is queued (an `emit` job stores and dispatches it after this commit, which also
 * keeps intake → cancel → emit from importing intake again) only when some function listens
 * for it: every run ends, and an unheard event would double the writes. A run started by one of these
 * events emits none itself, so a handler without an `if` cannot trigger itself forever.
 */
export async function runEnded(
  ctx: EngineContext,
  c: PoolClient,
  run: EndedRun,
  outcome: { output: unknown } | { error: unknown },
  how: "completed" | "failed" | "cancelled",
  jobs: NewJob[],
): Promise<void> {
  await settleInvoker(c, run, outcome, jobs);
  const trigger = run.events[0];
  if (trigger?.name === FINISHED_EVENT || trigger?.name === CANCELLED_EVENT) return;
  const data: Record<string, unknown> = {
    function_id: run.functionId,
    run_id: run.id,
    event: trigger ?? null,
    ...(run.events.length > 1 ? { events: run.events } : {}),
    ...("error" in outcome
      ? { error: toJsonError(outcome.error) }
      : { result: outcome.output ?? null }),
  };
  const evt: ExecEvent = {
    id: ulid(),
    name: how === "cancelled" ? CANCELLED_EVENT : FINISHED_EVENT,
    data,
    ts: Date.now(),
  };
  if (ctx.registry.matching(evt).length) jobs.push({ data: { k: "emit", events: [evt] } });
}
