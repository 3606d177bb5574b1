import { sendEvent } from "@/inngest/client";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { invalid } from "@/lib/core/errors";
import type { Notification, Prisma } from "@/lib/generated/prisma/client";
import { matchAudience } from "../queries/audience-sql";
import { findNotifyTarget } from "../queries/find-notify-target";
import { firstIssueError } from "../rules/first-issue-error";
import {
  DEFAULT_MAX_BODY_BYTES,
  notificationInputSchemaFor,
  type NotificationRecipients,
} from "../notification-input-schema";
import { isUniqueViolation } from "../rules/unique-violation";

export type CreateNotificationInput = {
  /** The notification as the caller sent it; validated here against the live IM target's limits. */
  notification: unknown;
  /** The caller's Idempotency-Key: the same key (from the same caller) returns the original notification. */
  idempotencyKey?: string;
};

export type CreateNotificationOptions = {
  /** Event sender (tests inject one); default the Inngest client. */
  send?: (
    name: "notification/requested",
    data: { notificationId: string },
    id: string,
  ) => Promise<unknown>;
};

export type CreateNotificationResult = {
  notification: Notification;
  /** false when the idempotency key matched an earlier request (nothing new was created). */
  created: boolean;
  /** Employee numbers that matched no employee. */
  unknownEmployeeNos: string[];
  /** Org unit codes that matched no org unit. */
  unknownOrgUnits: string[];
  /** Employee numbers of employees who are not active (they get nothing). */
  inactiveEmployeeNos: string[];
};

/** What Notification.audience holds: the request's recipients and what of them matched nothing. */
export type StoredAudience = {
  recipients: NotificationRecipients;
  unknownEmployeeNos: string[];
  unknownOrgUnits: string[];
  inactiveEmployeeNos: string[];
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Accepts a notification: validates it (unknown or archived category → `category`, body over the IM
 * target's limit → `body`, nobody active in the audience → `recipients`), stores it with the category
 * version in force, audited, and starts dispatch. A partly unknown audience is accepted and the
 * unknown names returned. Idempotency keys are scoped to the caller (actor), so two integrations
 * cannot collide or read each other's notifications.
 */
export async function createNotification(
  { notification: input, idempotencyKey }: CreateNotificationInput,
  ctx: CommandContext,
  options: CreateNotificationOptions = {},
): Promise<CreateNotificationResult> {
  ownTransactionOnly(ctx, "createNotification");
  const { actor } = ctx;
  const send = options.send ?? ((name, data, id) => sendEvent(name, data, id));
  let scopedKey: string | null = null;
  if (idempotencyKey !== undefined) {
    if (!IDEMPOTENCY_KEY.test(idempotencyKey))
      throw invalid(
        "Idempotency-Key",
        "Idempotency-Key must be 1–200 printable ASCII characters without spaces.",
      );
    scopedKey = `${actor.type}:${actor.id}:${idempotencyKey}`;
    const original = await db.notification.findUnique({ where: { idempotencyKey: scopedKey } });
    if (original) return replay(original, send);
  }

  const target = await findNotifyTarget();
  const parsed = notificationInputSchemaFor(
    target?.capabilities?.maxTextBytes ?? DEFAULT_MAX_BODY_BYTES,
  ).safeParse(input);
  if (!parsed.success) throw firstIssueError(parsed.error);
  const data = parsed.data;

  const category = await db.notificationCategory.findUnique({
    where: { key: data.category },
    select: { id: true, key: true, version: true, archived: true },
  });
  if (!category)
    throw invalid(
      "category",
      `Unknown category "${data.category}"; use the key of an existing notification category.`,
    );
  if (category.archived)
    throw invalid(
      "category",
      `Category "${data.category}" is archived and accepts no new notifications.`,
    );

  const match = await matchAudience(db, data.recipients);
  const [{ n: count }] = await db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM "Employee" e WHERE ${match.condition}`;
  const { condition: _condition, ...unknown } = match;
  if (count === 0) {
    const names = [
      ...unknown.unknownEmployeeNos,
      ...unknown.inactiveEmployeeNos,
      ...unknown.unknownOrgUnits,
    ];
    throw invalid(
      "recipients",
      names.length
        ? `No active employee in the audience (unknown or inactive: ${names.slice(0, 20).join(", ")}).`
        : "No active employee in the audience.",
    );
  }
  const audience: StoredAudience = { recipients: data.recipients, ...unknown };

  let notification: Notification;
  try {
    notification = await db.$transaction(async (tx) => {
      const row = await tx.notification.create({
        data: {
          idempotencyKey: scopedKey,
          categoryId: category.id,
          categoryVersion: category.version,
          title: data.title,
          body: data.body,
          link: data.link ?? null,
          audience: audience as unknown as Prisma.InputJsonValue,
          requestedBy: `${actor.type}:${actor.id}`,
          recipientCount: count,
        },
      });
      await recordAudit(tx, actor, {
        action: "notification.created",
        targetType: "notification",
        targetId: row.id,
        after: {
          category: category.key,
          categoryVersion: category.version,
          title: data.title,
          recipients: summarise(data.recipients),
          audience: count,
          idempotencyKey: idempotencyKey ?? null,
        },
      });
      return row;
    });
  } catch (err) {
    // Two requests with the same key raced: the loser answers with the winner's notification.
    if (scopedKey && isUniqueViolation(err, "idempotencyKey")) {
      const original = await db.notification.findUnique({ where: { idempotencyKey: scopedKey } });
      if (original) return replay(original, send);
    }
    throw err;
  }
  await send(
    "notification/requested",
    { notificationId: notification.id },
    dispatchEventId(notification.id),
  );
  return { notification, created: true, ...unknown };
}

/** The dispatch event's id: one dispatch per notification, however often the start is re-sent. */
export function dispatchEventId(notificationId: string): string {
  return `notification-${notificationId}`;
}

async function replay(
  original: Notification,
  send: NonNullable<CreateNotificationOptions["send"]>,
): Promise<CreateNotificationResult> {
  // The first request may have died between commit and send; the event id makes a re-send harmless.
  if (original.status === "QUEUED")
    await send(
      "notification/requested",
      { notificationId: original.id },
      dispatchEventId(original.id),
    );
  const stored = (original.audience ?? {}) as Partial<StoredAudience>;
  return {
    notification: original,
    created: false,
    unknownEmployeeNos: stored.unknownEmployeeNos ?? [],
    unknownOrgUnits: stored.unknownOrgUnits ?? [],
    inactiveEmployeeNos: stored.inactiveEmployeeNos ?? [],
  };
}

function summarise(r: NotificationRecipients) {
  return {
    everyone: r.everyone ?? false,
    employeeNos: r.employeeNos
      ? r.employeeNos.length > 50
        ? `${r.employeeNos.length} employee numbers`
        : r.employeeNos
      : [],
    orgUnits: r.orgUnits ?? [],
  };
}
