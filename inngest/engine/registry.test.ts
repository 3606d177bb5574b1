import { describe, expect, it } from "vitest";
import type { FnDef } from "./functions";
import { indexFunctions, matchingFunctions } from "./registry";
import type { ExecEvent } from "./types";

const fn = (id: string, more: Partial<FnDef> = {}): FnDef => ({
  id,
  appId: "app",
  name: id,
  stepUrl: "http://127.0.0.1:3000/api/inngest",
  maxAttempts: 4,
  eventTriggers: [],
  cronTriggers: [],
  flow: { concurrency: [], throttle: null, priority: null },
  cancel: [],
  refusal: null,
  ...more,
});
const evt = (name: string, data: Record<string, unknown> = {}): ExecEvent => ({
  id: "01J0000000000000000000000",
  name,
  data,
  ts: 0,
});

const exact = fn("exact", { eventTriggers: [{ event: "hr/employee.changed" }] });
const filtered = fn("filtered", {
  eventTriggers: [
    { event: "hr/employee.changed", expression: "event.data.status == 'terminated'" },
  ],
});
const wildcard = fn("wildcard", { eventTriggers: [{ event: "hr/*" }] });
// Triggered twice by the same event (exact and wildcard): it must run once.
const both = fn("both", {
  eventTriggers: [{ event: "hr/employee.changed" }, { event: "hr/employee.*" }],
});
const cancelled = fn("cancelled", {
  eventTriggers: [{ event: "sync/requested" }],
  cancel: [{ event: "sync/cancelled" }, { event: "hr/employee.changed" }],
});
const index = indexFunctions([exact, filtered, wildcard, both, cancelled]);

describe("function registry index", () => {
  it.each<[string, ExecEvent, string[]]>([
    [
      "exact names first, then wildcards, each function once",
      evt("hr/employee.changed"),
      ["exact", "both", "wildcard"],
    ],
    [
      "an `if` that holds adds the function",
      evt("hr/employee.changed", { status: "terminated" }),
      ["exact", "filtered", "both", "wildcard"],
    ],
    ["a prefix wildcard matches other names under it", evt("hr/unit.changed"), ["wildcard"]],
    ["nothing else matches", evt("sync/requested.later"), []],
  ])("%s", (_name, e, ids) => {
    expect(matchingFunctions(index, e).map((f) => f.id)).toEqual(ids);
  });

  it("indexes functions by id and by cancel event", () => {
    expect([...index.fns.keys()]).toEqual(["exact", "filtered", "wildcard", "both", "cancelled"]);
    expect(index.cancelByEvent.get("sync/cancelled")).toEqual([cancelled]);
    expect(index.cancelByEvent.get("hr/employee.changed")).toEqual([cancelled]);
    expect(index.byEvent.get("hr/employee.changed")).toEqual([exact, filtered, both]);
    expect(index.wildcard.map((w) => [w.prefix, w.fn.id])).toEqual([
      ["hr/", "wildcard"],
      ["hr/employee.", "both"],
    ]);
  });
});

describe("a refused function", () => {
  const refused = fn("refused", {
    eventTriggers: [{ event: "hr/employee.changed" }, { event: "hr/*" }],
    cancel: [{ event: "sync/cancelled" }],
    refusal: 'function refused: option "concurrency.0.scope": scope "account" is not supported',
  });
  const idx = indexFunctions([exact, refused]);

  it("is known by id (its runs still resolve) but no event starts or cancels it", () => {
    expect(idx.fns.get("refused")).toBe(refused);
    expect(matchingFunctions(idx, evt("hr/employee.changed")).map((f) => f.id)).toEqual(["exact"]);
    expect(idx.cancelByEvent.get("sync/cancelled")).toBeUndefined();
  });
});
