// Flow-control limits hold when two executors share one database: concurrent events for one
// key, sent half to each instance, decide on the same JobFlowKey rows.
import { createServer, type Server } from "node:http";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { counts } from "./conformance-app";
import { createFlowApp } from "./conformance-flow-app";
import {
  databaseUrl,
  db,
  EVENT_KEY,
  freePort,
  listen,
  SIGNING_KEY,
  TERMINAL,
  waitFor,
} from "./conformance-test-env";
import { startExecutor, type ExecutorHandle } from "./index";

describe("flow control across two executors", () => {
  const executors: ExecutorHandle[] = [];
  let server: Server;
  const registered = [false, false];

  /** Sends each event in its own request, alternating instances, all at once. */
  async function burst(name: string, data: Record<string, unknown>[]): Promise<string[]> {
    const answers = await Promise.all(
      data.map(async (d, i) => {
        const res = await fetch(`${executors[i % 2].url}/e/${EVENT_KEY}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name, data: d }),
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { ids: string[] }).ids[0];
      }),
    );
    return answers;
  }

  beforeAll(async () => {
    const port = await freePort();
    process.env.INNGEST_DEV = "0";
    process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
    process.env.INNGEST_EVENT_KEY = EVENT_KEY;
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${port}`;
    const app = createFlowApp("flow2");
    server = createServer(serve({ client: app.inngest, functions: app.functions }));
    const appUrl = `http://127.0.0.1:${await listen(server)}/api/inngest`;
    for (const [i, p] of [port, 0].entries())
      executors.push(
        await startExecutor({
          port: p,
          databaseUrl,
          signingKey: SIGNING_KEY,
          eventKey: EVENT_KEY,
          appUrls: [appUrl],
          retryBaseMs: 50,
          log: (l) => {
            if (l.startsWith("registered app flow2")) registered[i] = true;
          },
        }),
      );
    // Each instance must have synced itself (its function cache), not just the database.
    await waitFor(
      "in-band sync on both instances",
      async () => registered,
      (r) => r.every(Boolean),
    );
    expect(await db.jobFunction.count({ where: { appId: "flow2" } })).toBe(app.functions.length);
  });

  afterAll(async () => {
    for (const e of executors) await e.stop();
    await new Promise<void>((r) => server.close(() => r()));
  });

  test("rateLimit: of 20 concurrent events for one key exactly the limit start runs", async () => {
    const user = "two-exec";
    const ids = await burst(
      "test/rate",
      Array.from({ length: 20 }, (_, n) => ({ user, n })),
    );
    const runs = await waitFor(
      "the admitted runs to end",
      () =>
        db.jobRun.findMany({ where: { functionId: "flow2-rate-limited", eventId: { in: ids } } }),
      (rs) => rs.length >= 2 && rs.every((r) => TERMINAL.includes(r.status)),
    );
    const skipped = await db.jobSkip.count({
      where: { functionId: "flow2-rate-limited", eventId: { in: ids }, reason: "rate-limited" },
    });
    expect(runs).toHaveLength(2);
    expect(skipped).toBe(18);
    expect(counts.get(`rate:${user}`)).toBe(2);
  });

  test("debounce: 20 concurrent events for one key become one run with one of them", async () => {
    const key = "two-exec";
    const ids = await burst(
      "test/debounce-wide",
      Array.from({ length: 20 }, (_, n) => ({ key, n })),
    );
    const runs = await waitFor(
      "the debounced run to end",
      () =>
        db.jobRun.findMany({
          where: { functionId: "flow2-debounce-wide", eventName: "test/debounce-wide" },
        }),
      (rs) => rs.length >= 1 && rs.every((r) => TERMINAL.includes(r.status)),
      30_000,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe("COMPLETED");
    expect(ids).toContain(runs[0].eventId);
    expect((runs[0].output as { events: number }).events).toBe(1);
    expect(counts.get(`debounce-wide:${key}`)).toBe(1);
  });
});
