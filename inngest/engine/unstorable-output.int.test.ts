// Text PostgreSQL cannot store (NUL, a lone surrogate) in what the SDK sends back: a step's
// output or error fails that step (non-retriable, naming the step and the JSON path) and the SDK
// throws it into the function; a run's output fails the run. Real SDK, both checkpointing modes.
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
import { createUnstorableApp } from "./unstorable-output-app";

describe.each([{ checkpointing: true }, { checkpointing: false }])(
  "unstorable text from the SDK (checkpointing: $checkpointing)",
  ({ checkpointing }) => {
    let stack: TestStack;
    let executor: ExecutorHandle;

    async function runOf(name: string) {
      const eventId = await postEvent(executor.url, name);
      return waitFor(
        `the ${name} run to end`,
        () =>
          db.jobRun.findFirst({
            where: { eventId },
            select: { id: true, status: true, output: true, error: true },
          }),
        (r) => !!r && TERMINAL.includes(r.status),
      );
    }

    beforeAll(async () => {
      stack = await startTestStack({
        apps: () => {
          const app = createUnstorableApp();
          return [{ client: app.inngest, functions: app.functions }];
        },
        retryBaseMs: 50,
        checkpointing,
      });
      [executor] = stack.executors;
      await appSynced("unstorable", 2);
    });

    afterAll(async () => {
      await stack?.stop();
    });

    test("a step output or error with NUL or a lone surrogate fails that step, and the function goes on", async () => {
      const run = (await runOf("unstorable/steps"))!;
      expect(run.status).toBe("COMPLETED");
      const { caught, fine } = run.output as { caught: Record<string, string>; fine: string };
      expect(fine).toBe("stored");
      expect(caught.nul).toContain(
        'step "nul": output.a.b: contains NUL (\\u0000), which cannot be stored',
      );
      expect(caught.surrogate).toContain(
        'step "surrogate": output[1]: contains a lone UTF-16 surrogate, which is not valid Unicode',
      );
      expect(caught.throws).toMatch(/step "throws": error\.\w+: contains NUL \(\\u0000\)/);
      const steps = await db.jobStep.findMany({
        where: { runId: run.id },
        select: { name: true, status: true, attempt: true, data: true, error: true },
      });
      const byName = new Map(steps.map((s) => [s.name, s]));
      for (const id of ["nul", "surrogate", "throws"]) {
        const s = byName.get(id)!;
        expect(s.status).toBe("failed");
        expect(s.data).toBeNull();
        expect(s.error).toMatchObject({ name: "NonRetriableError" });
      }
      expect(byName.get("throws")!.attempt).toBe(0); // not retried
      expect(byName.get("fine")).toMatchObject({ status: "completed", data: "stored" });
    }, 60_000);

    test("a run output with NUL fails the run, naming the path", async () => {
      const run = (await runOf("unstorable/output"))!;
      expect(run.status).toBe("FAILED");
      expect(run.output).toBeNull();
      expect(run.error).toMatchObject({
        message: "output.result: contains NUL (\\u0000), which cannot be stored",
      });
    }, 60_000);
  },
);
