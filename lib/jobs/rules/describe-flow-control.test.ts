import { describe, expect, it } from "vitest";
import { describeFlowControl } from "./describe-flow-control";

describe("describeFlowControl", () => {
  it.each([
    [null, []],
    [{ id: "f", triggers: [] }, []],
    [
      // jsonb hands keys back in its own order; the console lists them in a fixed one.
      { rateLimit: { key: "event.data.user", limit: 2, period: "1m" }, id: "x" },
      [{ option: "rateLimit", value: "limit: 2, period: 1m, key: event.data.user" }],
    ],
    [
      {
        concurrency: [{ limit: 1, key: "event.data.t", scope: "env" }, { limit: 5 }],
        debounce: { period: "5s" },
      },
      [
        { option: "concurrency", value: "limit: 1, key: event.data.t, scope: env | limit: 5" },
        { option: "debounce", value: "period: 5s" },
      ],
    ],
    [
      { idempotency: "event.data.order", cancel: [{ event: "a/b", timeout: "1h" }] },
      [
        { option: "idempotency", value: "event.data.order" },
        { option: "cancel", value: "event: a/b, timeout: 1h" },
      ],
    ],
  ])("%j → %j", (config, expected) => {
    expect(describeFlowControl(config)).toEqual(expected);
  });
});
