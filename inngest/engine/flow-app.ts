// The app side of the flow-control conformance tests: real Inngest functions
// declaring concurrency (number, array, env scope), throttle and priority. Step
// bodies record, on the app side, how many run at once and when each started.
import { Inngest } from "inngest";

/** Requests inside a step body right now, per group; and the most seen at once. */
export const active = new Map<string, number>();
export const maxActive = new Map<string, number>();
/** Step-body starts per function: { n, at } in start order. */
export const starts = new Map<string, { n: number; at: number }[]>();
/** Step bodies in the order they started, per group (`<mode>:<target>`). */
export const timeline = new Map<string, string[]>();

function mark(group: string, label: string): void {
  timeline.set(group, [...(timeline.get(group) ?? []), label]);
}

/** Gates a step body waits on until the test opens them. */
const gates = new Map<string, () => void>();
const gateWaits = new Map<string, Promise<void>>();

export function openGate(name: string): void {
  gates.get(name)?.();
}

function gate(name: string): Promise<void> {
  let p = gateWaits.get(name);
  if (!p) {
    p = new Promise<void>((r) => gates.set(name, r));
    gateWaits.set(name, p);
  }
  return p;
}

async function measured(groups: string[], ms: number): Promise<void> {
  for (const g of groups) {
    const n = (active.get(g) ?? 0) + 1;
    active.set(g, n);
    maxActive.set(g, Math.max(maxActive.get(g) ?? 0, n));
  }
  await new Promise((r) => setTimeout(r, ms));
  for (const g of groups) active.set(g, (active.get(g) ?? 1) - 1);
}

function recordStart(fn: string, n: number): void {
  starts.set(fn, [...(starts.get(fn) ?? []), { n, at: Date.now() }]);
}

export function createFlowApp() {
  const inngest = new Inngest({ id: "flow" });

  const concTwo = inngest.createFunction(
    { id: "conc-two", concurrency: 2, triggers: { event: "flow/conc-two" } },
    async ({ event, step }) => {
      await step.run("one", () => measured([`conc-two:${event.data.mode}`], 80));
      await step.run("two", () => measured([`conc-two:${event.data.mode}`], 40));
    },
  );

  const concArray = inngest.createFunction(
    {
      id: "conc-array",
      concurrency: [{ limit: 3 }, { limit: 1, key: "event.data.user" }],
      triggers: { event: "flow/conc-array" },
    },
    async ({ event, step }) => {
      const m = event.data.mode;
      await step.run("work", () => measured([`arr:${m}`, `arr:${m}:${event.data.user}`], 80));
    },
  );

  // Two functions sharing one key across the environment: one of them at a time per target.
  const envShared = (id: string) =>
    inngest.createFunction(
      {
        id,
        concurrency: { limit: 1, key: '"target-" + event.data.target', scope: "env" },
        triggers: { event: `flow/${id}` },
      },
      async ({ event, step }) => {
        await step.run("sync", () => {
          mark(`${event.data.mode}:${event.data.target}`, id);
          return measured([`env:${event.data.mode}:${event.data.target}`], 60);
        });
      },
    );

  // A run of several steps under the same env key (a full sync: its steps are several requests).
  const envSteps = inngest.createFunction(
    {
      id: "env-full-steps",
      concurrency: { limit: 1, key: '"target-" + event.data.target', scope: "env" },
      triggers: { event: "flow/env-full-steps" },
    },
    async ({ event, step }) => {
      const g = `${event.data.mode}:${event.data.target}`;
      await step.run("one", async () => {
        mark(g, "full:one");
        await gate(event.data.gate);
      });
      await step.run("two", () => mark(g, "full:two"));
      await step.run("three", () => mark(g, "full:three"));
    },
  );

  const throttled = inngest.createFunction(
    {
      id: "throttled",
      throttle: { limit: 2, period: "2s", burst: 1, key: "event.data.mode" },
      triggers: { event: "flow/throttled" },
    },
    async ({ event, step }) => {
      await step.run("start", () => recordStart(`throttled:${event.data.mode}`, event.data.n));
    },
  );

  const prioritized = inngest.createFunction(
    {
      id: "prioritized",
      concurrency: { limit: 1, key: "event.data.mode" },
      priority: { run: "event.data.p" },
      triggers: { event: "flow/prioritized" },
    },
    async ({ event, step }) => {
      await step.run("start", async () => {
        recordStart(`prio:${event.data.mode}`, event.data.n);
        if (event.data.gate) await gate(event.data.gate);
      });
    },
  );

  return {
    inngest,
    functions: [
      concTwo,
      concArray,
      envShared("env-full"),
      envShared("env-incremental"),
      envSteps,
      throttled,
      prioritized,
    ],
  };
}
