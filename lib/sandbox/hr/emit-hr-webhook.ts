import { Webhook } from "standardwebhooks";

export type HrWebhookTarget = {
  /** Where OrgBridge receives HR changes. */
  url: string;
  /** Standard Webhooks secret (`whsec_…`). */
  secret: string;
};

export type HrWebhookPayload = {
  type: "employee.changed" | "org_unit.changed";
  id: string;
  occurredAt: string;
  data: Record<string, unknown>;
};

export type DeliveryResult = { ok: boolean; attempts: number; status?: number; error?: string };

export type EmitHrWebhookOptions = {
  /** Attempts in total (default 4). */
  attempts?: number;
  /** First retry delay, quadrupling (default 500 ms). */
  baseDelayMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
};

/**
 * POSTs a signed change to OrgBridge, retrying failures a few times. Never throws: the sandbox
 * must keep serving even when the receiver is down. The webhook-id is the event id, constant across retries.
 */
export async function emitHrWebhook(
  target: HrWebhookTarget,
  payload: HrWebhookPayload,
  options: EmitHrWebhookOptions = {},
): Promise<DeliveryResult> {
  const attempts = options.attempts ?? 4;
  const body = JSON.stringify(payload);
  let last: DeliveryResult = { ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const at = new Date();
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": payload.id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1_000)),
          "webhook-signature": new Webhook(target.secret).sign(payload.id, at, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await res.body?.cancel();
      last = { ok: res.ok, attempts: attempt, status: res.status };
      // 4xx other than 408/429 will not get better by retrying.
      if (res.ok || (res.status < 500 && res.status !== 408 && res.status !== 429)) return last;
    } catch (err) {
      last = { ok: false, attempts: attempt, error: (err as Error).message };
    }
    if (attempt < attempts)
      await new Promise((r) => setTimeout(r, (options.baseDelayMs ?? 500) * 4 ** (attempt - 1)));
  }
  return last;
}
