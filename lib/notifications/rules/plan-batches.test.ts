import { describe, expect, it } from "vitest";
import { PLATFORM_BATCH_LIMITS, planBatches } from "./plan-batches";

type R = { id: string; at?: Date | null };
const people = (n: number, at?: Date | null): R[] =>
  Array.from({ length: n }, (_, i) => ({ id: `e${i}`, at }));
const at = (iso: string) => new Date(iso);

describe("planBatches", () => {
  it.each([
    ["WeCom, 0", 0, PLATFORM_BATCH_LIMITS.wecom, []],
    ["WeCom, 1", 1, PLATFORM_BATCH_LIMITS.wecom, [1]],
    ["WeCom, 1000", 1000, PLATFORM_BATCH_LIMITS.wecom, [1000]],
    ["WeCom, 1001", 1001, PLATFORM_BATCH_LIMITS.wecom, [1000, 1]],
    ["WeCom, 2500", 2500, PLATFORM_BATCH_LIMITS.wecom, [1000, 1000, 500]],
    ["DingTalk, 99", 99, PLATFORM_BATCH_LIMITS.dingtalk, [99]],
    ["DingTalk, 100", 100, PLATFORM_BATCH_LIMITS.dingtalk, [100]],
    ["DingTalk, 101", 101, PLATFORM_BATCH_LIMITS.dingtalk, [100, 1]],
    ["Feishu, 3", 3, PLATFORM_BATCH_LIMITS.feishu, [1, 1, 1]],
  ])("%s", (_name, n, max, sizes) => {
    const batches = planBatches({ items: people(n), deliverAt: (r) => r.at, maxPerCall: max });
    expect(batches.map((b) => b.items.length)).toEqual(sizes);
    expect(batches.every((b) => b.at === null)).toBe(true);
    expect(batches.flatMap((b) => b.items.map((r) => r.id))).toEqual(people(n).map((r) => r.id));
  });

  it("groups by deliver-at, now first, then in time order", () => {
    const items: R[] = [
      { id: "late", at: at("2026-07-02T02:30:00Z") },
      { id: "now1" },
      { id: "early", at: at("2026-07-02T00:00:00Z") },
      { id: "now2", at: null },
      { id: "early2", at: at("2026-07-02T00:00:00Z") },
    ];
    const batches = planBatches({ items, deliverAt: (r) => r.at, maxPerCall: 100 });
    expect(batches.map((b) => [b.at?.toISOString() ?? null, b.items.map((r) => r.id)])).toEqual([
      [null, ["now1", "now2"]],
      ["2026-07-02T00:00:00.000Z", ["early", "early2"]],
      ["2026-07-02T02:30:00.000Z", ["late"]],
    ]);
  });

  it("rounds times up to the bucket, never earlier than allowed", () => {
    const items: R[] = [
      { id: "a", at: at("2026-07-02T00:00:00.001Z") },
      { id: "b", at: at("2026-07-02T00:00:59Z") },
      { id: "c", at: at("2026-07-02T00:01:00Z") },
    ];
    const minute = planBatches({ items, deliverAt: (r) => r.at, maxPerCall: 10 });
    expect(minute.map((b) => [b.at!.toISOString(), b.items.length])).toEqual([
      ["2026-07-02T00:01:00.000Z", 3],
    ]);
    const exact = planBatches({ items, deliverAt: (r) => r.at, maxPerCall: 10, bucketMs: 1 });
    expect(exact).toHaveLength(3);
    for (const b of [...minute, ...exact])
      for (const r of b.items) expect(b.at!.getTime()).toBeGreaterThanOrEqual(r.at!.getTime());
  });

  it("splits each time group by the platform limit", () => {
    const items = [...people(150, at("2026-07-02T00:00:00Z")), ...people(30)];
    const batches = planBatches({
      items,
      deliverAt: (r) => r.at,
      maxPerCall: PLATFORM_BATCH_LIMITS.dingtalk,
    });
    expect(batches.map((b) => [b.at === null, b.items.length])).toEqual([
      [true, 30],
      [false, 100],
      [false, 50],
    ]);
  });

  it("drops duplicate recipients when given a key", () => {
    const items: R[] = [{ id: "a" }, { id: "b" }, { id: "a", at: at("2026-07-02T00:00:00Z") }];
    const batches = planBatches({
      items,
      deliverAt: (r) => r.at,
      maxPerCall: 10,
      key: (r) => r.id,
    });
    expect(batches.flatMap((b) => b.items.map((r) => r.id))).toEqual(["a", "b"]);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects maxPerCall %s", (max) => {
    expect(() => planBatches({ items: [], deliverAt: () => null, maxPerCall: max })).toThrow(
      RangeError,
    );
  });
});
