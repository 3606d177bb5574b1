import { describe, expect, test } from "vitest";
import { concurrencyScopeKey, prioritySeconds, toFlowControl } from "./flow-config";

describe("toFlowControl", () => {
  test("concurrency as a number, an object or an array of two, with scope", () => {
    expect(toFlowControl({ concurrency: 3 }).concurrency).toEqual([{ limit: 3, scope: "fn" }]);
    expect(toFlowControl({ concurrency: { limit: 2, key: "event.data.id" } }).concurrency).toEqual([
      { limit: 2, key: "event.data.id", scope: "fn" },
    ]);
    expect(
      toFlowControl({
        concurrency: [{ limit: 5 }, { limit: 1, key: "event.data.t", scope: "env" }],
      }).concurrency,
    ).toEqual([
      { limit: 5, scope: "fn" },
      { limit: 1, key: "event.data.t", scope: "env" },
    ]);
  });

  test("a limit of 0 is no limit; account scope is not enforced here", () => {
    expect(toFlowControl({ concurrency: 0 }).concurrency).toEqual([]);
    expect(toFlowControl({ concurrency: { limit: 2, scope: "account" } }).concurrency).toEqual([]);
  });

  test("throttle: period parsed, burst defaults to 1", () => {
    expect(toFlowControl({ throttle: { limit: 10, period: "1m" } }).throttle).toEqual({
      limit: 10,
      periodMs: 60_000,
      burst: 1,
      key: undefined,
    });
    expect(
      toFlowControl({ throttle: { limit: 2, period: "2s", burst: 3, key: "event.data.k" } })
        .throttle,
    ).toEqual({ limit: 2, periodMs: 2000, burst: 3, key: "event.data.k" });
    expect(toFlowControl({ throttle: { limit: 2, period: "soon" } }).throttle).toBeNull();
  });

  test("priority keeps the run expression", () => {
    expect(toFlowControl({ priority: { run: "event.data.p" } }).priority).toBe("event.data.p");
    expect(toFlowControl({ priority: {} }).priority).toBeNull();
  });
});

test("prioritySeconds clamps to ±600 and treats non-numbers as 0", () => {
  expect(prioritySeconds(300)).toBe(300);
  expect(prioritySeconds(9000)).toBe(600);
  expect(prioritySeconds(-9000)).toBe(-600);
  expect(prioritySeconds("300")).toBe(0);
  expect(prioritySeconds(Number.NaN)).toBe(0);
});

test("concurrencyScopeKey: fn scope is per function, env scope is shared", () => {
  expect(concurrencyScopeKey("a", { limit: 1, scope: "fn" }, "k")).toBe("fn:a:k");
  expect(concurrencyScopeKey("a", { limit: 1, scope: "env" }, "k")).toBe(
    concurrencyScopeKey("b", { limit: 1, scope: "env" }, "k"),
  );
  expect(concurrencyScopeKey("a", { limit: 1, scope: "fn" }, "k")).not.toBe(
    concurrencyScopeKey("b", { limit: 1, scope: "fn" }, "k"),
  );
});
