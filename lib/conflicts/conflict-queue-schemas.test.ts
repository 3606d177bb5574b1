import { describe, expect, it } from "vitest";
import {
  bulkResolveConflictsSchema,
  conflictFilterSchema,
  parseCustomValue,
  resolveConflictSchema,
} from "./conflict-queue-schemas";

describe("conflictFilterSchema", () => {
  it.each([
    [{}, { status: "OPEN", page: 1 }],
    [
      { status: "ALL", type: "", q: "  " },
      { status: undefined, type: undefined, q: undefined, page: 1 },
    ],
    [
      { status: "IGNORED", type: "both_changed", page: "3" },
      { status: "IGNORED", type: "both_changed", page: 3 },
    ],
  ])("%j → %j", (raw, expected) => {
    expect(conflictFilterSchema.parse(raw)).toMatchObject(expected);
  });
  it("refuses an unknown type", () => {
    expect(conflictFilterSchema.safeParse({ type: "nope" }).success).toBe(false);
  });
});

describe("resolve schemas", () => {
  const cases: {
    name: string;
    schema: typeof resolveConflictSchema | typeof bulkResolveConflictsSchema;
    input: unknown;
    field: string | null;
  }[] = [
    {
      name: "keep HR without a note",
      schema: resolveConflictSchema,
      input: { conflictId: "c1", resolution: "KEEP_HR" },
      field: null,
    },
    {
      name: "ignore without a note",
      schema: resolveConflictSchema,
      input: { conflictId: "c1", resolution: "IGNORE", note: " " },
      field: "note",
    },
    {
      name: "custom without a value",
      schema: resolveConflictSchema,
      input: { conflictId: "c1", resolution: "CUSTOM" },
      field: "customValue",
    },
    {
      name: "an unknown resolution",
      schema: resolveConflictSchema,
      input: { conflictId: "c1", resolution: "MERGE" },
      field: "resolution",
    },
    {
      name: "bulk custom",
      schema: bulkResolveConflictsSchema,
      input: { conflictIds: ["c1"], resolution: "CUSTOM" },
      field: "resolution",
    },
    {
      name: "bulk ignore without a note",
      schema: bulkResolveConflictsSchema,
      input: { conflictIds: ["c1"], resolution: "IGNORE" },
      field: "note",
    },
    {
      name: "bulk with nothing selected",
      schema: bulkResolveConflictsSchema,
      input: { conflictIds: [], resolution: "KEEP_IM" },
      field: "conflictIds",
    },
  ];
  it.each(cases)("$name → $field", ({ schema, input, field }) => {
    const result = schema.safeParse(input);
    if (field === null) expect(result.success).toBe(true);
    else expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("parseCustomValue", () => {
  it.each([
    ["研发中心", "研发中心"],
    ['  {"imGroupExternalId": "12"} ', { imGroupExternalId: "12" }],
    ['"quoted"', "quoted"],
    ["{not json", "{not json"],
  ])("%j → %j", (text, expected) => {
    expect(parseCustomValue(text)).toEqual(expected);
  });
});
