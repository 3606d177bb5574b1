import { testEndpointOperation } from "@/lib/callbacks/callbacks-api-operations";
import { sendTestEvent } from "@/lib/callbacks/commands/send-test-event";
import { apiRoute, reply } from "@/lib/core/api/api-route";

export const dynamic = "force-dynamic";

/** POST /api/v1/callback-endpoints/{id}/test — see testEndpointOperation. */
export const POST = apiRoute(testEndpointOperation, async ({ params, actor }) =>
  reply(202, await sendTestEvent({ endpointId: params.id }, { actor })),
);
