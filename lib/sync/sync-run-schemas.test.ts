import { describe, expect, it } from "vitest";
import { runProgress, syncChangeFilterSchema, syncRunListSchema } from "./sync-run-schemas";

describe("runProgress", () => {
  it.each([
    [{ planned: 0, applied: 0, failed: 0, skipped: 0 }, 0],
    [{ planned: 200, applied: 0, failed: 0, skipped: 0 }, 0],
    [{ planned: 200, applied: 50, failed: 25, skipped: 25 }, 50],
    [{ planned: 3, applied: 1, failed: 0, skipped: 0 }, 33],
    [{ planned: 10, applied: 12, failed: 0, skipped: 0 }, 100],
  ])("%o → %i%", (run, expected) => expect(runProgress(run)).toBe(expected));
});

describe("syncChangeFilterSchema", () => {
  it.each([
    [{}, { page: 1, status: undefined, op: undefined }],
    [
      { status: "", op: "", page: "2" },
      { page: 2, status: undefined, op: undefined },
    ],
    [
      { status: "FAILED", op: "account.create" },
      { page: 1, status: "FAILED", op: "account.create" },
    ],
  ])("%o", (raw, expected) => expect(syncChangeFilterSchema.parse(raw)).toEqual(expected));

  it.each([[{ status: "DONE" }], [{ page: "0" }], [{ page: "x" }]])("rejects %o", (raw) =>
    expect(() => syncChangeFilterSchema.parse(raw)).toThrow(),
  );
});

describe("syncRunListSchema (the sync runs page's filter)", () => {
  it.each([
    [{}, { limit: 50, kind: "all", range: "24h" }],
    [
      { kind: "INCREMENTAL", range: "7d" },
      { limit: 50, kind: "INCREMENTAL", range: "7d" },
    ],
    [
      {
        kind: "INCREMENTAL",
        hour: "2026-06-01T12:00:00.000Z",
        connection: "cmx6bf4fg00012i7d960zh08c",
      },
      {
        limit: 50,
        kind: "INCREMENTAL",
        range: "24h",
        hour: "2026-06-01T12:00:00.000Z",
        connection: "cmx6bf4fg00012i7d960zh08c",
      },
    ],
    [
      { hour: "2026-06-01T14:00:00+02:00" },
      { limit: 50, kind: "all", range: "24h", hour: "2026-06-01T14:00:00+02:00" },
    ],
    // An hour of Asia/Kathmandu (+05:45) starts at :15 UTC.
    [
      { hour: "2026-06-01T12:15:00.000Z" },
      { limit: 50, kind: "all", range: "24h", hour: "2026-06-01T12:15:00.000Z" },
    ],
  ])("%o", (raw, expected) => expect(syncRunListSchema.parse(raw)).toEqual(expected));

  it.each([
    ["an unknown kind", { kind: "WEEKLY" }, "kind"],
    ["RECONCILE, which the filter does not offer", { kind: "RECONCILE" }, "kind"],
    ["an unknown range", { range: "1y" }, "range"],
    ["an hour that is not the start of one", { hour: "2026-06-01T12:10:00.000Z" }, "hour"],
    ["an hour start with seconds", { hour: "2026-06-01T12:15:30.000Z" }, "hour"],
    ["a date that is not an instant", { hour: "2026-06-01" }, "hour"],
    ["a NUL in the connection id", { connection: "abc\u0000def" }, "connection"],
    ["a lone surrogate in the connection id", { connection: "abc\ud800" }, "connection"],
    ["a huge connection id", { connection: "a".repeat(10_000) }, "connection"],
    ["a repeated parameter", { kind: ["FULL", "INCREMENTAL"] }, "kind"],
  ])("refuses %s, naming the field", (_, raw, field) => {
    const out = syncRunListSchema.safeParse(raw);
    expect(out.success).toBe(false);
    expect(out.error?.issues[0]?.path).toEqual([field]);
  });
});
