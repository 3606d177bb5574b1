import { inngest } from "../client";
import { sweepStalledDeliveries } from "@/lib/callbacks/engine/dispatch-deliveries";

/**
 * Every 5 minutes: restarts callback deliveries whose run is gone (a send lost after commit,
 * a parked delivery whose re-enable dispatch failed). Overdue by 10 minutes counts as gone.
 */
export const callbackSweep = inngest.createFunction(
  {
    id: "callback-sweep",
    name: "Restart stalled callback deliveries",
    retries: 2,
    concurrency: { limit: 1 },
    triggers: [{ cron: "*/5 * * * *" }],
  },
  async ({ step }) => step.run("sweep", () => sweepStalledDeliveries()),
);
