import { describe, expect, it } from "vitest";
import { applyMappingToSubtreeSchema, saveMappingSchema } from "./org-mapping-schemas";

const base = {
  connectionId: "c1",
  orgUnitId: "u1",
  includeDescendants: true,
  namingTemplate: "{name}",
};

describe("saveMappingSchema", () => {
  it.each([
    { name: "MIRROR with a valid template", input: { ...base, mode: "MIRROR" }, error: null },
    {
      name: "unknown placeholder",
      input: { ...base, mode: "MIRROR", namingTemplate: "{nope}" },
      error: "namingTemplate",
    },
    {
      name: "stray brace",
      input: { ...base, mode: "EXCLUDE", namingTemplate: "{name" },
      error: "namingTemplate",
    },
    {
      name: "empty template",
      input: { ...base, mode: "MIRROR", namingTemplate: "  " },
      error: "namingTemplate",
    },
    {
      name: "NONE ignores the template",
      input: { ...base, mode: "NONE", namingTemplate: "{nope}" },
      error: null,
    },
    { name: "LINK without a group", input: { ...base, mode: "LINK" }, error: "imGroupExternalId" },
    {
      name: "LINK with a group",
      input: { ...base, mode: "LINK", imGroupExternalId: "42" },
      error: null,
    },
    { name: "unknown mode", input: { ...base, mode: "COPY" }, error: "mode" },
  ])("$name", ({ input, error }) => {
    const parsed = saveMappingSchema.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0].path.join(".")).toBe(error);
  });
});

describe("applyMappingToSubtreeSchema", () => {
  it("allows clearing, refuses LINK for a whole subtree", () => {
    const input = {
      connectionId: "c1",
      orgUnitId: "u1",
      scope: "descendants_only",
      namingTemplate: "{name}",
    };
    expect(applyMappingToSubtreeSchema.safeParse({ ...input, mode: "NONE" }).success).toBe(true);
    expect(applyMappingToSubtreeSchema.safeParse({ ...input, mode: "LINK" }).success).toBe(false);
  });
});
