import { z } from "zod";
import { defineOperation, isoDateTime, pageOf, pageQuery } from "@/lib/core/api/api-operation";
import { DELIVERY_STATUSES } from "./callback-console-schemas";
import { endpointInputSchema } from "./endpoint-input-schema";
import { callbackEventTypes } from "./rules/event-catalogue";

const TAG = "Callback endpoints";
const idParams = z.object({ id: z.string().min(1).max(64) });

const endpoint = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledKind: z.string().nullable(),
  disabledReason: z.string().nullable(),
  rateLimitPerSecond: z.number().int().nullable(),
  headerNames: z.array(z.string()).meta({ description: "Custom header values are write-only." }),
  maxRetries: z.number().int(),
  retrySchedule: z.string(),
  allowPrivate: z.boolean(),
  failingSince: isoDateTime.nullable(),
  previousSecretExpiresAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const endpointSummary = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledKind: z.string().nullable(),
  failingSince: isoDateTime.nullable(),
  succeeded24h: z.number().int(),
  failed24h: z.number().int(),
  createdAt: isoDateTime,
});

const endpointExample = {
  name: "OA learning sync",
  url: "https://oa.example.com/hooks/orgbridge",
  eventTypes: ["employee.provisioned", "learning.exam.passed"],
  maxRetries: 3,
};

export const listEndpointsOperation = defineOperation({
  operationId: "listCallbackEndpoints",
  method: "GET",
  path: "/callback-endpoints",
  tag: TAG,
  summary: "Callback endpoints with their last-24-hour counts",
  scope: "callbacks:read",
  query: pageQuery,
  responses: { 200: { description: "A page of endpoints.", schema: pageOf(endpointSummary) } },
});

export const createEndpointOperation = defineOperation({
  operationId: "createCallbackEndpoint",
  method: "POST",
  path: "/callback-endpoints",
  tag: TAG,
  summary: "Create a callback endpoint; its signing secret is answered once",
  description:
    "The URL passes the SSRF guard (DNS resolved, private networks only when allowPrivate).",
  scope: "callbacks:write",
  body: endpointInputSchema,
  responses: {
    201: {
      description: "Created; keep the secret — it is never shown again.",
      schema: z.object({ endpoint, secret: z.string() }),
    },
  },
  errors: [409],
  example: { request: endpointExample },
});

export const getEndpointOperation = defineOperation({
  operationId: "getCallbackEndpoint",
  method: "GET",
  path: "/callback-endpoints/{id}",
  tag: TAG,
  summary: "One callback endpoint",
  scope: "callbacks:read",
  params: idParams,
  responses: {
    200: {
      description: "The endpoint.",
      schema: endpoint.omit({ previousSecretExpiresAt: true }).extend({
        previousSecretExpiresAt: isoDateTime.nullable(),
        previousSecretActive: z.boolean(),
      }),
    },
  },
  errors: [404],
});

export const updateEndpointOperation = defineOperation({
  operationId: "updateCallbackEndpoint",
  method: "PUT",
  path: "/callback-endpoints/{id}",
  tag: TAG,
  summary: "Replace a callback endpoint's settings (not its secret)",
  description: "Header values left empty keep the stored value; headers left out are removed.",
  scope: "callbacks:write",
  params: idParams,
  body: endpointInputSchema,
  responses: { 200: { description: "The endpoint as saved.", schema: endpoint } },
  errors: [404, 409],
  example: { request: endpointExample },
});

export const deleteEndpointOperation = defineOperation({
  operationId: "deleteCallbackEndpoint",
  method: "DELETE",
  path: "/callback-endpoints/{id}",
  tag: TAG,
  summary: "Delete a callback endpoint with its deliveries",
  scope: "callbacks:write",
  params: idParams,
  responses: { 204: { description: "Deleted." } },
  errors: [404],
});

export const testEndpointOperation = defineOperation({
  operationId: "testCallbackEndpoint",
  method: "POST",
  path: "/callback-endpoints/{id}/test",
  tag: TAG,
  summary: "Send a webhook.test event to this endpoint only",
  scope: "callbacks:write",
  params: idParams,
  responses: {
    202: {
      description: "Sent for delivery.",
      schema: z.object({ eventId: z.string(), deliveryId: z.string() }),
    },
  },
  errors: [404],
});

export const replayEndpointOperation = defineOperation({
  operationId: "replayCallbackEndpoint",
  method: "POST",
  path: "/callback-endpoints/{id}/replay",
  tag: TAG,
  summary: "Send again every dead-lettered delivery since a moment (at most 5000)",
  scope: "callbacks:write",
  params: idParams,
  body: z.object({
    since: z.iso.datetime({ offset: true, error: "since must be an ISO 8601 date-time" }),
  }),
  responses: {
    202: { description: "Restarted.", schema: z.object({ count: z.number().int() }) },
  },
  errors: [404],
  example: { request: { since: "2026-07-01T00:00:00Z" } },
});

const delivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});

export const listDeliveriesOperation = defineOperation({
  operationId: "listDeliveries",
  method: "GET",
  path: "/callback-endpoints/{id}/deliveries",
  tag: "Deliveries",
  summary: "An endpoint's deliveries, newest first",
  scope: "callbacks:read",
  params: idParams,
  query: pageQuery.extend({
    status: z.enum(DELIVERY_STATUSES).optional(),
    type: z.enum(callbackEventTypes as [string, ...string[]]).optional(),
  }),
  responses: {
    200: {
      description: "A page of deliveries.",
      schema: pageOf(delivery).extend({ total: z.number().int() }),
    },
  },
  errors: [404],
  example: { query: "?status=DEAD" },
});

const deliveryParams = z.object({
  id: z.string().min(1).max(64),
  deliveryId: z.string().min(1).max(64),
});

export const getDeliveryOperation = defineOperation({
  operationId: "getDelivery",
  method: "GET",
  path: "/callback-endpoints/{id}/deliveries/{deliveryId}",
  tag: "Deliveries",
  summary: "One delivery with its event and every attempt",
  scope: "callbacks:read",
  params: deliveryParams,
  responses: {
    200: {
      description: "The delivery.",
      schema: z.object({
        id: z.string(),
        endpointId: z.string(),
        status: z.enum(DELIVERY_STATUSES),
        attemptCount: z.number().int(),
        lastStatusCode: z.number().int().nullable(),
        nextAttemptAt: isoDateTime.nullable(),
        createdAt: isoDateTime,
        completedAt: isoDateTime.nullable(),
        event: z.object({
          id: z.string(),
          type: z.string(),
          data: z.unknown(),
          source: z.string(),
          occurredAt: isoDateTime,
        }),
        attempts: z.array(
          z.object({
            id: z.string(),
            attempt: z.number().int(),
            requestHeaders: z.record(z.string(), z.string()),
            statusCode: z.number().int().nullable(),
            responseHeaders: z.record(z.string(), z.string()).nullable(),
            responseExcerpt: z.string().nullable(),
            error: z.string().nullable(),
            latencyMs: z.number().int().nullable(),
            createdAt: isoDateTime,
          }),
        ),
      }),
    },
  },
  errors: [404],
});

export const resendDeliveryOperation = defineOperation({
  operationId: "resendDelivery",
  method: "POST",
  path: "/callback-endpoints/{id}/deliveries/{deliveryId}/resend",
  tag: "Deliveries",
  summary: "Send one finished delivery again",
  scope: "callbacks:write",
  params: deliveryParams,
  responses: {
    202: { description: "Restarted.", schema: z.object({ deliveryId: z.string() }) },
  },
  errors: [404],
});
