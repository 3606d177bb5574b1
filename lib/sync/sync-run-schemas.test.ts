import { describe, expect, it } from "vitest";
import { runProgress, syncChangeFilterSchema } from "./sync-run-schemas";

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
