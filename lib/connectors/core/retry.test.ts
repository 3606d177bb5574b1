import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import { ConnectorError, type ConnectorErrorKind } from "./connector-error";
import { backoffDelay, withRetry } from "./retry";

const err = (kind: ConnectorErrorKind, retryAfterMs?: number) =>
  new ConnectorError({ kind, platform: "test", code: kind, message: kind, retryAfterMs });

describe("withRetry", () => {
  it.each<[ConnectorErrorKind, number]>([
    ["throttled", 3],
    ["transient", 3],
    ["auth", 1],
    ["invalid", 1],
    ["not_found", 1],
    ["conflict", 1],
  ])("%s → %i attempts before giving up", async (kind, attempts) => {
    const clock = createFakeClock();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw err(kind);
        },
        { maxAttempts: 3, clock },
      ),
    ).rejects.toMatchObject({ kind });
    expect(calls).toBe(attempts);
  });

  it("honours Retry-After and then succeeds", async () => {
    const clock = createFakeClock();
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw err("throttled", 2_000);
        return "ok";
      },
      { clock, random: () => 0 },
    );
    expect(result).toBe("ok");
    expect(clock.sleeps).toEqual([2_000, 2_000]);
  });

  it("backs off exponentially with jitter, capped", () => {
    const e = err("transient");
    const opts = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, e, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, e, { ...opts, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, e, { ...opts, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, e, { ...opts, random: () => 1 })).toBe(1_000);
  });

  it("rethrows foreign errors untouched", async () => {
    await expect(
      withRetry(async () => Promise.reject(new TypeError("boom"))),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
