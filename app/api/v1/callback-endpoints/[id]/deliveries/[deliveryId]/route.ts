import { getDeliveryOperation } from "@/lib/callbacks/callbacks-api-operations";
import { getDelivery } from "@/lib/callbacks/queries/get-delivery";
import { apiRoute } from "@/lib/core/api/api-route";
import { notFound } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/callback-endpoints/{id}/deliveries/{deliveryId} — see getDeliveryOperation. */
export const GET = apiRoute(getDeliveryOperation, async ({ params }) => {
  const delivery = await getDelivery(params.id, params.deliveryId);
  if (!delivery) throw notFound("Delivery");
  return delivery;
});
