import { describe, expect, it } from "vitest";
import { runFilterSchema } from "./list-runs";

describe("runFilterSchema", () => {
  it("treats empty form values as no filter", () => {
    expect(runFilterSchema.parse({ function: "", status: "" })).toEqual({
      function: undefined,
      status: undefined,
      limit: 50,
    });
  });
  it("keeps real filters and rejects unknown statuses", () => {
    expect(
      runFilterSchema.parse({ function: "orgbridge-system-ping", status: "FAILED", limit: "10" }),
    ).toEqual({ function: "orgbridge-system-ping", status: "FAILED", limit: 10 });
    expect(runFilterSchema.safeParse({ status: "EXPLODED" }).success).toBe(false);
  });
});
