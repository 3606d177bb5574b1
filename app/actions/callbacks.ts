"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import {
  setCallbackAutoDisableHours,
  setCallbackNetworkPolicy,
} from "@/lib/callbacks/commands/allow-list";
import { endpointInputSchema, rotateSecretSchema } from "@/lib/callbacks/endpoint-input-schema";
import {
  createEndpoint,
  deleteEndpoint,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
} from "@/lib/callbacks/commands/endpoints";
import {
  callbackAutoDisableSchema,
  callbackNetworkPolicySchema,
} from "@/lib/callbacks/network-policy-schema";
import { replayFailedSince, resendDelivery } from "@/lib/callbacks/commands/replay";
import { sendTestEvent } from "@/lib/callbacks/commands/send-test-event";

const id = z.string().min(1);

export const createEndpointAction = areaAction(
  "callbacks",
  endpointInputSchema,
  async (input, ctx) => {
    const { endpoint, secret } = await createEndpoint(input, ctx);
    revalidatePath("/callbacks");
    return { id: endpoint.id, secret };
  },
);

export const updateEndpointAction = areaAction(
  "callbacks",
  endpointInputSchema.extend({ id }),
  async (input, ctx) => {
    const endpoint = await updateEndpoint(input, ctx);
    revalidatePath("/callbacks");
    return { id: endpoint.id };
  },
);

export const setEndpointEnabledAction = areaAction(
  "callbacks",
  z.object({ id, enabled: z.boolean() }),
  async (input, ctx) => {
    const endpoint = await setEndpointEnabled(input, ctx);
    revalidatePath("/callbacks");
    return { id: endpoint.id, enabled: endpoint.enabled };
  },
);

export const rotateEndpointSecretAction = areaAction(
  "callbacks",
  rotateSecretSchema.extend({ id }),
  async ({ id, overlapHours }, ctx) => {
    const { secret, previousSecretExpiresAt } = await rotateEndpointSecret(
      { id, overlapHours },
      ctx,
    );
    revalidatePath(`/callbacks/${id}`);
    return { secret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
  },
);

export const deleteEndpointAction = areaAction(
  "callbacks",
  z.object({ id }),
  async ({ id }, ctx) => {
    await deleteEndpoint({ id }, ctx);
    revalidatePath("/callbacks");
    return { id };
  },
);

export const setNetworkPolicyAction = areaAction(
  "callbacks",
  callbackNetworkPolicySchema,
  async (input, ctx) => {
    const policy = await setCallbackNetworkPolicy(input, ctx);
    revalidatePath("/callbacks");
    return policy;
  },
);

export const setAutoDisableHoursAction = areaAction(
  "callbacks",
  callbackAutoDisableSchema,
  async (input, ctx) => {
    const hours = await setCallbackAutoDisableHours(input, ctx);
    revalidatePath("/callbacks");
    return { hours };
  },
);

export const sendTestEventAction = areaAction(
  "callbacks",
  z.object({ id }),
  async ({ id }, ctx) => {
    const { eventId } = await sendTestEvent({ endpointId: id }, ctx);
    revalidatePath(`/callbacks/${id}`);
    return { eventId };
  },
);

export const resendDeliveryAction = areaAction(
  "callbacks",
  z.object({ deliveryId: id }),
  async ({ deliveryId }, ctx) => {
    await resendDelivery({ deliveryId }, ctx);
    revalidatePath("/callbacks");
    return { deliveryId };
  },
);

export const replayFailedSinceAction = areaAction(
  "callbacks",
  z.object({
    endpointId: id,
    since: z.iso.datetime({ offset: true, error: "since must be a date and time" }),
  }),
  async ({ endpointId, since }, ctx) => {
    const { count } = await replayFailedSince({ endpointId, since: new Date(since) }, ctx);
    revalidatePath(`/callbacks/${endpointId}`);
    return { count };
  },
);
