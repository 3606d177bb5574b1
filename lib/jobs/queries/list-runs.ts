import { z } from "zod";
import { db } from "@/lib/core/db";
import { RUN_STATUSES, type RunRow } from "../rules/run-statuses";

export { RUN_STATUSES, type RunRow };

export const runFilterSchema = z.object({
  // Empty form values mean "any".
  function: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  status: z
    .enum([...RUN_STATUSES, ""])
    .optional()
    .transform((v) => v || undefined),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunFilter = z.output<typeof runFilterSchema>;

/** Recent job runs for the console, newest first, as plain JSON (the list polls it). */
export async function listRuns(
  filter: RunFilter,
): Promise<{ runs: RunRow[]; functions: { id: string; name: string }[] }> {
  const [runs, functions] = await Promise.all([
    db.jobRun.findMany({
      where: { functionId: filter.function, status: filter.status },
      orderBy: { startedAt: "desc" },
      take: filter.limit,
      include: { _count: { select: { steps: true } } },
    }),
    db.jobFunction.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const names = new Map(functions.map((f) => [f.id, f.name]));
  return {
    functions,
    runs: runs.map((r) => ({
      id: r.id,
      functionId: r.functionId,
      functionName: names.get(r.functionId) ?? r.functionId,
      eventName: r.eventName,
      status: r.status,
      attempt: r.attempt,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      durationMs: r.endedAt ? r.endedAt.getTime() - r.startedAt.getTime() : null,
      steps: r._count.steps,
      rerunOf: r.rerunOf,
      waitReason: r.status === "QUEUED" ? r.waitReason : null,
      waitUntil: r.status === "QUEUED" ? (r.waitUntil?.toISOString() ?? null) : null,
    })),
  };
}
