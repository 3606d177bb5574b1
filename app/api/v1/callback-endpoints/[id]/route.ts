import {
  deleteEndpointOperation,
  getEndpointOperation,
  updateEndpointOperation,
} from "@/lib/callbacks/callbacks-api-operations";
import { deleteEndpoint, updateEndpoint } from "@/lib/callbacks/commands/endpoints";
import { getEndpoint } from "@/lib/callbacks/queries/get-endpoint";
import { apiRoute, reply } from "@/lib/core/api/api-route";
import { notFound } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/callback-endpoints/{id} — see getEndpointOperation. */
export const GET = apiRoute(getEndpointOperation, async ({ params }) => {
  const endpoint = await getEndpoint(params.id);
  if (!endpoint) throw notFound("Endpoint");
  return endpoint;
});

/** PUT /api/v1/callback-endpoints/{id} — see updateEndpointOperation. */
export const PUT = apiRoute(updateEndpointOperation, async ({ params, input, actor }) =>
  updateEndpoint({ ...input, id: params.id }, { actor }),
);

/** DELETE /api/v1/callback-endpoints/{id} — see deleteEndpointOperation. */
export const DELETE = apiRoute(deleteEndpointOperation, async ({ params, actor }) => {
  await deleteEndpoint({ id: params.id }, { actor });
  return reply(204, null);
});
