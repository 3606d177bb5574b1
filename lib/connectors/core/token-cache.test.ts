import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import { createTokenCache } from "./token-cache";

describe("createTokenCache", () => {
  it("reuses a token until shortly before expiry, then refreshes", async () => {
    const clock = createFakeClock();
    let n = 0;
    const cache = createTokenCache({
      clock,
      fetch: async () => ({ token: `t${++n}`, expiresInSeconds: 7_200 }),
    });
    expect(await cache.get()).toBe("t1");
    clock.advance(6_800_000); // 400 s left: still outside the 300 s refresh margin
    expect(await cache.get()).toBe("t1");
    clock.advance(200_000); // 200 s left: refresh early
    expect(await cache.get()).toBe("t2");
  });

  it("shares one refresh between concurrent callers", async () => {
    let n = 0;
    const cache = createTokenCache({
      fetch: async () => ({ token: `t${++n}`, expiresInSeconds: 60 }),
    });
    const tokens = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(tokens).toEqual(["t1", "t1", "t1"]);
    expect(n).toBe(1);
  });

  it("invalidates only the token that was rejected", async () => {
    let n = 0;
    const cache = createTokenCache({
      fetch: async () => ({ token: `t${++n}`, expiresInSeconds: 60 }),
    });
    await cache.get();
    cache.invalidate("stale-other");
    expect(await cache.get()).toBe("t1");
    cache.invalidate("t1");
    expect(await cache.get()).toBe("t2");
  });
});
