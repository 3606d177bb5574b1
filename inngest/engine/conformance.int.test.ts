// Conformance: real Inngest functions, served by the real SDK (inngest/node)
// over HTTP with signature verification on, driven by the embedded executor.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { counts, createConformanceApp } from "./conformance-app";
import {
  db,
  EVENT_KEY,
  startTestStack,
  TERMINAL,
  waitFor,
  type TestStack,
} from "./conformance-test-env";
import type { ExecutorHandle } from "./index";

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "embedded executor (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    let stack: TestStack;
    let executor: ExecutorHandle;
    let app: ReturnType<typeof createConformanceApp>;
    const logs: string[] = [];
    const mode = checkpointing ? "cp" : "nocp";

    async function send(name: string, data: Record<string, unknown>): Promise<string> {
      const { ids } = await app.inngest.send({ name, data });
      return ids[0];
    }

    const runOf = (eventId: string, functionId: string) =>
      waitFor(
        `a run of ${functionId}`,
        () =>
          db.jobRun.findFirst({
            where: { eventId, functionId },
            include: { steps: { orderBy: { seq: "asc" } } },
          }),
        (r) => r !== null,
      ).then((r) => r!);

    async function finished(eventId: string, fn: string, timeoutMs = 20_000) {
      const functionId = `conformance-${fn}`;
      await runOf(eventId, functionId);
      return waitFor(
        `run of ${functionId} to finish`,
        () =>
          db.jobRun.findFirstOrThrow({
            where: { eventId, functionId },
            include: { steps: { orderBy: { seq: "asc" } } },
          }),
        (r) => TERMINAL.includes(r.status),
        timeoutMs,
      );
    }

    beforeAll(async () => {
      stack = await startTestStack({
        apps: () => {
          app = createConformanceApp();
          return [{ client: app.inngest, functions: app.functions }];
        },
        retryBaseMs: 50,
        checkpointing,
        log: (l) => logs.push(l),
      });
      const [appUrl] = stack.appUrls;
      [executor] = stack.executors;
      await waitFor(
        "in-band sync of the app",
        () =>
          db.jobFunction.findMany({
            where: { appId: "conformance" },
            select: { id: true, url: true },
          }),
        (fns) => fns.length === 11 && fns.every((f) => f.url.startsWith(appUrl)),
      );
    });

    afterAll(async () => {
      await stack?.stop();
      if (logs.some((l) => /failed:|error/i.test(l)))
        console.log(
          `executor log (${mode}):\n${logs
            .filter((l) => /failed|error/i.test(l))
            .slice(0, 20)
            .join("\n")}`,
        );
    });

    test("sequential steps run once each and the output is stored", async () => {
      const tag = `seq-${mode}`;
      const run = await finished(await send("test/sequential", { tag }), "sequential");
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ sum: 6 });
      expect(run.steps.map((s) => [s.name, s.status, s.data])).toEqual([
        ["a", "completed", 1],
        ["b", "completed", 2],
        ["c", "completed", 3],
      ]);
      expect(run.endedAt).not.toBeNull();
      expect((run.events as { data: { tag: string } }[])[0].data.tag).toBe(tag);
      for (const k of ["a", "b", "c"]) expect(counts.get(`seq:${k}:${tag}`)).toBe(1);
    });

    test("parallel steps (Promise.all) are planned, run once each, then the run continues", async () => {
      const before = {
        x: counts.get("par:x") ?? 0,
        y: counts.get("par:y") ?? 0,
        z: counts.get("par:z") ?? 0,
      };
      const run = await finished(await send("test/parallel", {}), "parallel");
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ z: "xy" });
      expect(run.steps.map((s) => s.name).sort()).toEqual(["x", "y", "z"]);
      expect(counts.get("par:x")! - before.x).toBe(1);
      expect(counts.get("par:y")! - before.y).toBe(1);
      expect(counts.get("par:z")! - before.z).toBe(1);
    });

    test("step.sleep and step.sleepUntil resume durably", async () => {
      const tag = `sleep-${mode}`;
      const eventId = await send("test/sleep", { tag, duration: "1s" });
      await waitFor(
        "run to sleep",
        () => db.jobRun.findFirst({ where: { eventId } }),
        (r) => r?.status === "SLEEPING",
      );
      const run = await finished(eventId, "sleeper");
      expect(run.status).toBe("COMPLETED");
      const nap = run.steps.find((s) => s.name === "nap")!;
      expect(nap.op).toBe("Sleep");
      expect(nap.endedAt!.getTime() - nap.startedAt.getTime()).toBeGreaterThanOrEqual(900);
      expect(run.steps.find((s) => s.name === "until")?.status).toBe("completed");
      expect(counts.get(`sleep:before:${tag}`)).toBe(1);
      expect(counts.get(`sleep:after:${tag}`)).toBe(1);
    });

    test("step.waitForEvent resumes on a matching event and ignores others", async () => {
      const requestId = `req-${mode}`;
      const eventId = await send("test/wait", { requestId });
      await waitFor(
        "run to wait",
        () => db.jobRun.findFirst({ where: { eventId } }),
        (r) => r?.status === "WAITING",
      );
      await send("test/approved", { requestId: "someone-else", by: "mallory" });
      await send("test/approved", { requestId, by: "alice" });
      const run = await finished(eventId, "waiter");
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ approved: "alice" });
      expect(run.steps[0]).toMatchObject({ op: "WaitForEvent", status: "completed" });
    });

    test("step.waitForEvent times out to null", async () => {
      const run = await finished(
        await send("test/wait", { requestId: `never-${mode}`, timeout: "1s" }),
        "waiter",
      );
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ approved: null });
    });

    test("a failing step is retried with backoff and then succeeds", async () => {
      const tag = `flaky-${mode}`;
      const run = await finished(await send("test/flaky", { tag }), "flaky");
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toEqual({ attempts: 3 });
      expect(counts.get(`flaky:${tag}`)).toBe(3);
      expect(run.steps[0]).toMatchObject({ name: "sometimes", status: "completed", attempt: 2 });
      expect((run.steps[0].error as { message: string }).message).toBe("transient failure 2");
    });

    test("NonRetriableError fails the run without retries", async () => {
      const tag = `fatal-${mode}`;
      const run = await finished(await send("test/fatal", { tag }), "fatal");
      expect(run.status).toBe("FAILED");
      expect(counts.get(`fatal:${tag}`)).toBe(1);
      expect(run.steps[0]).toMatchObject({ name: "boom", status: "failed" });
      expect((run.steps[0].error as { message: string }).message).toBe("do not retry me");
      expect((run.error as { message: string }).message).toContain("do not retry me");
    });

    test("onFailure runs through inngest/function.failed", async () => {
      const tag = `onfail-${mode}`;
      const eventId = await send("test/on-failure", { tag });
      const run = await finished(eventId, "with-on-failure");
      expect(run.status).toBe("FAILED");
      const failure = await waitFor(
        "failure handler run",
        () =>
          db.jobRun.findFirst({
            where: {
              functionId: "conformance-with-on-failure-failure",
              eventName: "inngest/function.failed",
              status: "COMPLETED",
              events: { path: ["0", "data", "run_id"], equals: run.id },
            },
          }),
        (r) => r !== null,
      );
      expect(failure!.output).toEqual({ handled: "function blew up" });
      expect(counts.get(`onFailure:${tag}:function blew up`)).toBe(1);
    });

    test("trigger `if` expressions filter events", async () => {
      const hit = await send("test/conditional", { kind: "vip", score: 12 });
      const miss = await send("test/conditional", { kind: "vip", score: 3 });
      expect((await finished(hit, "conditional")).output).toBe("matched");
      await waitFor(
        "event stored",
        () => db.jobEvent.findUnique({ where: { id: miss } }),
        (e) => e !== null,
      );
      expect(await db.jobRun.count({ where: { eventId: miss } })).toBe(0);
    });

    test("concurrency limit 1 keeps runs of a function one at a time", async () => {
      counts.set("limited:max", 0);
      const ids = await Promise.all([1, 2, 3, 4].map(() => send("test/limited", {})));
      for (const id of ids) expect((await finished(id, "limited")).status).toBe("COMPLETED");
      expect(counts.get("limited:max")).toBe(1);
    });

    test("cancelOn cancels a sleeping run", async () => {
      const tag = `cancel-${mode}`;
      const eventId = await send("test/cancellable", { tag });
      await waitFor(
        "run to sleep",
        () => db.jobRun.findFirst({ where: { eventId } }),
        (r) => r?.status === "SLEEPING",
      );
      await send("test/cancel", { tag });
      const run = await finished(eventId, "cancellable");
      expect(run.status).toBe("CANCELLED");
      expect(run.steps[0].status).toBe("cancelled");
    });

    test("restart mid-run: a sleeping run completes on a new executor without re-running steps", async () => {
      const tag = `restart-${mode}`;
      const eventId = await send("test/sleep", { tag, duration: "2s" });
      await waitFor(
        "run to sleep",
        () => db.jobRun.findFirst({ where: { eventId } }),
        (r) => r?.status === "SLEEPING",
      );
      executor = await stack.restart(0);
      const run = await finished(eventId, "sleeper");
      expect(run.status).toBe("COMPLETED");
      expect(counts.get(`sleep:before:${tag}`)).toBe(1);
      expect(counts.get(`sleep:after:${tag}`)).toBe(1);
    });

    test("rerun starts a new run with the same event", async () => {
      const tag = `rerun-${mode}`;
      const first = await finished(await send("test/sequential", { tag }), "sequential");
      const newId = await executor.rerun(first.id);
      const again = await waitFor(
        "rerun to finish",
        () => db.jobRun.findUniqueOrThrow({ where: { id: newId } }),
        (r) => TERMINAL.includes(r.status),
      );
      expect(again).toMatchObject({
        status: "COMPLETED",
        rerunOf: first.id,
        eventId: first.eventId,
        output: { sum: 6 },
      });
      expect(counts.get(`seq:a:${tag}`)).toBe(2);
    });

    test("events API: arrays, ids, bad bodies and keys", async () => {
      const base = executor.url;
      const ok = await fetch(`${base}/e/${EVENT_KEY}`, {
        method: "POST",
        body: JSON.stringify([{ name: "test/nothing", data: { a: 1 } }, { name: "test/nothing" }]),
      });
      const body = (await ok.json()) as { ids: string[]; status: number };
      expect(ok.status).toBe(200);
      expect(body.status).toBe(200);
      expect(body.ids).toHaveLength(2);
      expect(body.ids[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      const before = await db.jobEvent.count();
      for (const bad of [
        "{not json",
        JSON.stringify({ data: {} }),
        JSON.stringify([{ name: "ok" }, { name: "" }]),
        JSON.stringify({ name: "x", data: "str" }),
      ]) {
        const res = await fetch(`${base}/e/${EVENT_KEY}`, { method: "POST", body: bad });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: string }).error).toBeTruthy();
      }
      expect(
        (
          await fetch(`${base}/e/wrong-key`, {
            method: "POST",
            body: JSON.stringify({ name: "x" }),
          })
        ).status,
      ).toBe(401);
      expect(await db.jobEvent.count()).toBe(before);
    });
  },
);

afterAll(async () => {
  await db.$disconnect();
});
