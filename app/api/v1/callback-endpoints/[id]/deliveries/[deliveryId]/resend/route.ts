import { resendDeliveryOperation } from "@/lib/callbacks/callbacks-api-operations";
import { resendDelivery } from "@/lib/callbacks/commands/replay";
import { getDelivery } from "@/lib/callbacks/queries/get-delivery";
import { apiRoute, reply } from "@/lib/core/api/api-route";
import { notFound } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/** POST /api/v1/callback-endpoints/{id}/deliveries/{deliveryId}/resend — see resendDeliveryOperation. */
export const POST = apiRoute(resendDeliveryOperation, async ({ params, actor }) => {
  // The delivery must be this endpoint's: the path names both.
  if (!(await getDelivery(params.id, params.deliveryId))) throw notFound("Delivery");
  return reply(202, await resendDelivery({ deliveryId: params.deliveryId }, { actor }));
});
