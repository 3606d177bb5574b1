import { z } from "zod";
import { withApi } from "@/lib/core/api/with-api";
import { listOrgUnits } from "@/lib/org/queries/list-org-units";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  // A unit code from a previous page's nextCursor; HR codes are short.
  cursor: z.string().max(256, "cursor must be at most 256 characters").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /api/v1/org-units — the HR directory's org units as OrgBridge holds them (scope `read`). */
export const GET = withApi({ kind: "token", scope: "read" }, async ({ request }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listOrgUnits(query);
});
