import { InngestTestEngine } from "@inngest/test";
import { describe, expect, test } from "vitest";
import { counts, createConformanceApp } from "./conformance-app";

describe("sequential function (@inngest/test)", () => {
  const { sequential } = createConformanceApp("unit");
  const t = new InngestTestEngine({ function: sequential });

  test("runs three steps and sums them", async () => {
    const { result } = await t.execute({
      events: [{ name: "test/sequential", data: { tag: "unit" } }],
    });
    expect(result).toEqual({ sum: 6 });
    expect(counts.get("seq:c:unit")).toBe(1);
  });

  test("runs up to a single step", async () => {
    const { result } = await t.executeStep("b", {
      events: [{ name: "test/sequential", data: { tag: "unit-step" } }],
    });
    expect(result).toBe(2);
    expect(counts.get("seq:c:unit-step")).toBeUndefined();
  });
});
