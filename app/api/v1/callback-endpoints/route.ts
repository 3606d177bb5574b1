import {
  createEndpointOperation,
  listEndpointsOperation,
} from "@/lib/callbacks/callbacks-api-operations";
import { createEndpoint } from "@/lib/callbacks/commands/endpoints";
import { listEndpoints } from "@/lib/callbacks/queries/list-endpoints";
import { apiRoute, reply } from "@/lib/core/api/api-route";
import { pageAfter } from "@/lib/core/api/rules/page-after";

export const dynamic = "force-dynamic";

/** GET /api/v1/callback-endpoints — see listEndpointsOperation (a company has tens at most). */
export const GET = apiRoute(listEndpointsOperation, async ({ query }) =>
  pageAfter(await listEndpoints(), query.cursor, query.limit),
);

/** POST /api/v1/callback-endpoints — see createEndpointOperation. */
export const POST = apiRoute(createEndpointOperation, async ({ input, actor }) => {
  const created = await createEndpoint(input, { actor });
  return reply(201, created, { location: `/api/v1/callback-endpoints/${created.endpoint.id}` });
});
