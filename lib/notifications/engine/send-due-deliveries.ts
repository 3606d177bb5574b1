import {
  isConnectorError,
  type ConnectorRuntimeOptions,
  type ImMessageFormat,
  type ImTarget,
  type SendMessageResult,
} from "@/lib/connectors";
import { db } from "@/lib/core/db";
import { PLATFORM_BATCH_LIMITS, planBatches } from "@/lib/notifications/rules/plan-batches";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { composeMessage } from "../queries/compose-message";
import { failDueDeliveries } from "./fail-due-deliveries";
import { sendChunkSize } from "../rules/send-chunk-size";
import type { DeliveryUpdate } from "../rules/decide-recipients";
import { loadDispatchContext, type DispatchContext } from "../queries/load-dispatch-context";
import { writeDeliveryUpdates } from "./write-delivery-updates";

export type SendDueDeliveriesOptions = {
  notificationId: string;
  /** Most deliveries this call handles (one Inngest step); default from the platform's batch size. */
  limit?: number;
  /** Platform calls in flight at once; default 4. */
  concurrency?: number;
  /** Connector plumbing (tests and the bench shorten retries). */
  runtime?: ConnectorRuntimeOptions;
};

export type SendDueDeliveriesResult = {
  sent: number;
  failed: number;
  /** More decided deliveries wait: call again. */
  remaining: boolean;
};

type Due = { id: string; imUserId: string | null };

/**
 * Sends the deliveries decided "now" through the IM target, in platform-sized batches, and records
 * each outcome as its call returns: SENT with the platform's message id, FAILED for recipients the
 * platform refused or for a call it rejected for good (after trying the fallback channel). A
 * retryable platform failure (outage, throttling) marks nothing and is thrown after the other calls
 * settle, so the step is retried and only what was not confirmed is sent again.
 */
export async function sendDueDeliveries(
  options: SendDueDeliveriesOptions,
): Promise<SendDueDeliveriesResult> {
  const ctx = await loadDispatchContext(options.notificationId);
  if (!ctx.target) {
    const failed = await failDueDeliveries(
      options.notificationId,
      "No IM target connection is configured.",
      "no_im_target",
    );
    return { sent: 0, failed, remaining: false };
  }
  // Few in-connector retries: a longer outage is the step's to retry (Inngest backoff), not one request's.
  const opened = await openImTarget(ctx.target.connectionId, {
    retry: { maxAttempts: 3 },
    ...options.runtime,
  });
  const known =
    PLATFORM_BATCH_LIMITS[
      ctx.target.provider === "sandbox-im"
        ? "wecom"
        : (ctx.target.provider as keyof typeof PLATFORM_BATCH_LIMITS)
    ];
  const maxPerCall = Math.max(
    1,
    Math.min(opened.target.capabilities.maxRecipientsPerCall, known ?? Infinity),
  );
  const limit = options.limit ?? sendChunkSize(maxPerCall);

  const rows = await db.$queryRaw<Due[]>`
    SELECT d.id, a."imUserId"
    FROM "NotificationDelivery" d
    LEFT JOIN "ImAccount" a ON a."employeeId" = d."employeeId" AND a."connectionId" = ${ctx.target.connectionId} AND a.state = 'ACTIVE'
    WHERE d."notificationId" = ${options.notificationId} AND d.status = 'QUEUED' AND d.reason IS NOT NULL
    ORDER BY d.id
    LIMIT ${limit}`;

  const failures: DeliveryUpdate[] = rows
    .filter((r) => !r.imUserId)
    .map((r) => ({
      id: r.id,
      status: "FAILED",
      reason: "no_im_account",
      deferredUntil: null,
      error: `The employee has no active account on the IM target "${ctx.target!.name}".`,
    }));
  const batches = planBatches({
    items: rows.filter((r) => r.imUserId),
    deliverAt: () => null,
    maxPerCall,
  });

  let sent = 0;
  let retryable: unknown;
  const queue = [...batches];
  const worker = async () => {
    // After a retryable failure, start no new call: the platform is likely down and the step will be retried.
    for (let batch = queue.shift(); batch && !retryable; batch = queue.shift()) {
      try {
        const outcome = await sendBatch(
          opened.target,
          ctx,
          batch.items as { id: string; imUserId: string }[],
        );
        sent += outcome.sent;
        failures.push(...outcome.failed);
      } catch (err) {
        retryable ??= err;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 4, Math.max(1, batches.length)) }, worker),
  );
  await writeDeliveryUpdates(failures);
  if (failures.length)
    await db.$executeRaw`UPDATE "NotificationDelivery" SET attempts = attempts + 1 WHERE id = ANY(${failures.map((f) => f.id)}::text[])`;
  if (retryable) throw retryable;
  const more = await db.notificationDelivery.findFirst({
    where: { notificationId: options.notificationId, status: "QUEUED", reason: { not: null } },
    select: { id: true },
  });
  return { sent, failed: failures.length, remaining: more !== null };
}

/** One platform call (plus one with the fallback channel if the platform rejects the format). Throws only retryable errors. */
async function sendBatch(
  target: ImTarget,
  ctx: DispatchContext,
  items: { id: string; imUserId: string }[],
): Promise<{ sent: number; failed: DeliveryUpdate[] }> {
  const formats: ImMessageFormat[] = [
    ctx.policy.channel,
    ...(ctx.policy.fallbackChannel ? [ctx.policy.fallbackChannel] : []),
  ];
  const { title, body, link } = ctx.notification;
  let result: SendMessageResult | undefined;
  let lastError: unknown;
  for (const format of formats) {
    try {
      result = await target.sendMessage(
        composeMessage({
          to: items.map((i) => i.imUserId),
          format,
          title,
          body,
          link,
          idempotencyKey: `${ctx.notification.id}:${items[0].id}:${format}`,
        }),
      );
      break;
    } catch (err) {
      if (!isConnectorError(err) || err.retryable) throw err;
      lastError = err;
      if (err.kind !== "invalid") break;
    }
  }
  if (!result) {
    const e = lastError as { platform?: string; code?: string; message?: string };
    const error =
      `${e.platform ?? "im"} ${e.code ?? "error"}: ${e.message ?? String(lastError)}`.slice(
        0,
        1_000,
      );
    return {
      sent: 0,
      failed: items.map((i) => ({
        id: i.id,
        status: "FAILED",
        reason: "platform_error",
        deferredUntil: null,
        error,
      })),
    };
  }
  const refused = new Set(result.invalidRecipients.map((u) => u.toLowerCase()));
  const ok = items.filter((i) => !refused.has(i.imUserId.toLowerCase()));
  const failed: DeliveryUpdate[] = items
    .filter((i) => refused.has(i.imUserId.toLowerCase()))
    .map((i) => ({
      id: i.id,
      status: "FAILED",
      reason: "invalid_recipient",
      deferredUntil: null,
      error: `The IM platform refused recipient ${i.imUserId} (unknown, disabled or outside the app's visibility).`,
    }));
  if (ok.length) {
    const messageId = result.messageId ?? result.messageIds[0] ?? null;
    const now = new Date().toISOString();
    await db.$executeRaw`
      UPDATE "NotificationDelivery"
      SET status = 'SENT'::"DeliveryStatus", "imMessageId" = ${messageId}, "sentAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3), attempts = attempts + 1, error = NULL
      WHERE id = ANY(${ok.map((i) => i.id)}::text[])`;
  }
  return { sent: ok.length, failed };
}
