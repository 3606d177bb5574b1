import { inngest } from "../client";
import { drainDueDeliveries } from "@/lib/callbacks/engine/drain-due-deliveries";

/**
 * Every minute: sends due callback deliveries for up to 50 s (lib/callbacks/engine/README.md).
 * Where a delivery worker process runs, it only picks up what that worker left overdue; on
 * Inngest Cloud without one, this is the delivery path. Claims are leased and SKIP LOCKED, so
 * it never sends what a worker holds. A tick that finds the previous drain still running is skipped
 * (singleton): that drain is already sending everything due, and queued ticks would only pile up
 * behind a slow one (concurrency 1 queued them; it also let two drains' requests alternate).
 */
export const callbackDrain = inngest.createFunction(
  {
    id: "callback-drain",
    name: "Send due callback deliveries",
    retries: 2,
    singleton: { mode: "skip" },
    triggers: [{ cron: "* * * * *" }],
  },
  async ({ step }) => step.run("drain", () => drainDueDeliveries()),
);
