// Conformance of cron triggers: the real SDK over HTTP, driven by the embedded executor (two instances).
import { afterAll, describe, expect, test } from "vitest";
import { createCronApp } from "./conformance-app";
import { startExecutor } from "./index";
import { databaseUrl, db, SIGNING_KEY, startTestStack, waitFor } from "./conformance-test-env";

describe("cron", () => {
  test("an every-second cron fires ticks once each, also across two executors", async () => {
    // The SDK in cloud mode, verifying signatures; the executors are told of no app: it registers out of band.
    const stack = await startTestStack({
      apps: () => {
        const cronApp = createCronApp();
        return [{ client: cronApp.inngest, functions: cronApp.functions }];
      },
      executors: 2,
      inBandSync: false,
      eventKey: false,
    });
    const [url] = stack.appUrls;
    try {
      // Out-of-band sync: a plain PUT makes the SDK POST /fn/register itself.
      const res = await fetch(url, { method: "PUT" });
      expect(res.status).toBe(200);
      const fnId = "conformance-cron-ticker";
      await waitFor(
        "registration",
        () => db.jobFunction.findUnique({ where: { id: fnId } }),
        (f) => f !== null,
      );
      // Another instance starting (and scheduling the same ticks) must not double-fire.
      const b2 = await startExecutor({
        port: 0,
        databaseUrl,
        signingKey: SIGNING_KEY,
        appUrls: [],
        log: () => {},
      });
      const runs = await waitFor(
        "3 completed ticks",
        () => db.jobRun.findMany({ where: { functionId: fnId, status: "COMPLETED" } }),
        (r) => r.length >= 3,
        // A loaded CI box once saw none complete within 15 s, right after another engine test file.
        30_000,
      );
      await b2.stop();
      const ticks = runs.map((r) => (r.events as { ts: number }[])[0].ts);
      expect(new Set(ticks).size).toBe(ticks.length);
      const all = await db.jobRun.findMany({ where: { functionId: fnId } });
      const allTicks = all.map((r) => (r.events as { ts: number }[])[0].ts);
      expect(new Set(allTicks).size).toBe(allTicks.length);
      await db.jobFunction.delete({ where: { id: fnId } });
    } finally {
      await stack.stop();
    }
  });
});

afterAll(async () => {
  await db.$disconnect();
});
