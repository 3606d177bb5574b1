// Real Inngest functions declaring flow control, step.invoke and lifecycle-event triggers,
// served through inngest/node for conformance-flow*.int.test.ts. Keys carry the test's
// mode tag so both checkpointing modes share one database without sharing limits.
import { Inngest, NonRetriableError } from "inngest";
import { bump, counts } from "./conformance-app";

const hold = { event: "test/release", match: "data.key", timeout: "30s" } as const;

/** Created lazily so tests can point INNGEST_* env vars at the executor first. */
export function createFlowApp(id = "flow") {
  const inngest = new Inngest({ id });

  const rateLimited = inngest.createFunction(
    {
      id: "rate-limited",
      rateLimit: { limit: 2, period: "1m", key: "event.data.user" },
      triggers: { event: "test/rate" },
    },
    async ({ event, step }) => {
      await step.run("count", () => bump(`rate:${event.data.user}`));
      return event.data.n;
    },
  );

  const debounced = inngest.createFunction(
    {
      id: "debounced",
      debounce: { period: "1s", key: "event.data.key" },
      triggers: { event: "test/debounce" },
    },
    async ({ event, events, step }) => {
      await step.run("count", () => bump(`debounce:${event.data.key}`));
      return { n: event.data.n, events: events.length };
    },
  );

  // A wide window so a burst sent concurrently to two executors surely falls into one.
  const debounceWide = inngest.createFunction(
    {
      id: "debounce-wide",
      debounce: { period: "5s", key: "event.data.key" },
      triggers: { event: "test/debounce-wide" },
    },
    async ({ event, events, step }) => {
      await step.run("count", () => bump(`debounce-wide:${event.data.key}`));
      return { n: event.data.n, events: events.length };
    },
  );

  const debounceCapped = inngest.createFunction(
    {
      id: "debounce-capped",
      debounce: { period: "1h", timeout: "2s", key: "event.data.key" },
      triggers: { event: "test/debounce-capped" },
    },
    async ({ event }) => event.data.n,
  );

  const batched = inngest.createFunction(
    {
      id: "batched",
      batchEvents: { maxSize: 3, timeout: "2s", key: "event.data.key" },
      triggers: { event: "test/batch" },
    },
    async ({ events, step }) => {
      await step.run("count", () => bump(`batch:${events[0].data.key}`));
      return events.map((e) => e.data.n);
    },
  );

  const singletonSkip = inngest.createFunction(
    {
      id: "singleton-skip",
      singleton: { mode: "skip", key: "event.data.key" },
      triggers: { event: "test/singleton-skip" },
    },
    async ({ event, step }) => {
      await step.waitForEvent("hold", hold);
      return event.data.n;
    },
  );

  const singletonCancel = inngest.createFunction(
    {
      id: "singleton-cancel",
      singleton: { mode: "cancel", key: "event.data.key" },
      triggers: { event: "test/singleton-cancel" },
    },
    async ({ event, step }) => {
      await step.waitForEvent("hold", hold);
      return event.data.n;
    },
  );

  const idempotent = inngest.createFunction(
    { id: "idempotent", idempotency: "event.data.order", triggers: { event: "test/idempotent" } },
    async ({ event }) => event.data.n,
  );

  // One run holds the concurrency slot in a step body until the test releases it, so the
  // next run of that key cannot start and its `start` timeout cancels it.
  const startTimeout = inngest.createFunction(
    {
      id: "start-timeout",
      concurrency: { limit: 1, key: "event.data.key" },
      timeouts: { start: "1s" },
      triggers: { event: "test/start-timeout" },
    },
    async ({ event, step }) => {
      await step.run("hold", async () => {
        const key = `release:${event.data.key}`;
        for (let i = 0; i < 600 && !counts.get(key); i++)
          await new Promise((r) => setTimeout(r, 50));
        return bump(`start-timeout:${event.data.n}`);
      });
      return event.data.n;
    },
  );

  const finishTimeout = inngest.createFunction(
    {
      id: "finish-timeout",
      timeouts: { finish: "1s" },
      triggers: { event: "test/finish-timeout" },
    },
    async ({ step }) => {
      await step.sleep("long", "1m");
      return "not cancelled";
    },
  );

  const onCancelled = inngest.createFunction(
    {
      id: "on-cancelled",
      triggers: {
        event: "inngest/function.cancelled",
        if: "event.data.function_id == 'flow-finish-timeout'",
      },
    },
    async ({ event, step }) => {
      const data = event.data as { run_id: string; error: { message: string } };
      await step.run("record", () => bump(`cancelled:${data.run_id}`));
      return { run: data.run_id, error: data.error.message };
    },
  );

  const lateCancel = inngest.createFunction(
    {
      id: "late-cancel",
      cancelOn: [{ event: "test/cancel-late", match: "data.key", timeout: "1s" }],
      triggers: { event: "test/late-cancel" },
    },
    async ({ step }) => {
      await step.waitForEvent("go", { event: "test/go", match: "data.key", timeout: "30s" });
      return "finished";
    },
  );

  const adder = inngest.createFunction(
    { id: "adder", triggers: { event: "test/never-adder" } },
    async ({ event, step }) => {
      const sum = await step.run("add", () => Number(event.data.a) + Number(event.data.b));
      return { sum };
    },
  );

  const sleepy = inngest.createFunction(
    { id: "sleepy", triggers: { event: "test/never-sleepy" } },
    async ({ step }) => {
      await step.sleep("zz", "1m");
      return "woke";
    },
  );

  const failing = inngest.createFunction(
    { id: "failing", retries: 0, triggers: { event: "test/never-failing" } },
    async () => {
      throw new NonRetriableError("invoked function refused");
    },
  );

  const invoker = inngest.createFunction(
    { id: "invoker", triggers: { event: "test/invoke" } },
    async ({ event, step }) => {
      const added = await step.invoke("add", { function: adder, data: { a: event.data.a, b: 2 } });
      const caught = async (p: Promise<unknown>) => {
        try {
          await p;
          return null;
        } catch (err) {
          return { name: (err as Error).name, message: (err as Error).message };
        }
      };
      const timedOut = await caught(
        step.invoke("slow", { function: sleepy, data: {}, timeout: "1s" }),
      );
      const failed = await caught(step.invoke("bad", { function: failing, data: {} }));
      return { sum: added.sum, timedOut, failed };
    },
  );

  const onFinished = inngest.createFunction(
    {
      id: "on-finished",
      triggers: {
        event: "inngest/function.finished",
        if: "event.data.function_id == 'flow-adder'",
      },
    },
    async ({ event }) => {
      const data = event.data as { run_id: string; result?: unknown; event: { name: string } };
      return { run: data.run_id, result: data.result ?? null, trigger: data.event.name };
    },
  );

  return {
    inngest,
    functions: [
      rateLimited,
      debounced,
      debounceWide,
      debounceCapped,
      batched,
      singletonSkip,
      singletonCancel,
      idempotent,
      startTimeout,
      finishTimeout,
      onCancelled,
      lateCancel,
      adder,
      sleepy,
      failing,
      invoker,
      onFinished,
    ],
  };
}

/** An app whose functions declare options the engine refuses (registration must say so). */
export function createRefusedApp() {
  const inngest = new Inngest({ id: "refused" });
  const accountScoped = inngest.createFunction(
    {
      id: "account-scoped",
      concurrency: { limit: 1, scope: "account", key: "event.data.k" },
      triggers: { event: "test/refused" },
    },
    async ({ step }) => step.run("never", () => bump("refused:ran")),
  );
  const fine = inngest.createFunction(
    { id: "fine", triggers: { event: "test/refused" } },
    async () => "ran",
  );
  return { inngest, functions: [accountScoped, fine] };
}
