"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { rerunJob } from "@/lib/jobs/commands/rerun-job";
import { sendTestEvent } from "@/lib/jobs/commands/send-test-event";

export const sendTestEventAction = areaAction("jobs", z.object({}), (_input, { actor }) =>
  sendTestEvent(actor),
);

export const rerunJobAction = areaAction(
  "jobs",
  z.object({ runId: z.string().min(1) }),
  async ({ runId }, { actor }) => {
    const result = await rerunJob(runId, actor);
    revalidatePath("/jobs");
    return result;
  },
);
