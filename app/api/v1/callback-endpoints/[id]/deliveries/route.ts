import { listDeliveriesOperation } from "@/lib/callbacks/callbacks-api-operations";
import { getEndpoint } from "@/lib/callbacks/queries/get-endpoint";
import { listDeliveries } from "@/lib/callbacks/queries/list-deliveries";
import { apiRoute } from "@/lib/core/api/api-route";
import { notFound } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/callback-endpoints/{id}/deliveries — see listDeliveriesOperation. */
export const GET = apiRoute(listDeliveriesOperation, async ({ params, query }) => {
  if (!(await getEndpoint(params.id))) throw notFound("Endpoint");
  const page = await listDeliveries(
    params.id,
    {
      status: query.status,
      type: query.type as Parameters<typeof listDeliveries>[1]["type"],
      page: 1,
      cursor: query.cursor ?? "",
    },
    query.limit,
  );
  return { items: page.rows, nextCursor: page.nextCursor, total: page.total };
});
