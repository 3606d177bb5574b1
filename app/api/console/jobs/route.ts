import { withApi } from "@/lib/core/api/with-api";
import { listRuns, runFilterSchema } from "@/lib/jobs/queries/list-runs";

export const dynamic = "force-dynamic";

/** GET /api/console/jobs — the job-runs list the console polls (IT admins). */
export const GET = withApi({ kind: "session", area: "jobs" }, async ({ request }) => {
  return listRuns(runFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
});
