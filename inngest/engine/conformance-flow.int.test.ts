// Conformance of flow control, step.invoke, lifecycle events and refusals: real Inngest
// functions served by the real SDK over HTTP, driven by the embedded executor, in both
// checkpointing modes. Everything waits for states, never for elapsed time.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { counts } from "./conformance-app";
import { createFlowApp, createRefusedApp } from "./conformance-flow-app";
import { db, startTestStack, TERMINAL, waitFor, type TestStack } from "./conformance-test-env";
import type { ExecutorHandle } from "./index";

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "flow control (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    let stack: TestStack;
    let executor: ExecutorHandle;
    let app: ReturnType<typeof createFlowApp>;
    const logs: string[] = [];
    const mode = checkpointing ? "cp" : "nocp";

    async function send(name: string, data: Record<string, unknown> | Record<string, unknown>[]) {
      const list = Array.isArray(data) ? data : [data];
      const { ids } = await app.inngest.send(list.map((d) => ({ name, data: d })));
      return ids;
    }
    const runsOf = (fn: string, eventIds?: string[]) =>
      db.jobRun.findMany({
        where: { functionId: `flow-${fn}`, ...(eventIds ? { eventId: { in: eventIds } } : {}) },
        orderBy: { id: "asc" },
      });
    const ended = (fn: string, eventIds: string[], n = 1) =>
      waitFor(
        `${n} ended run(s) of ${fn}`,
        () => runsOf(fn, eventIds),
        (rs) => rs.length >= n && rs.every((r) => TERMINAL.includes(r.status)),
      );
    const skips = (fn: string, eventIds: string[]) =>
      db.jobSkip.findMany({ where: { functionId: `flow-${fn}`, eventId: { in: eventIds } } });

    beforeAll(async () => {
      stack = await startTestStack({
        apps: () => {
          app = createFlowApp();
          const refused = createRefusedApp();
          return [app, refused].map((a) => ({ client: a.inngest, functions: a.functions }));
        },
        retryBaseMs: 50,
        checkpointing,
        log: (l) => logs.push(l),
      });
      [executor] = stack.executors;
      await waitFor(
        "in-band sync of both apps",
        () => db.jobFunction.count({ where: { appId: { in: ["flow", "refused"] } } }),
        (n) => n === app.functions.length + 2,
      );
    });

    afterAll(async () => {
      await stack?.stop();
    });

    test("rateLimit: events over the limit per key start no run and are recorded as skipped", async () => {
      const a = `${mode}-a`;
      const ids = await send(
        "test/rate",
        [1, 2, 3, 4, 5].map((n) => ({ user: a, n })),
      );
      const other = await send("test/rate", { user: `${mode}-b`, n: 6 });
      await ended("rate-limited", [...ids, ...other], 3);
      const runs = await runsOf("rate-limited", ids);
      expect(runs.map((r) => r.output)).toEqual([1, 2]);
      expect((await skips("rate-limited", ids)).map((s) => s.reason)).toEqual(
        Array(3).fill("rate-limited"),
      );
      expect(counts.get(`rate:${a}`)).toBe(2);
      expect(counts.get(`rate:${mode}-b`)).toBe(1);
    });

    test("debounce: a burst for one key becomes one run with the last event", async () => {
      const key = `${mode}-d`;
      const ids = await send(
        "test/debounce",
        [1, 2, 3].map((n) => ({ key, n })),
      );
      const [run] = await ended("debounced", ids);
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ n: 3, events: 1 });
      expect(run.eventId).toBe(ids[2]);
      expect(await runsOf("debounced", ids)).toHaveLength(1);
      expect(counts.get(`debounce:${key}`)).toBe(1);
    });

    test("debounce timeout: a run held for an hour-long period starts at the timeout", async () => {
      const ids = await send("test/debounce-capped", { key: `${mode}-c`, n: 7 });
      const [run] = await ended("debounce-capped", ids);
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toBe(7);
    });

    test("batchEvents: a full batch runs with all its events; a partial one at the timeout", async () => {
      const ids = await send(
        "test/batch",
        [1, 2, 3].map((n) => ({ key: `${mode}-full`, n })),
      );
      const [full] = await ended("batched", ids);
      expect(full.output).toEqual([1, 2, 3]);
      expect((full.events as unknown[]).length).toBe(3);
      const one = await send("test/batch", { key: `${mode}-part`, n: 9 });
      const [part] = await ended("batched", one);
      expect(part.output).toEqual([9]);
      expect(await runsOf("batched", [...ids, ...one])).toHaveLength(2);
      // A rerun of a batch gets the whole batch again.
      const again = await executor.rerun(full.id);
      const rerun = await waitFor(
        "the batch rerun to end",
        () => db.jobRun.findUniqueOrThrow({ where: { id: again } }),
        (r) => TERMINAL.includes(r.status),
      );
      expect([rerun.status, rerun.rerunOf, rerun.output]).toEqual([
        "COMPLETED",
        full.id,
        [1, 2, 3],
      ]);
    });

    test("singleton skip: a second event while the key's run lives starts nothing", async () => {
      const key = `${mode}-s`;
      const first = await send("test/singleton-skip", { key, n: 1 });
      await waitFor(
        "the first run waiting",
        () => runsOf("singleton-skip", first),
        (r) => r[0]?.status === "WAITING",
      );
      const second = await send("test/singleton-skip", { key, n: 2 });
      expect((await skips("singleton-skip", second)).map((s) => s.reason)).toEqual(["singleton"]);
      await send("test/release", { key });
      const [run] = await ended("singleton-skip", first);
      expect(run.output).toBe(1);
      expect(await runsOf("singleton-skip", second)).toEqual([]);
    });

    test("singleton cancel: a second event cancels the key's run and starts its own", async () => {
      const key = `${mode}-x`;
      const first = await send("test/singleton-cancel", { key, n: 1 });
      await waitFor(
        "the first run waiting",
        () => runsOf("singleton-cancel", first),
        (r) => r[0]?.status === "WAITING",
      );
      const second = await send("test/singleton-cancel", { key, n: 2 });
      expect((await runsOf("singleton-cancel", first))[0].status).toBe("CANCELLED");
      await waitFor(
        "the second run waiting",
        () => runsOf("singleton-cancel", second),
        (r) => r[0]?.status === "WAITING",
      );
      await send("test/release", { key });
      const [run] = await ended("singleton-cancel", second);
      expect(run.output).toBe(2);
    });

    test("idempotency: one run per evaluated key", async () => {
      const order = `${mode}-order`;
      const ids = await send("test/idempotent", [
        { order, n: 1 },
        { order, n: 2 },
        { order: `${order}-2`, n: 3 },
      ]);
      await ended("idempotent", ids, 2);
      expect((await runsOf("idempotent", ids)).map((r) => r.output)).toEqual([1, 3]);
      expect((await skips("idempotent", ids)).map((s) => [s.eventId, s.reason])).toEqual([
        [ids[1], "idempotent"],
      ]);
    });

    test("timeouts.start: a run that cannot start in time ends CANCELLED", async () => {
      const key = `${mode}-t`;
      const first = await send("test/start-timeout", { key, n: 1 });
      await waitFor(
        "the first run holding the slot",
        () => runsOf("start-timeout", first),
        (r) => r[0]?.firstCallAt !== null && r[0]?.firstCallAt !== undefined,
      );
      const second = await send("test/start-timeout", { key, n: 2 });
      const [late] = await ended("start-timeout", second);
      expect(late.status).toBe("CANCELLED");
      counts.set(`release:${key}`, 1);
      const [held] = await ended("start-timeout", first);
      expect(held.status).toBe("COMPLETED");
      expect(counts.get("start-timeout:2")).toBeUndefined();
    });

    test("timeouts.finish: a run past its finish ends CANCELLED and emits inngest/function.cancelled", async () => {
      const ids = await send("test/finish-timeout", { tag: mode });
      const [run] = await ended("finish-timeout", ids);
      expect(run.status).toBe("CANCELLED");
      const handler = await waitFor(
        "the function.cancelled handler",
        () =>
          db.jobRun.findFirst({
            where: {
              functionId: "flow-on-cancelled",
              status: "COMPLETED",
              output: { path: ["run"], equals: run.id },
            },
          }),
        (r) => r !== null,
      );
      expect(handler!.output).toEqual({ run: run.id, error: "function cancelled" });
      expect(counts.get(`cancelled:${run.id}`)).toBe(1);
    });

    test("cancelOn timeout: a cancel event after the rule's timeout is ignored", async () => {
      const key = `${mode}-late`;
      const ids = await send("test/late-cancel", { key });
      const [waiting] = await waitFor(
        "the run waiting",
        () => runsOf("late-cancel", ids),
        (r) => r[0]?.status === "WAITING",
      );
      // Waits (no assertion on time) until the rule's 1 s window is over.
      await waitFor(
        "the cancel window to pass",
        async () => Date.now() - waiting.startedAt.getTime(),
        (ms) => ms > 1500,
      );
      await send("test/cancel-late", { key });
      await send("test/go", { key });
      const [run] = await ended("late-cancel", ids);
      expect(run.status).toBe("COMPLETED");
    });

    test("step.invoke: result, timeout error and child failure settle the caller's steps; finished event dispatched", async () => {
      const ids = await send("test/invoke", { a: mode === "cp" ? 40 : 50 });
      const [run] = await ended("invoker", ids);
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({
        sum: mode === "cp" ? 42 : 52,
        timedOut: {
          name: "InngestInvokeTimeoutError",
          message: "Timed out waiting for invoked function to complete",
        },
        failed: expect.objectContaining({
          message: expect.stringContaining("invoked function refused"),
        }),
      });
      const child = await db.jobRun.findFirstOrThrow({
        where: {
          functionId: "flow-adder",
          events: { path: ["0", "data", "_inngest", "source_run_id"], equals: run.id },
        },
      });
      expect(child.eventName).toBe("inngest/function.invoked");
      const finished = await waitFor(
        "the function.finished handler",
        () =>
          db.jobRun.findFirst({
            where: {
              functionId: "flow-on-finished",
              status: "COMPLETED",
              output: { path: ["run"], equals: child.id },
            },
          }),
        (r) => r !== null,
      );
      expect(finished!.output).toEqual({
        run: child.id,
        result: { sum: mode === "cp" ? 42 : 52 },
        trigger: "inngest/function.invoked",
      });
    });

    test("a function declaring an option the engine cannot honour is refused by name and never runs", async () => {
      const fn = await db.jobFunction.findUniqueOrThrow({
        where: { id: "refused-account-scoped" },
      });
      expect(fn.refusal).toContain("refused-account-scoped");
      expect(fn.refusal).toContain('"concurrency.0.scope"');
      expect(
        (await db.jobFunction.findUniqueOrThrow({ where: { id: "refused-fine" } })).refusal,
      ).toBeNull();
      expect(logs.some((l) => l.includes("refused function refused-account-scoped"))).toBe(true);
      const ids = await app.inngest.send({ name: "test/refused", data: {} }).then((r) => r.ids);
      await waitFor(
        "the runnable function's run",
        () => db.jobRun.findMany({ where: { eventId: ids[0] } }),
        (r) => r.length > 0 && r.every((x) => TERMINAL.includes(x.status)),
      );
      const runs = await db.jobRun.findMany({ where: { eventId: ids[0] } });
      expect(runs.map((r) => r.functionId)).toEqual(["refused-fine"]);
      expect(counts.get("refused:ran")).toBeUndefined();
    });
  },
);
