// Real Inngest functions used by the executor's conformance tests (served over
// HTTP through inngest/node) and by the @inngest/test unit test. Counters let
// tests prove which step bodies ran how often.
import { Inngest, NonRetriableError } from "inngest";

export const counts = new Map<string, number>();
export function bump(key: string): number {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

/** Created lazily so tests can point INNGEST_* env vars at the executor first. */
export function createConformanceApp(id = "conformance") {
  const inngest = new Inngest({ id });

  const sequential = inngest.createFunction(
    { id: "sequential", triggers: { event: "test/sequential" } },
    async ({ event, step }) => {
      const a = await step.run("a", () => {
        bump(`seq:a:${event.data.tag}`);
        return 1;
      });
      const b = await step.run("b", () => {
        bump(`seq:b:${event.data.tag}`);
        return a + 1;
      });
      const c = await step.run("c", () => {
        bump(`seq:c:${event.data.tag}`);
        return b + 1;
      });
      return { sum: a + b + c };
    },
  );

  const parallel = inngest.createFunction(
    { id: "parallel", triggers: { event: "test/parallel" } },
    async ({ step }) => {
      const [x, y] = await Promise.all([
        step.run("x", () => {
          bump("par:x");
          return "x";
        }),
        step.run("y", () => {
          bump("par:y");
          return "y";
        }),
      ]);
      const z = await step.run("z", () => {
        bump("par:z");
        return `${x}${y}`;
      });
      return { z };
    },
  );

  const sleeper = inngest.createFunction(
    { id: "sleeper", triggers: { event: "test/sleep" } },
    async ({ event, step }) => {
      await step.run("before", () => bump(`sleep:before:${event.data.tag}`));
      await step.sleep("nap", event.data.duration ?? "1s");
      await step.sleepUntil("until", new Date(Date.now() + 1000));
      await step.run("after", () => bump(`sleep:after:${event.data.tag}`));
      return { done: true };
    },
  );

  const waiter = inngest.createFunction(
    { id: "waiter", triggers: { event: "test/wait" } },
    async ({ event, step }) => {
      const approval = await step.waitForEvent("approval", {
        event: "test/approved",
        timeout: event.data.timeout ?? "10s",
        match: "data.requestId",
      });
      return { approved: approval ? approval.data.by : null };
    },
  );

  const flaky = inngest.createFunction(
    { id: "flaky", retries: 3, triggers: { event: "test/flaky" } },
    async ({ event, step }) => {
      const v = await step.run("sometimes", () => {
        const n = bump(`flaky:${event.data.tag}`);
        if (n < 3) throw new Error(`transient failure ${n}`);
        return n;
      });
      return { attempts: v };
    },
  );

  const fatal = inngest.createFunction(
    { id: "fatal", retries: 3, triggers: { event: "test/fatal" } },
    async ({ event, step }) => {
      await step.run("boom", () => {
        bump(`fatal:${event.data.tag}`);
        throw new NonRetriableError("do not retry me");
      });
    },
  );

  const withFailureHandler = inngest.createFunction(
    {
      id: "with-on-failure",
      retries: 0,
      triggers: { event: "test/on-failure" },
      onFailure: async ({ error, event, step }) => {
        await step.run("record", () =>
          bump(`onFailure:${event.data.event.data.tag}:${error.message}`),
        );
        return { handled: error.message };
      },
    },
    async () => {
      throw new Error("function blew up");
    },
  );

  const limited = inngest.createFunction(
    { id: "limited", concurrency: { limit: 1 }, triggers: { event: "test/limited" } },
    async ({ step }) => {
      await step.run("work", async () => {
        const active = bump("limited:active");
        counts.set("limited:max", Math.max(counts.get("limited:max") ?? 0, active));
        await new Promise((r) => setTimeout(r, 150));
        counts.set("limited:active", (counts.get("limited:active") ?? 1) - 1);
      });
      return "ok";
    },
  );

  const conditional = inngest.createFunction(
    {
      id: "conditional",
      triggers: {
        event: "test/conditional",
        if: "event.data.kind == 'vip' && event.data.score >= 10",
      },
    },
    async () => "matched",
  );

  const cancellable = inngest.createFunction(
    {
      id: "cancellable",
      triggers: { event: "test/cancellable" },
      cancelOn: [{ event: "test/cancel", match: "data.tag" }],
    },
    async ({ step }) => {
      await step.sleep("long", "30s");
      return "not cancelled";
    },
  );

  return {
    inngest,
    functions: [
      sequential,
      parallel,
      sleeper,
      waiter,
      flaky,
      fatal,
      withFailureHandler,
      limited,
      conditional,
      cancellable,
    ],
    sequential,
  };
}

/** A second app with only an every-second cron function (registered on demand by the cron test). */
export function createCronApp() {
  const inngest = new Inngest({ id: "conformance-cron" });
  const ticker = inngest.createFunction(
    { id: "ticker", triggers: [{ cron: "* * * * * *" }] },
    async ({ step }) => {
      await step.run("tick", () => bump("cron:tick"));
    },
  );
  return { inngest, functions: [ticker] };
}
