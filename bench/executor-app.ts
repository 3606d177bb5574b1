// Child process for bench/executor.ts: the app side (real SDK serve handler)
// with a one-step and a three-step function.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { checkpointing } from "../inngest/client";

// The product's checkpointing setting (inngest/client.ts); BENCH_BUFFERED_STEPS=1 reports every
// step as it finishes (the SDK's default), for comparison.
const buffered = Number(process.env.BENCH_BUFFERED_STEPS ?? checkpointing.bufferedSteps);
const inngest = new Inngest({
  id: "bench",
  checkpointing: { ...checkpointing, bufferedSteps: buffered },
});
const oneStep = inngest.createFunction(
  { id: "one-step", triggers: { event: "bench/one" } },
  async ({ event, step }) => step.run("a", () => Number(event.data.n) + 1),
);
const threeSteps = inngest.createFunction(
  { id: "three-steps", triggers: { event: "bench/three" } },
  async ({ event, step }) => {
    const a = await step.run("a", () => Number(event.data.n) + 1);
    const b = await step.run("b", () => a * 2);
    const c = await step.run("c", () => b + 1);
    return { c };
  },
);

const server = createServer(serve({ client: inngest, functions: [oneStep, threeSteps] }));
server.keepAliveTimeout = 65_000;
// Exit on request rather than by signal, so --cpu-prof gets to write its profile.
process.on("message", (m) => {
  if (m === "exit") process.exit(0);
});
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
