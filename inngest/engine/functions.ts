import { z } from "zod";
import { parseDuration } from "./duration";
import {
  concurrencyItemSchema,
  prioritySchema,
  throttleSchema,
  toFlowControl,
  type FlowControl,
} from "./flow-config";
import { readFlowOptions, type FlowOptions } from "./flow-options";

// The function config the SDK sends on registration (node_modules/inngest/types.js
// functionConfigSchema). We keep it whole in JobFunction.config and read these parts.

export const functionConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z
      .array(
        z.union([
          z.object({ event: z.string(), expression: z.string().optional() }),
          z.object({ cron: z.string(), jitter: z.string().optional() }),
        ]),
      )
      .default([]),
    steps: z.record(
      z.string(),
      z.object({
        id: z.string(),
        name: z.string().optional(),
        runtime: z.object({ type: z.string().optional(), url: z.string() }),
        retries: z.object({ attempts: z.number().optional() }).optional(),
      }),
    ),
    concurrency: z
      .union([z.number(), concurrencyItemSchema, z.array(concurrencyItemSchema)])
      .optional(),
    throttle: throttleSchema.optional(),
    priority: prioritySchema.optional(),
    cancel: z
      .array(
        z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() }),
      )
      .optional(),
  })
  .passthrough();

export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const registerBodySchema = z
  .object({
    url: z.string().url(),
    appName: z.string().min(1).optional(),
    app_id: z.string().min(1).optional(),
    functions: z.array(z.unknown()).default([]),
  })
  .passthrough();

/** A registered function as the executor uses it. */
export interface FnDef {
  id: string;
  appId: string;
  name: string;
  stepUrl: string;
  maxAttempts: number;
  eventTriggers: { event: string; expression?: string }[];
  cronTriggers: string[];
  cancel: { event: string; if?: string; timeoutMs?: number }[];
  /**
   * Flow control: run admission by the queue (concurrency, throttle, priority) and at
   * intake (rate limit, debounce, batch, singleton, idempotency, timeouts).
   */
  flow: FlowControl & FlowOptions;
  /** Why the executor will not run it (an option it cannot honour); null = runnable. */
  refusal: string | null;
}

/** Default retries when the function sets none (the SDK's defaultMaxRetries). */
export const DEFAULT_RETRIES = 3;

/** Reads the parts of a stored config the executor acts on. */
export function toFnDef(row: {
  id: string;
  appId: string;
  name: string;
  url: string;
  config: unknown;
}): FnDef {
  const cfg = functionConfigSchema.parse(row.config);
  const { flow, refusals } = readFlowOptions(row.config);
  const step = Object.values(cfg.steps)[0];
  const retries = step?.retries?.attempts ?? DEFAULT_RETRIES;
  return {
    id: row.id,
    appId: row.appId,
    name: row.name,
    stepUrl: row.url,
    maxAttempts: Math.max(1, retries + 1),
    eventTriggers: cfg.triggers.flatMap((t) =>
      "event" in t ? [{ event: t.event, expression: t.expression }] : [],
    ),
    cronTriggers: cfg.triggers.flatMap((t) => ("cron" in t ? [t.cron] : [])),
    cancel: (cfg.cancel ?? []).map((c) => ({
      event: c.event,
      if: c.if,
      timeoutMs: c.timeout ? (parseDuration(c.timeout) ?? undefined) : undefined,
    })),
    flow: { ...toFlowControl(cfg), ...flow },
    refusal: refusals.length ? `function ${row.id}: ${refusals.join("; ")}` : null,
  };
}

/** Same origin and path (query ignored: step URLs add `fnId` / `stepId`). */
export function sameEndpoint(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return (
      x.origin === y.origin && x.pathname.replace(/\/+$/, "") === y.pathname.replace(/\/+$/, "")
    );
  } catch {
    return false;
  }
}
