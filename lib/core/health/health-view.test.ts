import { describe, expect, test } from "vitest";
import type { Health } from "./check-health";
import { healthView } from "./health-view";

const ok: Health = {
  status: "ok",
  version: "1.2.3",
  database: { ok: true, latencyMs: 3, server: "PostgreSQL 18.1" },
};
const down: Health = {
  status: "degraded",
  version: "1.2.3",
  database: { ok: false, error: "database unreachable" },
};

describe("healthView", () => {
  test.each([
    ["anonymous", null],
    ["an employee", ["EMPLOYEE"] as const],
    ["an HR admin", ["EMPLOYEE", "HR_ADMIN"] as const],
  ])("%s sees only ok / not ok", (_who, roles) => {
    expect(healthView(ok, roles)).toEqual({ status: "ok" });
    expect(healthView(down, roles)).toEqual({ status: "degraded" });
    expect(JSON.stringify(healthView(ok, roles))).not.toMatch(/PostgreSQL|1\.2\.3/);
  });

  test("an IT admin sees the details", () => {
    expect(healthView(ok, ["EMPLOYEE", "IT_ADMIN"])).toEqual(ok);
  });
});
