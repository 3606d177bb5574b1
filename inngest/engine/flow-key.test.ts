import { describe, expect, it } from "vitest";
import { flowKey } from "./flow-key";
import type { ExecEvent } from "./types";

const evt = (data: Record<string, unknown>): ExecEvent => ({ id: "e", name: "a/b", data, ts: 0 });

describe("flowKey", () => {
  it('is empty without an expression, the value with one, and "null" when missing', () => {
    expect(flowKey(undefined, evt({ user: "u1" }))).toBe("");
    expect(flowKey("event.data.user", evt({ user: "u1" }))).toBe("u1");
    expect(flowKey("event.data.n", evt({ n: 7 }))).toBe("7");
    expect(flowKey("event.data.user", evt({}))).toBe("null");
  });

  it("hashes a huge value so it fits the index, the same value to the same key", () => {
    const big = "x".repeat(100_000);
    const key = flowKey("event.data.user", evt({ user: big }));
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(flowKey("event.data.user", evt({ user: big }))).toBe(key);
    expect(flowKey("event.data.user", evt({ user: `${big}y` }))).not.toBe(key);
  });
});
