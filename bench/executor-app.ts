// Child process for bench/executor.ts: the app side (real SDK serve handler) with a 3-step function.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";

const inngest = new Inngest({ id: "bench" });
const threeSteps = inngest.createFunction({ id: "three-steps", triggers: { event: "bench/go" } }, async ({ event, step }) => {
  const a = await step.run("a", () => Number(event.data.n) + 1);
  const b = await step.run("b", () => a * 2);
  const c = await step.run("c", () => b + 1);
  return { c };
});

// The same three steps, each waiting 20 ms on "I/O", under a concurrency limit per key (BENCH_LIMIT, default 5).
const limited = inngest.createFunction(
  { id: "limited-steps", concurrency: { limit: Number(process.env.BENCH_LIMIT ?? 5), key: "event.data.key" }, triggers: { event: "bench/limited" } },
  async ({ event, step }) => {
    const io = <T,>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 20));
    const a = await step.run("a", () => io(Number(event.data.n) + 1));
    const b = await step.run("b", () => io(a * 2));
    const c = await step.run("c", () => io(b + 1));
    return { c };
  },
);

const server = createServer(serve({ client: inngest, functions: [threeSteps, limited] }));
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
