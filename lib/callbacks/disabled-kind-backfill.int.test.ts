import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { disabledKind } from "./rules/disabled-kind";

setupTestDb();

// The statement the migration ran on existing rows, read from the migration itself so this test
// checks the SQL that shipped: the free-text reasons the console used to parse, mapped once.
function backfillStatement(): string {
  const migrations = path.join(process.cwd(), "prisma/migrations");
  const dir = readdirSync(migrations).find((d) => d.endsWith("_callback_endpoint_disabled_kind"));
  if (!dir) throw new Error("callback_endpoint_disabled_kind migration not found");
  const sql = readFileSync(path.join(migrations, dir, "migration.sql"), "utf8");
  const body = /-- backfill:begin\n([\s\S]*?);\s*\n-- backfill:end/.exec(sql)?.[1];
  if (!body) throw new Error("backfill markers not found in the migration");
  return body;
}

describe("disabledKind backfill (migration)", () => {
  it.each([
    [true, null, null, null],
    [true, "manual", null, null],
    [false, null, "MANUAL", "manual"],
    [false, "manual", "MANUAL", "manual"],
    [false, " Manual ", "MANUAL", "manual"],
    [false, "The receiver answered 410 Gone.", "GONE_410", "gone"],
    [false, "gone", "GONE_410", "gone"],
    [false, "gone: the receiver answered 410 Gone", "GONE_410", "gone"],
    [false, "Failing continuously for 24 hours since 2026-03-09T10:00:00Z", "AUTO_FAILING", "auto"],
    [false, "auto_disabled", "AUTO_FAILING", "auto"],
    [
      false,
      "failing: no successful delivery since 2026-03-09T10:00:00.000Z",
      "AUTO_FAILING",
      "auto",
    ],
    // Word boundaries, as the old parser's \b: 4100 and "undergone" are not 410 Gone.
    [false, "failing: 4100 errors, undergone maintenance", "AUTO_FAILING", "auto"],
  ] as const)(
    "enabled=%s reason=%j → %s (console: %s)",
    async (enabled, disabledReason, column, shown) => {
      const { db } = await import("@/lib/core/db");
      const row = await db.callbackEndpoint.create({
        data: {
          name: `backfill-${Math.random().toString(36).slice(2, 10)}`,
          url: "https://receiver.example.com/hooks",
          eventTypes: ["sync.completed"],
          secretCipher: "not-read-here",
          enabled,
          disabledReason,
        },
      });
      expect(row.disabledKind).toBeNull();
      // Limited to this row: other files' endpoints in the same database are not this test's.
      await db.$executeRawUnsafe(`${backfillStatement()} AND "id" = $1`, row.id);
      const after = await db.callbackEndpoint.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.disabledKind).toBe(column);
      expect(disabledKind(after)).toBe(shown);
    },
  );
});
