// The app side of the contention test: a multi-step function whose step bodies
// count every attempt and every successful execution per (run, step), and fail
// on their first attempt(s) as the event says. A step delivered twice shows up
// as a success count of 2.
import { Inngest } from "inngest";
import { checkpointing } from "../client";

/** `${runId}:${step}` → successful executions of that step body. */
export const successes = new Map<string, number>();
/** `${runId}:${step}` → times the step body was entered. */
export const attempts = new Map<string, number>();

/** How many times each step of run `n` fails before it succeeds (deterministic, so the test can check attempts). */
export function plannedFailures(n: number): Record<string, number> {
  return {
    a: n % 7 === 0 ? 1 : 0,
    b: n % 4 === 1 ? 1 : 0,
    c: n % 10 === 3 ? 2 : 0,
    x: n % 9 === 2 ? 1 : 0,
    y: 0,
  };
}

/** Runs with `n % 5 === 0` run x and y in parallel before c; the others run a, b, c in sequence. */
export function stepsOf(n: number): string[] {
  return n % 5 === 0 ? ["x", "y", "c"] : ["a", "b", "c"];
}

export function createContentionApp() {
  // Planned failures are the point of this app; keep the SDK from logging each one.
  const quiet = () => {};
  const inngest = new Inngest({
    id: "contention",
    // The product's setting (buffered reports), so exactly-once is checked as the product runs.
    checkpointing,
    logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
  });

  const body = (runId: string, name: string, n: number) => () => {
    const key = `${runId}:${name}`;
    const tries = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, tries);
    if (tries <= plannedFailures(n)[name]) throw new Error(`planned failure ${tries} of ${name}`);
    successes.set(key, (successes.get(key) ?? 0) + 1);
    return `${name}:${n}`;
  };

  const multiStep = inngest.createFunction(
    { id: "multi-step", retries: 3, triggers: { event: "contention/go" } },
    async ({ event, step, runId }) => {
      const n = Number(event.data.n);
      if (n % 5 === 0) {
        await Promise.all([step.run("x", body(runId, "x", n)), step.run("y", body(runId, "y", n))]);
      } else {
        await step.run("a", body(runId, "a", n));
        await step.run("b", body(runId, "b", n));
      }
      return step.run("c", body(runId, "c", n));
    },
  );

  return { inngest, functions: [multiStep] };
}
