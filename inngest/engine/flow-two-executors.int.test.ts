// Flow-control limits hold when two executors share one database: concurrent events for one
// key, sent half to each instance, decide on the same JobFlowKey rows.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { counts } from "./conformance-app";
import { createFlowApp } from "./conformance-flow-app";
import {
  db,
  EVENT_KEY,
  startTestStack,
  TERMINAL,
  waitFor,
  type TestStack,
} from "./conformance-test-env";
import type { ExecutorHandle } from "./index";

describe("flow control across two executors", () => {
  let stack: TestStack;
  let executors: ExecutorHandle[] = [];
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
    let functions = 0;
    stack = await startTestStack({
      apps: () => {
        const app = createFlowApp("flow2");
        functions = app.functions.length;
        return [{ client: app.inngest, functions: app.functions }];
      },
      executors: 2,
      retryBaseMs: 50,
      log: (l, i) => {
        if (l.startsWith("registered app flow2")) registered[i] = true;
      },
    });
    ({ executors } = stack);
    // Each instance must have synced itself (its function cache), not just the database.
    await waitFor(
      "in-band sync on both instances",
      async () => registered,
      (r) => r.every(Boolean),
    );
    expect(await db.jobFunction.count({ where: { appId: "flow2" } })).toBe(functions);
  });

  afterAll(async () => {
    await stack?.stop();
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
