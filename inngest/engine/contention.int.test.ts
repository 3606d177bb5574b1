// Contention: two executors share one database and one app (the real SDK serve
// handler). 1,000 multi-step runs, some steps failing on their first attempt(s):
// every step body must succeed exactly once per run, attempts = failures + 1,
// and every run must complete. A step delivered twice (the bug of an earlier
// "parking" attempt) fails the success count.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  attempts,
  createContentionApp,
  plannedFailures,
  stepsOf,
  successes,
} from "./contention-app";
import type { ExecutorHandle } from "./index";
import {
  db,
  EVENT_KEY,
  startTestStack,
  TERMINAL,
  waitFor,
  type TestStack,
} from "./conformance-test-env";

const RUNS = Number(process.env.CONTENTION_RUNS ?? 1000);

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "two executors, one database (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    let stack: TestStack;
    let executors: ExecutorHandle[] = [];
    const logs: string[] = [];

    beforeAll(async () => {
      // The SDK checkpoints to the first executor; the second shares the database.
      stack = await startTestStack({
        apps: () => {
          const app = createContentionApp();
          return [{ client: app.inngest, functions: app.functions }];
        },
        executors: 2,
        retryBaseMs: 20,
        checkpointing,
        log: (l) => logs.push(l),
      });
      ({ executors } = stack);
      await waitFor(
        "sync of the contention app",
        () => db.jobFunction.count({ where: { id: "contention-multi-step" } }),
        (n) => n === 1,
      );
    });

    afterAll(async () => {
      await stack?.stop();
      const bad = logs.filter((l) => /failed|error/i.test(l));
      if (bad.length) console.log(`executor log:\n${bad.slice(0, 20).join("\n")}`);
    });

    test(
      `${RUNS} runs with retries: every step body succeeds exactly once`,
      { timeout: 600_000 },
      async () => {
        const batchId = `cp${checkpointing ? 1 : 0}-${Date.now()}`;
        // Events go to both executors in batches, so both start runs and both take jobs.
        const sends: Promise<string[]>[] = [];
        for (let i = 0; i < RUNS; i += 50) {
          const batch = Array.from({ length: Math.min(50, RUNS - i) }, (_, j) => ({
            name: "contention/go",
            data: { n: i + j, batchId },
          }));
          const target = executors[(i / 50) % 2];
          sends.push(
            fetch(`${target.url}/e/${EVENT_KEY}`, {
              method: "POST",
              body: JSON.stringify(batch),
            }).then(async (r) => ((await r.json()) as { ids: string[] }).ids),
          );
        }
        const eventIds = (await Promise.all(sends)).flat();
        expect(eventIds).toHaveLength(RUNS);

        const runs = await waitFor(
          `${RUNS} runs to end`,
          () =>
            db.jobRun.findMany({
              where: { eventId: { in: eventIds } },
              select: { id: true, status: true, events: true },
            }),
          (rs) => rs.length === RUNS && rs.every((r) => TERMINAL.includes(r.status)),
          540_000,
        );

        const wrong: string[] = [];
        for (const run of runs) {
          const n = Number((run.events as { data: { n: number } }[])[0].data.n);
          if (run.status !== "COMPLETED") wrong.push(`${run.id} (n=${n}) ${run.status}`);
          for (const s of stepsOf(n)) {
            const key = `${run.id}:${s}`;
            const ok = successes.get(key) ?? 0;
            const tried = attempts.get(key) ?? 0;
            const expected = plannedFailures(n)[s] + 1;
            if (ok !== 1 || tried !== expected)
              wrong.push(
                `${key} (n=${n}): ${ok} successes, ${tried} attempts, expected 1/${expected}`,
              );
          }
        }
        expect(wrong).toEqual([]);
        // Both instances did work: every run's steps are in JobStep, completed, once each.
        const steps = await db.jobStep.groupBy({
          by: ["status"],
          where: { runId: { in: runs.map((r) => r.id) } },
          _count: true,
        });
        expect(steps).toEqual([{ status: "completed", _count: RUNS * 3 }]);
      },
    );
  },
);
