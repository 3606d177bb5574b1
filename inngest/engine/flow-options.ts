import { z } from "zod";
import { parseDuration } from "./duration";
import { compileExpression } from "./expression";

// What the executor implements of a function config (the SDK's functionConfigSchema in
// node_modules/inngest/types.js). Every field the SDK can send is either read here, accepted
// for the queue to honour (throttle, priority, concurrency), or refused by name: an option
// the engine would silently ignore is worse than a function that does not run.

/** Flow control applied when an event arrives, before any run starts. */
export interface FlowOptions {
  rateLimit?: { limit: number; periodMs: number; key?: string };
  debounce?: { periodMs: number; key?: string; timeoutMs?: number };
  batch?: { maxSize: number; timeoutMs: number; key?: string; if?: string };
  singleton?: { key?: string; mode: "skip" | "cancel" };
  idempotency?: string;
  timeouts?: { startMs?: number; finishMs?: number };
}

const str = z.string();
const keyed = { key: str.optional() };
const concurrency = z.strictObject({
  limit: z.number(),
  ...keyed,
  scope: z.enum(["fn", "env", "account"]).optional(),
});
const optionSchemas = {
  name: str,
  id: str,
  triggers: z.array(
    z.union([
      z.strictObject({ event: str, expression: str.optional() }),
      z.strictObject({ cron: str, jitter: str.optional() }),
    ]),
  ),
  steps: z.record(
    str,
    z.strictObject({
      id: str,
      name: str.optional(),
      runtime: z.strictObject({ type: z.enum(["http", "ws"]).optional(), url: str }),
      retries: z.strictObject({ attempts: z.number().optional() }).optional(),
    }),
  ),
  idempotency: str,
  batchEvents: z.strictObject({ maxSize: z.number(), timeout: str, ...keyed, if: str.optional() }),
  rateLimit: z.strictObject({ limit: z.number(), period: str, ...keyed }),
  throttle: z.strictObject({
    limit: z.number(),
    period: str,
    burst: z.number().optional(),
    ...keyed,
  }),
  singleton: z.strictObject({ ...keyed, mode: z.enum(["skip", "cancel"]) }),
  cancel: z.array(z.strictObject({ event: str, if: str.optional(), timeout: str.optional() })),
  debounce: z.strictObject({ period: str, ...keyed, timeout: str.optional() }),
  timeouts: z.strictObject({ start: str.optional(), finish: str.optional() }),
  priority: z.strictObject({ run: str.optional() }),
  concurrency: z.union([z.number(), concurrency, z.array(concurrency).min(1).max(2)]),
} as const;

type Known = { [K in keyof typeof optionSchemas]?: z.infer<(typeof optionSchemas)[K]> };

const DAY = 86_400_000;

/**
 * Reads a function config: the flow options the intake applies, and every reason the
 * engine cannot honour it (empty = runnable). Pure: registration stores the reasons.
 */
export function readFlowOptions(config: unknown): { flow: FlowOptions; refusals: string[] } {
  const refusals: string[] = [];
  const cfg: Known = {};
  if (!config || typeof config !== "object" || Array.isArray(config))
    return { flow: {}, refusals: ["the config is not an object"] };
  for (const [name, value] of Object.entries(config)) {
    if (!(name in optionSchemas)) {
      refusals.push(`option "${name}" is unknown to the embedded executor`);
      continue;
    }
    const parsed = optionSchemas[name as keyof Known].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [name, ...issue.path.map(String)].join(".");
      refusals.push(`option "${where}": ${issue.message}`);
      continue;
    }
    (cfg as Record<string, unknown>)[name] = parsed.data;
  }
  const expr = (where: string, source: string | undefined) => {
    if (source === undefined) return;
    try {
      compileExpression(source);
    } catch (err) {
      refusals.push(
        `option "${where}": expression ${JSON.stringify(source)} cannot be evaluated (${(err as Error).message})`,
      );
    }
  };
  const dur = (where: string, s: string | undefined, minMs: number, maxMs: number) => {
    if (s === undefined) return undefined;
    const ms = parseDuration(s);
    if (ms === null || ms < minMs || ms > maxMs) {
      refusals.push(
        `option "${where}": ${JSON.stringify(s)} is not a duration between ${minMs / 1000}s and ${maxMs / 1000}s`,
      );
      return undefined;
    }
    return ms;
  };
  const positive = (where: string, n: number, max = Infinity) => {
    if (!Number.isInteger(n) || n < 1 || n > max)
      refusals.push(
        `option "${where}": ${n} is not a whole number from 1${max < Infinity ? ` to ${max}` : ""}`,
      );
  };

  cfg.triggers?.forEach((t, i) => "event" in t && expr(`triggers.${i}.expression`, t.expression));
  for (const step of Object.values(cfg.steps ?? {}))
    if (step.runtime.type === "ws")
      refusals.push(
        `option "steps.${step.id}.runtime.type": Connect (websocket) workers are not supported`,
      );
  const concs = cfg.concurrency === undefined ? [] : [cfg.concurrency].flat();
  concs.forEach((c, i) => {
    if (typeof c === "number") return;
    if (c.scope === "account")
      refusals.push(
        `option "concurrency.${i}.scope": scope "account" is not supported (use "fn" or "env")`,
      );
    expr(`concurrency.${i}.key`, c.key);
  });
  expr("throttle.key", cfg.throttle?.key);
  expr("priority.run", cfg.priority?.run);
  cfg.cancel?.forEach((c, i) => {
    expr(`cancel.${i}.if`, c.if);
    dur(`cancel.${i}.timeout`, c.timeout, 1000, 366 * DAY);
  });

  const flow: FlowOptions = {};
  if (cfg.rateLimit) {
    positive("rateLimit.limit", cfg.rateLimit.limit);
    expr("rateLimit.key", cfg.rateLimit.key);
    const periodMs = dur("rateLimit.period", cfg.rateLimit.period, 1000, DAY);
    if (periodMs) flow.rateLimit = { limit: cfg.rateLimit.limit, periodMs, key: cfg.rateLimit.key };
  }
  if (cfg.debounce) {
    expr("debounce.key", cfg.debounce.key);
    const periodMs = dur("debounce.period", cfg.debounce.period, 1000, 7 * DAY);
    const timeoutMs = dur("debounce.timeout", cfg.debounce.timeout, 1000, 7 * DAY);
    if (periodMs) flow.debounce = { periodMs, key: cfg.debounce.key, timeoutMs };
  }
  if (cfg.batchEvents) {
    const b = cfg.batchEvents;
    positive("batchEvents.maxSize", b.maxSize, 1000);
    expr("batchEvents.key", b.key);
    expr("batchEvents.if", b.if);
    const timeoutMs = dur("batchEvents.timeout", b.timeout, 1000, 10 * 60_000);
    if (timeoutMs) flow.batch = { maxSize: b.maxSize, timeoutMs, key: b.key, if: b.if };
    // Inngest documents these as incompatible with batching; refusing beats guessing.
    for (const other of ["rateLimit", "debounce", "idempotency", "singleton", "cancel"] as const)
      if (cfg[other] !== undefined)
        refusals.push(`option "batchEvents" cannot be combined with "${other}"`);
  }
  if (cfg.singleton) {
    expr("singleton.key", cfg.singleton.key);
    flow.singleton = cfg.singleton;
  }
  if (cfg.idempotency !== undefined) {
    expr("idempotency", cfg.idempotency);
    flow.idempotency = cfg.idempotency;
  }
  if (cfg.timeouts) {
    const startMs = dur("timeouts.start", cfg.timeouts.start, 1000, 366 * DAY);
    const finishMs = dur("timeouts.finish", cfg.timeouts.finish, 1000, 366 * DAY);
    flow.timeouts = { startMs, finishMs };
  }
  return { flow, refusals };
}
