import { recordAudit } from "@/lib/core/audit/record-audit";
import { generateSecret } from "@/lib/callbacks/rules/generate-secret";
import { decryptSecrets, encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { inTransaction, ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import type { CallbackEndpointDisabledKind, Prisma } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/core/errors";
import { checkEndpointUrl, type EndpointDeps } from "../engine/check-endpoint-url";
import { dispatchAfterCommit, issueTickets } from "../engine/dispatch-deliveries";
import {
  endpointInputSchema,
  rotateSecretSchema,
  type EndpointInput,
  type RotateSecretInput,
} from "../endpoint-input-schema";

/** An endpoint as services hand it back: no secrets, custom headers by name only. */
export type CallbackEndpointView = {
  id: string;
  name: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  /** Why it is off (null while enabled). */
  disabledKind: CallbackEndpointDisabledKind | null;
  disabledReason: string | null;
  rateLimitPerSecond: number | null;
  /** Names of the custom headers; their values are write-only. */
  headerNames: string[];
  maxRetries: number;
  retrySchedule: string;
  allowPrivate: boolean;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

type EndpointRow = Prisma.CallbackEndpointGetPayload<{
  omit: { secretCipher: true; previousSecretCipher: true };
}>;

export function toEndpointView(row: EndpointRow): CallbackEndpointView {
  const { headers, ...rest } = row;
  return { ...rest, headerNames: Object.keys((headers ?? {}) as Record<string, unknown>) };
}

/** Custom header values are sealed one by one; the stored JSON is name → ciphertext. */
export function decryptEndpointHeaders(stored: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, sealed] of Object.entries((stored ?? {}) as Record<string, string>))
    out[name] = decryptSecrets<string>(sealed);
  return out;
}

/** New values replace, empty values keep the stored one (write-only field), names left out are removed. */
function sealHeaders(
  entered: Record<string, string>,
  stored: Record<string, string>,
): Record<string, string> {
  const storedByLower = new Map(Object.entries(stored).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(entered)) {
    if (value !== "") out[name] = encryptSecrets(value);
    else {
      const kept = storedByLower.get(name.toLowerCase());
      if (!kept) throw invalid(`headers.${name}`, `Header "${name}" needs a value.`);
      out[name] = kept;
    }
  }
  return out;
}

/** What the audit log keeps of an endpoint: no secrets, header names only. */
function auditView(row: EndpointRow) {
  const { headers, createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, headerNames: Object.keys((headers ?? {}) as Record<string, unknown>) };
}

async function assertNameFree(tx: Prisma.TransactionClient, name: string, exceptId?: string) {
  const clash = await tx.callbackEndpoint.findFirst({
    where: {
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw invalid("name", "An endpoint with this name already exists.");
}

/**
 * Creates an endpoint with a fresh signing secret, returned here once and stored encrypted.
 * The URL passes the SSRF guard (real DNS, allow-list, allowPrivate) first.
 */
export async function createEndpoint(
  input: EndpointInput,
  ctx: CommandContext,
  deps: EndpointDeps = {},
): Promise<{ endpoint: CallbackEndpointView; secret: string }> {
  const data = endpointInputSchema.parse(input);
  await checkEndpointUrl(data.url, data.allowPrivate, deps);
  const secret = generateSecret();
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, data.name);
    const row = await tx.callbackEndpoint.create({
      data: {
        name: data.name,
        url: data.url,
        description: data.description || null,
        eventTypes: data.eventTypes,
        enabled: data.enabled,
        disabledKind: data.enabled ? null : "MANUAL",
        rateLimitPerSecond: data.rateLimitPerSecond ?? null,
        headers: sealHeaders(data.headers, {}),
        maxRetries: data.maxRetries,
        retrySchedule: data.retrySchedule,
        allowPrivate: data.allowPrivate,
        secretCipher: encryptSecrets(secret),
      },
      omit: { secretCipher: true, previousSecretCipher: true },
    });
    await recordAudit(tx, ctx.actor, {
      action: "endpoint.created",
      targetType: "callback_endpoint",
      targetId: row.id,
      after: auditView(row),
    });
    return { endpoint: toEndpointView(row), secret };
  });
}

/** Replaces an endpoint's settings (not its secret). The URL is re-checked. */
export async function updateEndpoint(
  { id, ...input }: EndpointInput & { id: string },
  ctx: CommandContext,
  deps: EndpointDeps = {},
): Promise<CallbackEndpointView> {
  ownTransactionOnly(ctx, "updateEndpoint");
  const data = endpointInputSchema.parse(input);
  await checkEndpointUrl(data.url, data.allowPrivate, deps);
  const result = await db.$transaction(async (tx) => {
    const before = await tx.callbackEndpoint.findUnique({ where: { id } });
    if (!before) throw notFound("Endpoint");
    await assertNameFree(tx, data.name, id);
    const reenabled = data.enabled && !before.enabled;
    const row = await tx.callbackEndpoint.update({
      where: { id },
      data: {
        name: data.name,
        url: data.url,
        description: data.description || null,
        eventTypes: data.eventTypes,
        enabled: data.enabled,
        rateLimitPerSecond: data.rateLimitPerSecond ?? null,
        headers: sealHeaders(data.headers, (before.headers ?? {}) as Record<string, string>),
        maxRetries: data.maxRetries,
        retrySchedule: data.retrySchedule,
        allowPrivate: data.allowPrivate,
        ...(reenabled ? { failingSince: null, disabledReason: null, disabledKind: null } : {}),
        ...(!data.enabled && before.enabled
          ? { disabledReason: "manual", disabledKind: "MANUAL" as const }
          : {}),
      },
    });
    const changedHeaders = Object.entries(data.headers)
      .filter(([, v]) => v !== "")
      .map(([k]) => k);
    await recordAudit(tx, ctx.actor, {
      action: "endpoint.updated",
      targetType: "callback_endpoint",
      targetId: id,
      before: auditView(before),
      after: { ...auditView(row), headerValuesChanged: changedHeaders },
    });
    const tickets = reenabled ? await ticketsForParked(tx, id) : [];
    return { view: toEndpointView(row), tickets };
  });
  await dispatchAfterCommit(result.tickets);
  return result.view;
}

/** Parked deliveries (PENDING without a run) of an endpoint get a new run when it is enabled again. */
async function ticketsForParked(tx: Prisma.TransactionClient, endpointId: string) {
  const parked = await tx.callbackDelivery.findMany({
    where: { endpointId, status: "PENDING", nextAttemptAt: null },
    select: { id: true },
  });
  return issueTickets(
    tx,
    parked.map((d) => d.id),
  );
}

/**
 * Turns an endpoint on or off. Re-enabling clears failingSince and disabledReason and resumes its
 * parked deliveries; disabling parks deliveries as their runs reach them.
 */
export async function setEndpointEnabled(
  { id, enabled }: { id: string; enabled: boolean },
  ctx: CommandContext,
): Promise<CallbackEndpointView> {
  ownTransactionOnly(ctx, "setEndpointEnabled");
  const result = await db.$transaction(async (tx) => {
    const before = await tx.callbackEndpoint.findUnique({ where: { id } });
    if (!before) throw notFound("Endpoint");
    const row = await tx.callbackEndpoint.update({
      where: { id },
      data: enabled
        ? { enabled: true, failingSince: null, disabledReason: null, disabledKind: null }
        : { enabled: false, disabledReason: "manual", disabledKind: "MANUAL" },
    });
    await recordAudit(tx, ctx.actor, {
      action: enabled ? "endpoint.enabled" : "endpoint.disabled",
      targetType: "callback_endpoint",
      targetId: id,
      before: {
        enabled: before.enabled,
        disabledKind: before.disabledKind,
        disabledReason: before.disabledReason,
        failingSince: before.failingSince,
      },
      after: {
        enabled: row.enabled,
        disabledKind: row.disabledKind,
        disabledReason: row.disabledReason,
      },
    });
    const tickets = enabled ? await ticketsForParked(tx, id) : [];
    return { view: toEndpointView(row), tickets };
  });
  await dispatchAfterCommit(result.tickets);
  return result.view;
}

/**
 * New signing secret, returned once. The old one keeps signing next to it until now + overlap
 * (0 = stop at once), so receivers can switch without losing a delivery.
 */
export async function rotateEndpointSecret(
  { id, now = new Date(), ...input }: RotateSecretInput & { id: string; now?: Date },
  ctx: CommandContext,
): Promise<{ secret: string; previousSecretExpiresAt: Date | null }> {
  const { overlapHours } = rotateSecretSchema.parse(input);
  const secret = generateSecret();
  return inTransaction(ctx, async (tx) => {
    const before = await tx.callbackEndpoint.findUnique({
      where: { id },
      omit: { secretCipher: false },
    });
    if (!before) throw notFound("Endpoint");
    const previousSecretExpiresAt =
      overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null;
    await tx.callbackEndpoint.update({
      where: { id },
      data: {
        secretCipher: encryptSecrets(secret),
        previousSecretCipher: previousSecretExpiresAt ? before.secretCipher : null,
        previousSecretExpiresAt,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "endpoint.secret_rotated",
      targetType: "callback_endpoint",
      targetId: id,
      after: { overlapHours, previousSignsUntil: previousSecretExpiresAt },
    });
    return { secret, previousSecretExpiresAt };
  });
}

/** Deletes an endpoint with its deliveries and attempts (runs in flight find nothing and stop). */
export async function deleteEndpoint(
  { id }: { id: string },
  ctx: CommandContext,
): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.callbackEndpoint.findUnique({
      where: { id },
      include: { _count: { select: { deliveries: true } } },
    });
    if (!row) throw notFound("Endpoint");
    await tx.callbackEndpoint.delete({ where: { id } });
    const { _count, ...rest } = row;
    await recordAudit(tx, ctx.actor, {
      action: "endpoint.deleted",
      targetType: "callback_endpoint",
      targetId: id,
      before: { ...auditView(rest), deliveries: _count.deliveries },
    });
    return { id };
  });
}
