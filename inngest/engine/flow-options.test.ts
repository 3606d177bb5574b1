import { describe, expect, it } from "vitest";
import { readFlowOptions } from "./flow-options";

const base = {
  id: "app-fn",
  name: "fn",
  triggers: [{ event: "a/b" }],
  steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://x/api" } } },
};

describe("readFlowOptions", () => {
  it("reads the intake options it implements", () => {
    const { flow, refusals } = readFlowOptions({
      ...base,
      rateLimit: { limit: 2, period: "1m", key: "event.data.user" },
      debounce: { period: "5s", timeout: "1m" },
      singleton: { mode: "cancel", key: "event.data.user" },
      idempotency: "event.data.order",
      timeouts: { start: "10s", finish: "2m" },
      cancel: [{ event: "a/stop", if: "event.data.x == async.data.x", timeout: "1h" }],
    });
    expect(refusals).toEqual([]);
    expect(flow).toEqual({
      rateLimit: { limit: 2, periodMs: 60_000, key: "event.data.user" },
      debounce: { periodMs: 5000, timeoutMs: 60_000, key: undefined },
      singleton: { mode: "cancel", key: "event.data.user" },
      idempotency: "event.data.order",
      timeouts: { startMs: 10_000, finishMs: 120_000 },
    });
  });

  it("accepts what the queue honours (throttle, priority, concurrency arrays with fn/env scope)", () => {
    const { refusals } = readFlowOptions({
      ...base,
      throttle: { limit: 5, period: "1s", burst: 2, key: "event.data.endpoint" },
      priority: { run: "event.data.priority" },
      concurrency: [
        { limit: 1, key: "event.data.target", scope: "env" },
        { limit: 10, scope: "fn" },
      ],
    });
    expect(refusals).toEqual([]);
  });

  it("reads a batch", () => {
    const { flow, refusals } = readFlowOptions({
      ...base,
      batchEvents: { maxSize: 3, timeout: "5s", key: "event.data.k", if: "event.data.ok == true" },
    });
    expect(refusals).toEqual([]);
    expect(flow.batch).toEqual({
      maxSize: 3,
      timeoutMs: 5000,
      key: "event.data.k",
      if: "event.data.ok == true",
    });
  });

  it.each([
    [{ surprise: true }, 'option "surprise" is unknown'],
    [{ concurrency: { limit: 1, scope: "account" } }, 'option "concurrency.0.scope"'],
    [{ rateLimit: { limit: 1, period: "1m", extra: 1 } }, 'option "rateLimit"'],
    [{ rateLimit: { limit: 0, period: "1m" } }, 'option "rateLimit.limit"'],
    [{ rateLimit: { limit: 1, period: "2d" } }, 'option "rateLimit.period"'],
    [{ debounce: { period: "soon" } }, 'option "debounce.period"'],
    [{ debounce: { period: "1s", key: "event.data.a * event.data.b" } }, 'option "debounce.key"'],
    [{ idempotency: "size(event.data.x)" }, 'option "idempotency"'],
    [{ singleton: { mode: "queue" } }, 'option "singleton.mode"'],
    [{ priority: { run: "event.data.p * 10" } }, 'option "priority.run"'],
    [{ triggers: [{ event: "a/b", expression: "event.data.x in [1]" }] }, "triggers.0.expression"],
    [{ cancel: [{ event: "a/c", timeout: "whenever" }] }, 'option "cancel.0.timeout"'],
    [
      { batchEvents: { maxSize: 5, timeout: "1s" }, rateLimit: { limit: 1, period: "1s" } },
      "cannot be combined",
    ],
    [
      { steps: { step: { id: "step", name: "s", runtime: { type: "ws", url: "ws://x" } } } },
      "Connect (websocket)",
    ],
  ])("refuses %j naming the option", (extra, expected) => {
    const { refusals } = readFlowOptions({ ...base, ...extra });
    expect(refusals.join("; ")).toContain(expected);
  });
});
