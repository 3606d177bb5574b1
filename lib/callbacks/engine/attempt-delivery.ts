import { recordAudit } from "@/lib/core/audit/record-audit";
import type { AttemptOutcome } from "@/lib/callbacks/rules/classify-attempt";
import { maskHeaders } from "@/lib/callbacks/rules/mask-headers";
import { planNextAttempt, type NextStep } from "@/lib/callbacks/rules/plan-next-attempt";
import type { RetryScheduleName } from "@/lib/callbacks/rules/retry-schedule";
import {
  safeFetch,
  type SafeFetchFailure,
  type SafeFetchResponse,
} from "@/lib/callbacks/engine/safe-fetch";
import { signCallback } from "@/lib/callbacks/rules/sign-callback";
import type { Resolver } from "@/lib/callbacks/engine/ssrf-guard";
import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { db } from "@/lib/core/db";
import { envSection } from "@/lib/core/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDeliverySettings } from "../commands/allow-list";
import { decryptEndpointHeaders } from "../commands/endpoints";

export const SYSTEM_ACTOR = {
  type: "system" as const,
  id: "callback-delivery",
  name: "Callback delivery",
};

/** Seams for tests and the bench; production uses the defaults. */
export type AttemptDeps = {
  /** DNS for the send-time SSRF check. */
  resolve?: Resolver;
  /** Clock for signing, planning and failure windows. */
  now?: () => Date;
  /** Jitter source for the retry schedule. */
  random?: () => number;
  /** Multiplies every planned wait (tests: 0.001 turns 5 s into 5 ms). Default ORGBRIDGE_CALLBACK_TIME_SCALE or 1. */
  timeScale?: number;
  /** Whole-exchange timeout of one POST. Default 15 s. */
  timeoutMs?: number;
};

export type AttemptDeliveryOptions = {
  deliveryId: string;
  /** The run's token (see dispatch-deliveries.ts); a mismatch means another run owns the delivery. */
  token: string;
  /** 1 for this run's first attempt, 2 for its first retry, … (resends start again at 1). */
  runAttempt: number;
};

/** What the run does next; JSON-safe (it is a step result). */
export type AttemptResult =
  | { action: "stop"; reason: "not_found" | "finished" | "superseded" | "endpoint_disabled" }
  | { action: "wait"; ms: number; reason: "rate_limited" }
  | { action: "retry"; at: string; token: string; delayMs: number; attempt: number; reason: string }
  | { action: "succeeded"; attempt: number; statusCode: number }
  | { action: "dead"; attempt: number; reason: string }
  | { action: "parked"; attempt: number; reason: "endpoint_auto_disabled" }
  | { action: "endpoint_disabled"; attempt: number; reason: "gone" };

/** Under load, wait for a pooled connection rather than fail the step. */
export const HOT_TX = { maxWait: 10_000, timeout: 20_000 };

const timeScale = (deps: AttemptDeps) =>
  deps.timeScale ?? envSection("callbacks").ORGBRIDGE_CALLBACK_TIME_SCALE;

function outcomeOf(result: SafeFetchResponse | SafeFetchFailure): AttemptOutcome {
  if (result.ok) return { kind: "response", status: result.status, headers: result.headers };
  if (result.error.kind === "blocked")
    return { kind: "blocked", reason: result.error.refusal?.reason ?? "blocked" };
  return { kind: "network", error: result.error.kind };
}

function errorText(result: SafeFetchResponse | SafeFetchFailure): string | null {
  if (!result.ok) return `${result.error.kind}: ${result.error.message}`;
  if (result.status >= 300 && result.status < 400) {
    const to = result.headers.location ? ` to ${result.headers.location}` : "";
    const refused = result.redirectRefusal
      ? ` (target refused: ${result.redirectRefusal.message})`
      : "";
    return `redirect ${result.status}${to} not followed${refused}`;
  }
  if (result.bodyTruncated && (result.status < 200 || result.status >= 300))
    return `HTTP ${result.status} (response body cut to the first 4 KB)`;
  if (result.status < 200 || result.status >= 300) return `HTTP ${result.status}`;
  return null;
}

/** Pacing for rateLimitPerSecond: attempts to this endpoint in the last second, across all runs (approximate: not a lock). */
async function paceMs(endpointId: string, limit: number | null, now: Date): Promise<number> {
  if (!limit) return 0;
  const since = new Date(now.getTime() - 1000);
  const recent = await db.callbackAttempt.count({
    where: { createdAt: { gte: since }, delivery: { endpointId } },
  });
  return recent >= limit ? 200 + Math.floor(Math.random() * 800) : 0;
}

/**
 * One attempt of one delivery: re-check that this run still owns it and the endpoint is on,
 * sign afresh, POST through safeFetch (send-time SSRF check, pinned address, no redirects,
 * 4 KB excerpt, 15 s), record the attempt with masked headers, and decide what comes next
 * with planNextAttempt. Failure tracking: the first failure sets failingSince, a success clears
 * it, and failing longer than the auto-disable period disables the endpoint (audited as system).
 */
export async function attemptDelivery(
  options: AttemptDeliveryOptions,
  deps: AttemptDeps = {},
): Promise<AttemptResult> {
  const { deliveryId, token, runAttempt } = options;
  const clock = deps.now ?? (() => new Date());
  const delivery = await db.callbackDelivery.findUnique({
    where: { id: deliveryId },
    include: {
      event: true,
      endpoint: { omit: { secretCipher: false, previousSecretCipher: false } },
    },
  });
  if (!delivery) return { action: "stop", reason: "not_found" };
  if (delivery.status === "SUCCEEDED" || delivery.status === "DEAD")
    return { action: "stop", reason: "finished" };
  const owns = { id: deliveryId, nextAttemptAt: new Date(token) };
  if (delivery.nextAttemptAt?.getTime() !== Date.parse(token))
    return { action: "stop", reason: "superseded" };
  const { endpoint, event } = delivery;
  if (!endpoint.enabled) {
    // Parked: stays PENDING without a run until the endpoint is enabled again.
    await db.callbackDelivery.updateMany({
      where: owns,
      data: { status: "PENDING", nextAttemptAt: null },
    });
    return { action: "stop", reason: "endpoint_disabled" };
  }
  const wait = await paceMs(endpoint.id, endpoint.rateLimitPerSecond, clock());
  if (wait > 0) return { action: "wait", ms: wait, reason: "rate_limited" };

  const customHeaders = decryptEndpointHeaders(endpoint.headers);
  const signed = signCallback({
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt,
    data: event.data,
    secret: decryptSecrets<string>(endpoint.secretCipher),
    previousSecret: endpoint.previousSecretCipher
      ? decryptSecrets<string>(endpoint.previousSecretCipher)
      : null,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
    headers: customHeaders,
    now: clock(),
  });
  const { policy, autoDisableHours } = await getDeliverySettings();
  const result = await safeFetch({
    url: endpoint.url,
    body: signed.body,
    headers: signed.headers,
    timeoutMs: deps.timeoutMs ?? 15_000,
    maxBodyBytes: 4096,
    maxRedirects: 0,
    guard: { ...policy, allowPrivate: endpoint.allowPrivate, resolve: deps.resolve },
  });
  const finishedAt = clock();
  const outcome = outcomeOf(result);
  const plan: NextStep = planNextAttempt({
    outcome,
    attempt: runAttempt,
    schedule: (endpoint.retrySchedule === "long" ? "long" : "default") as RetryScheduleName,
    maxRetries: endpoint.maxRetries,
    now: finishedAt,
    random: deps.random,
  });
  const attempt = delivery.attemptCount + 1;
  const statusCode = result.ok ? result.status : (result.error.status ?? null);

  return db.$transaction(async (tx) => {
    await tx.callbackAttempt.create({
      data: {
        deliveryId,
        attempt,
        requestHeaders: maskHeaders(signed.headers, { secretHeaders: Object.keys(customHeaders) }),
        statusCode,
        responseHeaders: result.ok ? result.headers : undefined,
        responseExcerpt: result.ok ? result.bodyExcerpt : null,
        error: errorText(result),
        latencyMs: result.latencyMs,
        createdAt: finishedAt,
      },
    });
    const settle = (data: Prisma.CallbackDeliveryUpdateManyMutationInput) =>
      tx.callbackDelivery.updateMany({
        where: owns,
        data: { attemptCount: attempt, lastStatusCode: statusCode, ...data },
      });

    if (plan.action === "succeeded") {
      await settle({ status: "SUCCEEDED", nextAttemptAt: null, completedAt: finishedAt });
      if (endpoint.failingSince)
        await tx.callbackEndpoint.updateMany({
          where: { id: endpoint.id, failingSince: { not: null } },
          data: { failingSince: null },
        });
      return { action: "succeeded", attempt, statusCode: statusCode ?? 0 };
    }
    if (plan.action === "disable_endpoint") {
      await settle({ status: "DEAD", nextAttemptAt: null, completedAt: finishedAt });
      const off = await tx.callbackEndpoint.updateMany({
        where: { id: endpoint.id, enabled: true },
        data: {
          enabled: false,
          disabledKind: "GONE_410",
          disabledReason: "gone: the receiver answered 410 Gone",
        },
      });
      if (off.count > 0) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: "endpoint.auto_disabled",
          targetType: "callback_endpoint",
          targetId: endpoint.id,
          before: { enabled: true },
          after: { enabled: false, reason: "gone", deliveryId, eventId: event.id },
        });
      }
      return { action: "endpoint_disabled", attempt, reason: "gone" };
    }

    // A failure: start or extend the failing streak; past the period, disable the endpoint.
    const since = endpoint.failingSince ?? finishedAt;
    if (!endpoint.failingSince)
      await tx.callbackEndpoint.updateMany({
        where: { id: endpoint.id, failingSince: null },
        data: { failingSince: finishedAt },
      });
    const failingTooLong = finishedAt.getTime() - since.getTime() >= autoDisableHours * 3_600_000;
    if (failingTooLong) {
      const off = await tx.callbackEndpoint.updateMany({
        where: { id: endpoint.id, enabled: true },
        data: {
          enabled: false,
          disabledKind: "AUTO_FAILING",
          disabledReason: `failing: no successful delivery since ${since.toISOString()}`,
        },
      });
      if (off.count > 0) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: "endpoint.auto_disabled",
          targetType: "callback_endpoint",
          targetId: endpoint.id,
          before: { enabled: true, failingSince: since },
          after: { enabled: false, reason: "failing", hours: autoDisableHours, deliveryId },
        });
      }
    }
    if (plan.action === "dead") {
      await settle({ status: "DEAD", nextAttemptAt: null, completedAt: finishedAt });
      return { action: "dead", attempt, reason: plan.reason };
    }
    if (failingTooLong) {
      await settle({ status: "PENDING", nextAttemptAt: null });
      return { action: "parked", attempt, reason: "endpoint_auto_disabled" };
    }
    const at = new Date(finishedAt.getTime() + Math.round(plan.delayMs * timeScale(deps)));
    const moved = await settle({ status: "RETRYING", nextAttemptAt: at });
    if (moved.count === 0) return { action: "stop", reason: "superseded" };
    return {
      action: "retry",
      at: at.toISOString(),
      token: at.toISOString(),
      delayMs: plan.delayMs,
      attempt,
      reason: plan.reason,
    };
  }, HOT_TX);
}
