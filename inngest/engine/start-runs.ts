import type { PoolClient } from "pg";
import { evaluateKey } from "./expression";
import type { FnDef } from "./functions";
import type { NewJob } from "./queue";
import { reserveThrottleSlot } from "./throttle";
import type { ExecEvent, RunInsert } from "./types";

/** The run's value of its first concurrency key (kept on the run for the console). */
export function firstConcurrencyKey(fn: FnDef, evt: ExecEvent): string | null {
  const expr = fn.flow.concurrency[0]?.key;
  return expr ? evaluateKey(expr, { event: evt }) : null;
}

/**
 * Queues the first request of newly inserted runs. A throttled function's run
 * gets its start slot now (in the order of `runs`, so FIFO) and its job is
 * delayed to it; the run records that it waits and until when.
 */
export async function queueRunStarts(
  c: PoolClient,
  runs: RunInsert[],
  jobs: NewJob[],
): Promise<void> {
  const held: { id: string; at: number }[] = [];
  for (const r of runs) {
    const data = { k: "call" as const, runId: r.id, stepId: "step", seq: 1, attempt: 0 };
    const t = r.fn.flow.throttle;
    const at = t
      ? await reserveThrottleSlot(
          c,
          `${r.fn.id}:${t.key ? (evaluateKey(t.key, { event: r.evt }) ?? "") : ""}`,
          t,
        )
      : null;
    if (at === null) jobs.push({ data });
    else {
      jobs.push({ data, startAfter: at });
      held.push({ id: r.id, at });
    }
  }
  if (held.length)
    await c.query(
      `UPDATE "JobRun" r SET "waitReason" = 'throttled', "waitUntil" = to_timestamp(h.at / 1000.0)
       FROM unnest($1::text[], $2::float8[]) AS h(id, at) WHERE r.id = h.id`,
      [held.map((h) => h.id), held.map((h) => h.at)],
    );
}
