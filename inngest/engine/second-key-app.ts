// The app side of second-key.int.test.ts: a function under two concurrency limits (its own, per
// test mode, and an env key) and one under the env key only. Step bodies wait on gates the test opens, and
// record when they started and how many run at once per key.
import { Inngest } from "inngest";

/** When each run's step body started (by `event.data.name`). */
export const started = new Map<string, number>();
/** Step bodies in flight per key, and the most seen at once. */
export const inFlight = new Map<string, number>();
export const maxInFlight = new Map<string, number>();

const gates = new Map<string, { open: () => void; opened: Promise<void> }>();

function gate(name: string) {
  let g = gates.get(name);
  if (!g) {
    let open = () => {};
    const opened = new Promise<void>((r) => (open = r));
    g = { open, opened };
    gates.set(name, g);
  }
  return g;
}

export function openGate(name: string): void {
  gate(name).open();
}

async function body(keys: string[], name: string): Promise<void> {
  started.set(name, Date.now());
  for (const k of keys) {
    inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
    maxInFlight.set(k, Math.max(maxInFlight.get(k) ?? 0, inFlight.get(k)!));
  }
  await gate(name).opened;
  for (const k of keys) inFlight.set(k, inFlight.get(k)! - 1);
}

export function createSecondKeyApp() {
  const inngest = new Inngest({ id: "second-key" });
  const envKey = { limit: 2, key: '"sk-" + event.data.mode', scope: "env" as const };

  const both = inngest.createFunction(
    {
      id: "sk-both",
      concurrency: [{ limit: 1, key: "event.data.mode" }, envKey],
      triggers: { event: "sk/both" },
    },
    async ({ event, step }) => {
      const m = event.data.mode;
      await step.run("work", () => body([`fn:${m}`, `env:${m}`], event.data.name));
    },
  );
  const envOnly = inngest.createFunction(
    { id: "sk-env", concurrency: envKey, triggers: { event: "sk/env" } },
    async ({ event, step }) => {
      await step.run("work", () => body([`env:${event.data.mode}`], event.data.name));
    },
  );
  return { inngest, functions: [both, envOnly] };
}
