import { db } from "@/lib/core/db";
import { describeFlowControl, type FlowSetting } from "../rules/describe-flow-control";

/** A registered function as the Jobs page lists it. */
export type JobFunctionRow = {
  id: string;
  name: string;
  /** Why the executor refuses to run it; null when it runs. */
  refusal: string | null;
  flow: FlowSetting[];
  /** Events its flow control (rate limit, singleton, idempotency) started no run for, last 24 h. */
  skipped24h: number;
};

/** Registered functions with their flow-control settings, refusals and skipped events. */
export async function listJobFunctions(): Promise<JobFunctionRow[]> {
  const since = new Date(Date.now() - 86_400_000);
  const [functions, skips] = await Promise.all([
    db.jobFunction.findMany({
      select: { id: true, name: true, refusal: true, config: true },
      orderBy: { name: "asc" },
    }),
    db.jobSkip.groupBy({
      by: ["functionId"],
      where: { createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const skipped = new Map(skips.map((s) => [s.functionId, s._count._all]));
  return functions.map((f) => ({
    id: f.id,
    name: f.name,
    refusal: f.refusal,
    flow: describeFlowControl(f.config),
    skipped24h: skipped.get(f.id) ?? 0,
  }));
}
