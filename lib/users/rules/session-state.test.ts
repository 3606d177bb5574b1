import { describe, expect, test } from "vitest";
import { sessionState } from "./session-state";

const t0 = new Date("2026-03-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const IDLE = 30 * 60_000;

describe("sessionState", () => {
  test.each([
    ["fresh", { lastSeenAt: t0, expiresAt: at(480), revokedAt: null }, at(1), "active"],
    ["just under idle", { lastSeenAt: t0, expiresAt: at(480), revokedAt: null }, at(29), "active"],
    ["idle for 30 min", { lastSeenAt: t0, expiresAt: at(480), revokedAt: null }, at(30), "idle"],
    [
      "active but past the absolute end",
      { lastSeenAt: at(479), expiresAt: at(480), revokedAt: null },
      at(480),
      "expired",
    ],
    ["signed out", { lastSeenAt: t0, expiresAt: at(480), revokedAt: at(1) }, at(2), "revoked"],
  ] as const)("%s → %s", (_name, session, now, want) => {
    expect(sessionState(session, now, IDLE)).toBe(want);
  });
});
