import { describe, expect, it } from "vitest";
import { deepReadDue } from "./deep-read-due";

describe("deepReadDue", () => {
  it.each([
    // 2026-12-06 is a Sunday.
    ["2026-12-06T02:30:00+08:00", "Asia/Shanghai", true],
    ["2026-12-05T18:30:00Z", "Asia/Shanghai", true], // 02:30 Sunday in Shanghai
    ["2026-12-05T18:30:00Z", "Europe/London", false], // still Saturday in London
    ["2026-12-07T02:30:00+08:00", "Asia/Shanghai", false],
    ["2026-12-06T10:00:00Z", "Pacific/Chatham", true], // 23:45 Sunday (UTC+13:45 in summer)
    ["2026-12-06T11:00:00Z", "Pacific/Chatham", false], // 00:45 Monday
    ["2026-12-06T10:00:00Z", "America/Santiago", true],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(deepReadDue(new Date(iso), zone)).toBe(expected);
  });
});
