"use server";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendEvent } from "@/inngest/client";
import { rerunRun } from "@/inngest/engine";
import { areaAction } from "@/lib/core/action";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";

export const sendTestEventAction = areaAction("jobs", z.object({}), async (_input, { actor }) => {
  const id = randomUUID();
  await sendEvent("system/ping.requested", { requestedBy: actor.name ?? actor.id }, id);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "job.test_event_sent",
      targetType: "event",
      targetId: id,
      after: { name: "system/ping.requested" },
    }),
  );
  return { eventId: id };
});

export const rerunJobAction = areaAction(
  "jobs",
  z.object({ runId: z.string().min(1) }),
  async ({ runId }, { actor }) => {
    if (process.env.ORGBRIDGE_EMBEDDED_EXECUTOR !== "1") {
      throw new AppError(
        409,
        "external_inngest",
        "Runs are executed by an external Inngest; rerun them from its dashboard.",
      );
    }
    const newRunId = await rerunRun(runId);
    await db.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "job.rerun",
        targetType: "job_run",
        targetId: runId,
        after: { newRunId },
      }),
    );
    revalidatePath("/jobs");
    return { runId: newRunId };
  },
);
