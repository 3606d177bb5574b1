import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../testing/fake-clock";
import { createWecomClient } from "./wecom-client";

/** A WeCom that answers every call with success, recording the path and virtual time of each. */
function recordingWecom(clock: { now(): number }) {
  const calls: { path: string; at: number }[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const path = url.pathname.replace(/^\/cgi-bin/, "");
    calls.push({ path, at: clock.now() });
    const body =
      path === "/gettoken"
        ? { errcode: 0, access_token: "t", expires_in: 7200 }
        : { errcode: 0, errmsg: "ok" };
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

/** A client with 5 calls/s per API, its token already fetched; `start` is the virtual time after that. */
async function clientAt5PerSecond() {
  const clock = createFakeClock();
  const wecom = recordingWecom(clock);
  const config = {
    baseUrl: "https://wecom.test/cgi-bin",
    corpId: "ww-test",
    agentId: 1,
    rateLimit: { perSecond: 5 },
  };
  const client = createWecomClient(config, { contactSecret: "s" }, { clock, fetch: wecom.fetch });
  await client.fetchToken();
  return { clock, wecom, client, start: clock.now() };
}

describe("WeCom client rate limits", () => {
  it("gives each API its own budget, as WeCom counts them", async () => {
    const { clock, wecom, client, start } = await clientAt5PerSecond();
    for (let i = 0; i < 10; i++) {
      await client.call({ method: "GET", path: "/user/get", query: { userid: `u${i}` } });
      await client.call({ method: "POST", path: "/user/create", body: { userid: `u${i}` } });
    }
    // 10 calls of each API at 5/s each (a second's budget at once, then the next): about 1 s, not the
    // 3 s of one shared budget of 5/s.
    expect(clock.now() - start).toBeGreaterThanOrEqual(1_000);
    // (Paced within the second it would be 1.8 s.)
    expect(clock.now() - start).toBeLessThan(1_500);
    for (const path of ["/user/get", "/user/create"]) {
      const times = wecom.calls.filter((c) => c.path === path).map((c) => c.at);
      expect(times).toHaveLength(10);
      for (let i = 5; i < times.length; i++)
        expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(1_000);
    }
  });

  it("holds one API to its budget", async () => {
    const { clock, wecom, client, start } = await clientAt5PerSecond();
    for (let i = 0; i < 20; i++)
      await client.call({ method: "GET", path: "/user/get", query: { userid: `u${i}` } });
    // 5 at once, then 5 a second later, …: the 20th a little over 3 s after the first.
    expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
    expect(clock.now() - start).toBeLessThan(3_500);
  });
});
