import { inngest } from "../client";
import { drainDueDeliveries } from "@/lib/callbacks/engine/drain-due-deliveries";

/**
 * Every minute: sends due callback deliveries for up to 50 s (lib/callbacks/engine/README.md).
 * Where a delivery worker process runs, it only picks up what that worker left overdue; on
 * Inngest Cloud without one, this is the delivery path. Claims are leased and SKIP LOCKED, so
 * it never sends what a worker holds.
 */
export const callbackDrain = inngest.createFunction(
  {
    id: "callback-drain",
    name: "Send due callback deliveries",
    retries: 2,
    concurrency: { limit: 1 },
    triggers: [{ cron: "* * * * *" }],
  },
  async ({ step }) => step.run("drain", () => drainDueDeliveries()),
);
