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
  async (input, { actor }) => {
    const { endpoint, secret } = await createEndpoint(actor, input);
    revalidatePath("/callbacks");
    return { id: endpoint.id, secret };
  },
);

export const updateEndpointAction = areaAction(
  "callbacks",
  endpointInputSchema.extend({ id }),
  async ({ id, ...input }, { actor }) => {
    const endpoint = await updateEndpoint(actor, id, input);
    revalidatePath("/callbacks");
    return { id: endpoint.id };
  },
);

export const setEndpointEnabledAction = areaAction(
  "callbacks",
  z.object({ id, enabled: z.boolean() }),
  async ({ id, enabled }, { actor }) => {
    const endpoint = await setEndpointEnabled(actor, id, enabled);
    revalidatePath("/callbacks");
    return { id: endpoint.id, enabled: endpoint.enabled };
  },
);

export const rotateEndpointSecretAction = areaAction(
  "callbacks",
  rotateSecretSchema.extend({ id }),
  async ({ id, overlapHours }, { actor }) => {
    const { secret, previousSecretExpiresAt } = await rotateEndpointSecret(actor, id, {
      overlapHours,
    });
    revalidatePath(`/callbacks/${id}`);
    return { secret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
  },
);

export const deleteEndpointAction = areaAction(
  "callbacks",
  z.object({ id }),
  async ({ id }, { actor }) => {
    await deleteEndpoint(actor, id);
    revalidatePath("/callbacks");
    return { id };
  },
);

export const setNetworkPolicyAction = areaAction(
  "callbacks",
  callbackNetworkPolicySchema,
  async (input, { actor }) => {
    const policy = await setCallbackNetworkPolicy(actor, input);
    revalidatePath("/callbacks");
    return policy;
  },
);

export const setAutoDisableHoursAction = areaAction(
  "callbacks",
  callbackAutoDisableSchema,
  async (input, { actor }) => {
    const hours = await setCallbackAutoDisableHours(actor, input);
    revalidatePath("/callbacks");
    return { hours };
  },
);

export const sendTestEventAction = areaAction(
  "callbacks",
  z.object({ id }),
  async ({ id }, { actor }) => {
    const { eventId } = await sendTestEvent(actor, id);
    revalidatePath(`/callbacks/${id}`);
    return { eventId };
  },
);

export const resendDeliveryAction = areaAction(
  "callbacks",
  z.object({ deliveryId: id }),
  async ({ deliveryId }, { actor }) => {
    await resendDelivery(actor, deliveryId);
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
  async ({ endpointId, since }, { actor }) => {
    const { count } = await replayFailedSince(actor, endpointId, new Date(since));
    revalidatePath(`/callbacks/${endpointId}`);
    return { count };
  },
);
