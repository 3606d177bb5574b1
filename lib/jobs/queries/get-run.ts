import { db } from "@/lib/core/db";

/** One run with its steps in execution order and its trigger event(s). */
export async function getRun(id: string) {
  const run = await db.jobRun.findUnique({
    where: { id },
    include: {
      steps: { orderBy: [{ seq: { sort: "asc", nulls: "last" } }, { startedAt: "asc" }] },
    },
  });
  if (!run) return null;
  const fn = await db.jobFunction.findUnique({
    where: { id: run.functionId },
    select: { name: true },
  });
  return { ...run, functionName: fn?.name ?? run.functionId };
}
