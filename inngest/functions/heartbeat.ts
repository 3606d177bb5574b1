import { inngest } from "../client";

/**
 * The smallest diagnostic run: one step, no database. It proves the executor → app → step path
 * alone (`system-ping` adds the database), and is what the executor bench measures as a
 * one-step run.
 */
export const heartbeat = inngest.createFunction(
  {
    id: "system-heartbeat",
    name: "System heartbeat",
    retries: 2,
    triggers: [{ event: "system/heartbeat.requested" }],
  },
  async ({ event, step }) =>
    step.run("acknowledge", () => ({
      by: event.data.requestedBy,
      at: new Date().toISOString(),
    })),
);
