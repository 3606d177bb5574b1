import { z } from "zod";
import { parseDuration } from "./duration";

// The run-admission flow-control options of a function config (SDK
// FunctionOptions: concurrency, throttle, priority) as the engine enforces them.

export const concurrencyItemSchema = z.object({
  limit: z.number(),
  key: z.string().optional(),
  scope: z.string().optional(),
});

export const throttleSchema = z.object({
  limit: z.number(),
  period: z.string(),
  burst: z.number().optional(),
  key: z.string().optional(),
});

export const prioritySchema = z.object({ run: z.string().optional() });

/** One concurrency limit; `scope` "env" shares the key's slots across functions. */
export interface ConcurrencyLimit {
  limit: number;
  key?: string;
  scope: "fn" | "env";
}

/** Throttle as GCRA parameters: one start per `intervalMs`, up to `burst` at once. */
export interface ThrottleLimit {
  limit: number;
  periodMs: number;
  burst: number;
  key?: string;
}

export interface FlowControl {
  concurrency: ConcurrencyLimit[];
  throttle: ThrottleLimit | null;
  /** Expression evaluating to seconds (−600…600) a run is treated as enqueued earlier. */
  priority: string | null;
}

type RawConcurrency = number | z.infer<typeof concurrencyItemSchema>;

/**
 * Reads the flow-control options. A limit ≤ 0 means "no limit" (the SDK's
 * convention); `account` scope and more than two limits are left out here —
 * registration refuses those functions before they get this far.
 */
export function toFlowControl(cfg: {
  concurrency?: RawConcurrency | RawConcurrency[];
  throttle?: z.infer<typeof throttleSchema>;
  priority?: z.infer<typeof prioritySchema>;
}): FlowControl {
  const raw = cfg.concurrency === undefined ? [] : [cfg.concurrency].flat();
  const concurrency: ConcurrencyLimit[] = [];
  for (const c of raw.slice(0, 2)) {
    const item = typeof c === "number" ? { limit: c } : c;
    const scope = item.scope ?? "fn";
    if (!(item.limit > 0) || (scope !== "fn" && scope !== "env")) continue;
    concurrency.push({ limit: Math.floor(item.limit), key: item.key, scope });
  }
  let throttle: ThrottleLimit | null = null;
  const t = cfg.throttle;
  const periodMs = t ? parseDuration(t.period) : null;
  if (t && t.limit > 0 && periodMs && periodMs > 0)
    throttle = {
      limit: Math.floor(t.limit),
      periodMs,
      burst: Math.max(1, Math.floor(t.burst ?? 1)),
      key: t.key,
    };
  const run = cfg.priority?.run?.trim();
  return { concurrency, throttle, priority: run ? run : null };
}

/** Clamps a priority expression's value to Inngest's −600…600 seconds; anything not a finite number is 0. */
export function prioritySeconds(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return 0;
  return Math.max(-600, Math.min(600, Math.trunc(value)));
}

/** The slot key of a concurrency limit for a run: per function, or shared by every function in the env. */
export function concurrencyScopeKey(
  fnId: string,
  limit: ConcurrencyLimit,
  keyValue: string | null,
): string {
  return limit.scope === "env" ? `env:${keyValue ?? ""}` : `fn:${fnId}:${keyValue ?? ""}`;
}
