import { z } from "zod";
import { defineOperation, isoDateTime } from "@/lib/core/api/api-operation";
import { notificationInputSchemaFor } from "./notification-input-schema";

// The IM target decides the real body limit (createNotification checks the live one); the spec
// shows the largest any supported platform takes.
const DOCUMENTED_MAX_BODY_BYTES = 4096;

export const createNotificationOperation = defineOperation({
  operationId: "createNotification",
  method: "POST",
  path: "/notifications",
  tag: "Notifications",
  summary: "Send a notification over the IM",
  description:
    "202 with the new notification; with a known Idempotency-Key header, 200 with the original. Bad input → 422 naming the field (category, recipients, body, …).",
  scope: "notifications:write",
  body: notificationInputSchemaFor(DOCUMENTED_MAX_BODY_BYTES),
  bodyValidatedBy: "handler",
  responses: {
    202: { description: "Accepted for dispatch.", schema: notificationAccepted() },
    200: { description: "A repeat of an Idempotency-Key.", schema: notificationAccepted() },
  },
  errors: [400, 413],
  example: {
    request: {
      category: "system-change",
      recipients: { employeeNos: ["E1001"] },
      title: "VPN maintenance tonight",
      body: "The VPN is down 22:00–23:00.",
    },
  },
});

function notificationAccepted() {
  return z.object({
    id: z.string(),
    status: z.string(),
    categoryVersion: z.number().int(),
    recipientCount: z.number().int(),
    createdAt: isoDateTime,
    replayed: z.boolean(),
    unknownEmployeeNos: z.array(z.string()),
    unknownOrgUnits: z.array(z.string()),
    inactiveEmployeeNos: z.array(z.string()),
  });
}

export const getNotificationOperation = defineOperation({
  operationId: "getNotification",
  method: "GET",
  path: "/notifications/{id}",
  tag: "Notifications",
  summary: "A notification's status and its deliveries by outcome",
  description: "Only the credential that sent it sees it; another's is 404.",
  scope: "notifications:write",
  params: z.object({ id: z.string().min(1).max(64) }),
  responses: {
    200: {
      description: "Status and delivery counts.",
      schema: z.object({
        id: z.string(),
        category: z.string(),
        categoryVersion: z.number().int(),
        title: z.string(),
        status: z.enum(["QUEUED", "DISPATCHING", "COMPLETED", "FAILED"]),
        recipientCount: z.number().int(),
        createdAt: isoDateTime,
        completedAt: isoDateTime.nullable(),
        counts: z.object({
          queued: z.number().int(),
          deferred: z.number().int(),
          sent: z.number().int(),
          suppressed: z.number().int(),
          failed: z.number().int(),
          total: z.number().int(),
        }),
      }),
    },
  },
  errors: [404],
});
