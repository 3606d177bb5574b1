// Conformance of cron triggers: the real SDK over HTTP, driven by the embedded executor (two instances).
import { createServer } from "node:http";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCronApp } from "./conformance-app";
import { startExecutor } from "./index";
import {
  databaseUrl,
  db,
  EVENT_KEY,
  freePort,
  listen,
  SIGNING_KEY,
  waitFor,
} from "./conformance-test-env";

// The SDK in cloud mode, verifying signatures, as in conformance.int.test.ts (which this test used to follow).
beforeAll(() => {
  process.env.INNGEST_DEV = "0";
  process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
  process.env.INNGEST_EVENT_KEY = EVENT_KEY;
});

describe("cron", () => {
  test("an every-second cron fires ticks once each, also across two executors", async () => {
    const port = await freePort();
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${port}`;
    const cronApp = createCronApp();
    const server = createServer(serve({ client: cronApp.inngest, functions: cronApp.functions }));
    const url = `http://127.0.0.1:${await listen(server)}/api/inngest`;
    const a = await startExecutor({
      port,
      databaseUrl,
      signingKey: SIGNING_KEY,
      appUrls: [],
      log: () => {},
    });
    const b = await startExecutor({
      port: 0,
      databaseUrl,
      signingKey: SIGNING_KEY,
      appUrls: [],
      log: () => {},
    });
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
        15_000,
      );
      await b2.stop();
      const ticks = runs.map((r) => (r.events as { ts: number }[])[0].ts);
      expect(new Set(ticks).size).toBe(ticks.length);
      const all = await db.jobRun.findMany({ where: { functionId: fnId } });
      const allTicks = all.map((r) => (r.events as { ts: number }[])[0].ts);
      expect(new Set(allTicks).size).toBe(allTicks.length);
      await db.jobFunction.delete({ where: { id: fnId } });
    } finally {
      await a.stop();
      await b.stop();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

afterAll(async () => {
  await db.$disconnect();
});
