import { rerunRun } from "@/inngest/engine";
import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { envSection } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";

/** Starts a new run of the same function and event; only the embedded executor takes this request. */
export async function rerunJob(runId: string, actor: Actor): Promise<{ runId: string }> {
  const jobs = envSection("jobs");
  if (!jobs.ORGBRIDGE_EMBEDDED_EXECUTOR) {
    throw new AppError(
      409,
      "external_inngest",
      "Runs are executed by an external Inngest; rerun them from its dashboard.",
    );
  }
  const newRunId = await rerunRun(runId, {
    baseUrl: jobs.INNGEST_BASE_URL,
    signingKey: jobs.INNGEST_SIGNING_KEY,
  });
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "job.rerun",
      targetType: "job_run",
      targetId: runId,
      after: { newRunId },
    }),
  );
  return { runId: newRunId };
}
