import { replayEndpointOperation } from "@/lib/callbacks/callbacks-api-operations";
import { replayFailedSince } from "@/lib/callbacks/commands/replay";
import { apiRoute, reply } from "@/lib/core/api/api-route";

export const dynamic = "force-dynamic";

/** POST /api/v1/callback-endpoints/{id}/replay — see replayEndpointOperation. */
export const POST = apiRoute(replayEndpointOperation, async ({ params, input, actor }) =>
  reply(
    202,
    await replayFailedSince({ endpointId: params.id, since: new Date(input.since) }, { actor }),
  ),
);
