// Flow control through the real SDK (inngest/node serve handler) with two
// executors sharing one database: concurrency (number, array of two, env scope
// shared by two functions), throttle (GCRA, FIFO, none dropped) and priority.
// Limits are measured on the app side, inside the step bodies.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { active, createFlowApp, maxActive, openGate, starts, timeline } from "./flow-app";
import type { ExecutorHandle } from "./index";
import {
  db,
  EVENT_KEY,
  runsEnded,
  startTestStack,
  waitFor,
  type TestStack,
} from "./conformance-test-env";

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "flow control across two executors (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    const mode = checkpointing ? "cp" : "nocp";
    let stack: TestStack;
    let executors: ExecutorHandle[] = [];
    let sent = 0;

    /** Sends events, alternating between the two executors. */
    async function send(name: string, data: Record<string, unknown>[]): Promise<string[]> {
      const ids: string[] = [];
      for (const d of data) {
        const target = executors[sent++ % 2];
        const res = await fetch(`${target.url}/e/${EVENT_KEY}`, {
          method: "POST",
          body: JSON.stringify({ name, data: { mode, ...d } }),
        });
        ids.push(...((await res.json()) as { ids: string[] }).ids);
      }
      return ids;
    }

    beforeAll(async () => {
      stack = await startTestStack({
        apps: () => {
          const app = createFlowApp();
          return [{ client: app.inngest, functions: app.functions }];
        },
        executors: 2,
        retryBaseMs: 50,
        checkpointing,
      });
      ({ executors } = stack);
      await waitFor(
        "sync of the flow app",
        () => db.jobFunction.count({ where: { appId: "flow" } }),
        (n) => n === 7,
      );
    });

    afterAll(async () => {
      await stack?.stop();
    });

    test("concurrency 2 never has 3 step bodies in flight across two executors", async () => {
      const ids = await send(
        "flow/conc-two",
        Array.from({ length: 16 }, (_, n) => ({ n })),
      );
      const runs = await runsEnded(ids);
      expect(runs.every((r) => r.status === "COMPLETED" && r.waitReason === null)).toBe(true);
      expect(maxActive.get(`conc-two:${mode}`)).toBe(2);
      expect(active.get(`conc-two:${mode}`)).toBe(0);
    });

    test("an array of two limits: 3 overall and 1 per user key", async () => {
      const users = ["u1", "u2", "u3", "u4"];
      const ids = await send(
        "flow/conc-array",
        Array.from({ length: 16 }, (_, n) => ({ n, user: users[n % 4] })),
      );
      const runs = await runsEnded(ids);
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      expect(maxActive.get(`arr:${mode}`)).toBeLessThanOrEqual(3);
      for (const u of users) expect(maxActive.get(`arr:${mode}:${u}`)).toBe(1);
    });

    test("scope env: a running run's later steps keep their turn ahead of runs that came after it", async () => {
      const [full] = await send("flow/env-full-steps", [{ target: "m", gate: `steps-${mode}` }]);
      await waitFor(
        "the first step to start",
        async () => timeline.get(`${mode}:m`) ?? [],
        (t) => t.includes("full:one"),
      );
      const later = await send("flow/env-incremental", [{ target: "m" }, { target: "m" }]);
      await waitFor(
        "the later runs to wait for the key",
        () =>
          db.jobRun.findMany({ where: { eventId: { in: later } }, select: { waitReason: true } }),
        (rs) => rs.length === 2 && rs.every((r) => r.waitReason === "concurrency"),
      );
      openGate(`steps-${mode}`);
      await runsEnded([full, ...later]);
      // Between two requests of the multi-step run the slot is free for a moment; the later
      // runs must not take it there.
      expect(timeline.get(`${mode}:m`)).toEqual([
        "full:one",
        "full:two",
        "full:three",
        "env-incremental",
        "env-incremental",
      ]);
    });

    test("scope env: two functions share one key's limit", async () => {
      const ids = [
        ...(await send(
          "flow/env-full",
          Array.from({ length: 6 }, (_, n) => ({ n, target: n % 2 ? "a" : "b" })),
        )),
        ...(await send(
          "flow/env-incremental",
          Array.from({ length: 6 }, (_, n) => ({ n, target: n % 2 ? "a" : "b" })),
        )),
      ];
      const runs = await runsEnded(ids);
      expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
      expect(maxActive.get(`env:${mode}:a`)).toBe(1);
      expect(maxActive.get(`env:${mode}:b`)).toBe(1);
    });

    test("throttle 2 per 2 s: runs wait in FIFO order, none dropped, spaced by the period", async () => {
      const ids: string[] = [];
      const t0 = Date.now();
      // One request with all six, so their arrival order is the event order.
      const res = await fetch(`${executors[sent++ % 2].url}/e/${EVENT_KEY}`, {
        method: "POST",
        body: JSON.stringify(
          Array.from({ length: 6 }, (_, n) => ({ name: "flow/throttled", data: { mode, n } })),
        ),
      });
      ids.push(...((await res.json()) as { ids: string[] }).ids);
      const waiting = await db.jobRun.findMany({
        where: { eventId: { in: ids }, waitReason: "throttled" },
        select: { waitUntil: true },
      });
      // Only the first may start at once; the other five wait with a known time.
      expect(waiting).toHaveLength(5);
      expect(waiting.every((w) => w.waitUntil !== null)).toBe(true);

      const runs = await runsEnded(ids);
      expect(runs.every((r) => r.status === "COMPLETED" && r.waitReason === null)).toBe(true);
      const s = starts.get(`throttled:${mode}`)!;
      expect(s.map((x) => x.n)).toEqual([0, 1, 2, 3, 4, 5]);
      // GCRA spaces start slots one interval (period / limit = 1 s) apart from the first
      // reservation (after t0); a delayed job never starts before its slot.
      s.forEach((x, k) => expect(x.at).toBeGreaterThanOrEqual(t0 + k * 1000 - 5));
      // In any 2 s window: at most limit + burst starts (allowing for delivery jitter).
      for (const a of s)
        expect(s.filter((b) => b.at >= a.at && b.at < a.at + 2000).length).toBeLessThanOrEqual(3);
    });

    test("priority: a queued run with priority 300 starts before earlier queued ones", async () => {
      const gateName = `prio-${mode}`;
      const [blocker] = await send("flow/prioritized", [{ n: 0, p: 0, gate: gateName }]);
      await waitFor(
        "the blocker to take the slot",
        async () => starts.get(`prio:${mode}`)?.length ?? 0,
        (n) => n === 1,
      );
      const queued = await send("flow/prioritized", [
        { n: 1, p: 0 },
        { n: 2, p: -60 },
        { n: 3, p: 300 },
      ]);
      const held = await waitFor(
        "three runs to be held by the concurrency limit",
        () =>
          db.jobRun.findMany({
            where: { eventId: { in: queued } },
            select: { waitReason: true },
          }),
        (rs) => rs.length === 3 && rs.every((r) => r.waitReason !== null),
      );
      expect(held.map((r) => r.waitReason).sort()).toEqual([
        "concurrency",
        "concurrency",
        "concurrency",
      ]);
      openGate(gateName);
      await runsEnded([blocker, ...queued]);
      expect(starts.get(`prio:${mode}`)!.map((x) => x.n)).toEqual([0, 3, 1, 2]);
    });
  },
);
