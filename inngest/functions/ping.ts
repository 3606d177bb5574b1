import { inngest } from "../client";
import { checkSystem } from "@/lib/jobs/engine/check-system";

/** "Send test event" in the console: proves the whole path app → executor → function → database. */
export const ping = inngest.createFunction(
  {
    id: "system-ping",
    name: "System ping",
    retries: 2,
    triggers: [{ event: "system/ping.requested" }],
  },
  async ({ event, step }) => {
    const received = await step.run("acknowledge", () => ({
      by: event.data.requestedBy,
      at: new Date().toISOString(),
    }));
    const system = await step.run("check-database", () => checkSystem());
    const summary = await step.run(
      "summarise",
      () =>
        `${system.orgUnits} org units, ${system.employeesApproximate ? "about " : ""}${system.employees} employees, ${system.openConflicts} open conflicts`,
    );
    return { received, summary };
  },
);
