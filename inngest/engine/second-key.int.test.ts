// A request held behind a waiter that leaves its key's queue for another key: the release that
// woke that waiter must reach the request (not the 15–30 s re-check). Real SDK, two executors
// sharing one database, both checkpointing modes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExecutorHandle } from "./index";
import {
  appSynced,
  db,
  postEvent,
  startTestStack,
  TERMINAL,
  waitFor,
  type TestStack,
} from "./conformance-test-env";
import { createSecondKeyApp, inFlight, maxInFlight, openGate, started } from "./second-key-app";

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "a wake passed on between concurrency keys (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    const mode = checkpointing ? "cp" : "nocp";
    let stack: TestStack;
    let executors: ExecutorHandle[] = [];
    let sent = 0;

    async function send(name: string, runName: string): Promise<string> {
      return postEvent(executors[sent++ % 2].url, name, { mode, name: `${mode}:${runName}` });
    }

    const bodyStarted = (runName: string, timeoutMs = 10_000) =>
      waitFor(
        `${runName} to start its step`,
        async () => started.get(`${mode}:${runName}`) ?? 0,
        (at) => at > 0,
        timeoutMs,
      );

    const waiting = (eventIds: string[]) =>
      waitFor(
        "runs to wait for a concurrency slot",
        () =>
          db.jobRun.findMany({
            where: { eventId: { in: eventIds } },
            select: { waitReason: true },
          }),
        (rs) => rs.length === eventIds.length && rs.every((r) => r.waitReason === "concurrency"),
      );

    beforeAll(async () => {
      stack = await startTestStack({
        apps: () => {
          const app = createSecondKeyApp();
          return [{ client: app.inngest, functions: app.functions }];
        },
        executors: 2,
        retryBaseMs: 50,
        checkpointing,
      });
      ({ executors } = stack);
      await appSynced("second-key", 2);
    });

    afterAll(async () => {
      for (const run of ["both-1", "env-0", "both-2", "env-1"]) openGate(`${mode}:${run}`);
      await stack?.stop();
    });

    test("a request behind a waiter that moved on to its other key starts when the slot frees", async () => {
      // both-1 holds the function key and one of the env key's two slots; env-0 the other.
      const both1 = await send("sk/both", "both-1");
      await bodyStarted("both-1");
      const env0 = await send("sk/env", "env-0");
      await bodyStarted("env-0");
      // both-2 waits on both keys; env-1, behind it on the env key, on that key only.
      const both2 = await send("sk/both", "both-2");
      await waiting([both2]);
      const env1 = await send("sk/env", "env-1");
      await waiting([env1]);

      // env-0 ends: its release wakes both-2 (first on the env key), which still cannot have the
      // function key and leaves the env queue; the free env slot is env-1's.
      const freedAt = Date.now();
      openGate(`${mode}:env-0`);
      const env1At = await bodyStarted("env-1", 10_000);
      expect(env1At - freedAt).toBeLessThan(1_500);
      expect(started.has(`${mode}:both-2`)).toBe(false); // both-1 still holds the function key

      // both-1 ends: both-2 has both keys' slots (the env key: both-2 and env-1).
      const freed2At = Date.now();
      openGate(`${mode}:both-1`);
      expect((await bodyStarted("both-2")) - freed2At).toBeLessThan(1_500);
      openGate(`${mode}:env-1`);
      openGate(`${mode}:both-2`);
      const runs = await waitFor(
        "every run to end",
        () =>
          db.jobRun.findMany({
            where: { eventId: { in: [both1, env0, both2, env1] } },
            select: { status: true },
          }),
        (rs) => rs.length === 4 && rs.every((r) => TERMINAL.includes(r.status)),
      );
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      expect(maxInFlight.get(`fn:${mode}`)).toBe(1);
      expect(maxInFlight.get(`env:${mode}`)).toBe(2);
      expect(inFlight.get(`env:${mode}`)).toBe(0);
      const runIds = await db.jobRun.findMany({
        where: { eventId: { in: [both1, env0, both2, env1] } },
        select: { id: true },
      });
      const left = await db.jobFlowWait.count({
        where: { runId: { in: runIds.map((r) => r.id) } },
      });
      expect(left).toBe(0);
    }, 60_000);
  },
);
