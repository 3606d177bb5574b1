import { describe, expect, it } from "vitest";
import { z } from "zod";
import { notificationListSchema } from "@/lib/notifications/console-schemas";
import { apiLogFilterSchema } from "../search-api-log";
import { auditFilterSchema } from "@/lib/core/audit/search-audit";
import { noHostileText } from "./no-hostile-text";

describe("noHostileText", () => {
  const schema = z.string().refine(...noHostileText);

  it("passes ordinary text and names what is wrong with hostile text", () => {
    expect(schema.parse("system-change")).toBe("system-change");
    const r = schema.safeParse("a\u0000");
    expect(r.success ? null : r.error.issues[0].message).toMatch(/NUL/);
    expect(schema.safeParse("\ud800").success).toBe(false);
  });

  // The console pages fall back to their default filter when these fail; before, `?category=%00`
  // reached PostgreSQL and the page answered 500.
  it.each<[string, z.ZodType, Record<string, string>]>([
    ["notification log ?category=%00", notificationListSchema, { category: "\u0000" }],
    ["notification log ?category=<lone surrogate>", notificationListSchema, { category: "\udc00" }],
    ["API log ?route=%00", apiLogFilterSchema, { route: "/api/v1/\u0000" }],
    ["audit ?actor=%1b", auditFilterSchema, { actor: "\u001b[2J" }],
  ])("%s is refused by the filter schema", (_, filter, input) => {
    expect(filter.safeParse(input).success).toBe(false);
  });
});
