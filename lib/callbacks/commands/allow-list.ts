import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  callbackAutoDisableSchema,
  callbackNetworkPolicySchema,
  type CallbackAutoDisableInput,
  type CallbackNetworkPolicy,
  type CallbackNetworkPolicyInput,
} from "../network-policy-schema";

export const NETWORK_POLICY_KEY = "callbacks.networkPolicy";
export const AUTO_DISABLE_KEY = "callbacks.autoDisable";

/** Production default: nothing exempt, https only. The local stack writes its own exception (scripts/lib/services.ts). */
export const DEFAULT_NETWORK_POLICY: CallbackNetworkPolicy = { allowList: [], allowHttp: false };
export const DEFAULT_AUTO_DISABLE_HOURS = 24;

type Reader = Pick<Prisma.TransactionClient, "setting">;

// Delivery attempts read both settings on every attempt; a few seconds of staleness across
// instances is fine, and a change made in this process clears it at once.
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: unknown }>();
async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as T;
  const value = await load();
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** Both settings as delivery attempts use them (cached for a few seconds). */
export function getDeliverySettings(): Promise<{
  policy: CallbackNetworkPolicy;
  autoDisableHours: number;
}> {
  return cached("delivery", async () => ({
    policy: await getCallbackNetworkPolicy(),
    autoDisableHours: await getCallbackAutoDisableHours(),
  }));
}

/** The admin's SSRF allow-list and http:// switch for callback URLs (the default when never set). */
export async function getCallbackNetworkPolicy(
  client: Reader = db,
): Promise<CallbackNetworkPolicy> {
  const row = await client.setting.findUnique({ where: { key: NETWORK_POLICY_KEY } });
  const parsed = callbackNetworkPolicySchema.safeParse(row?.value ?? DEFAULT_NETWORK_POLICY);
  return parsed.success ? parsed.data : DEFAULT_NETWORK_POLICY;
}

/** Replaces the allow-list and http:// switch; audited with before and after. */
export async function setCallbackNetworkPolicy(
  input: CallbackNetworkPolicyInput,
  ctx: CommandContext,
): Promise<CallbackNetworkPolicy> {
  const { actor } = ctx;
  const policy = callbackNetworkPolicySchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getCallbackNetworkPolicy(tx);
    await tx.setting.upsert({
      where: { key: NETWORK_POLICY_KEY },
      create: { key: NETWORK_POLICY_KEY, value: policy, updatedBy: actor.id },
      update: { value: policy, updatedBy: actor.id },
    });
    cache.clear();
    await recordAudit(tx, actor, {
      action: "callbacks.network_policy_updated",
      targetType: "setting",
      targetId: NETWORK_POLICY_KEY,
      before,
      after: policy,
    });
    return policy;
  });
}

/** Hours an endpoint may fail without any success before it is disabled automatically. */
export async function getCallbackAutoDisableHours(client: Reader = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: AUTO_DISABLE_KEY } });
  const parsed = callbackAutoDisableSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data.hours : DEFAULT_AUTO_DISABLE_HOURS;
}

/** Sets the auto-disable period; audited. */
export async function setCallbackAutoDisableHours(
  input: CallbackAutoDisableInput,
  ctx: CommandContext,
): Promise<number> {
  const { actor } = ctx;
  const { hours } = callbackAutoDisableSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getCallbackAutoDisableHours(tx);
    await tx.setting.upsert({
      where: { key: AUTO_DISABLE_KEY },
      create: { key: AUTO_DISABLE_KEY, value: { hours }, updatedBy: actor.id },
      update: { value: { hours }, updatedBy: actor.id },
    });
    cache.clear();
    await recordAudit(tx, actor, {
      action: "callbacks.auto_disable_updated",
      targetType: "setting",
      targetId: AUTO_DISABLE_KEY,
      before: { hours: before },
      after: { hours },
    });
    return hours;
  });
}
