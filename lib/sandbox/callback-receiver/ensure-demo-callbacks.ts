import type { CommandContext } from "@/lib/core/command-context";
import {
  getCallbackNetworkPolicy,
  NETWORK_POLICY_KEY,
  setCallbackNetworkPolicy,
} from "@/lib/callbacks/commands/allow-list";
import { createEndpoint } from "@/lib/callbacks/commands/endpoints";
import type { CallbackEventType } from "@/lib/callbacks/rules/event-catalogue";
import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { db } from "@/lib/core/db";

export const DEMO_ENDPOINT_NAME = "Sandbox receiver (demo)";
const ctx: CommandContext = {
  actor: { type: "system", id: "demo-setup", name: "Local stack setup" },
};
const demoTypes: CallbackEventType[] = [
  "learning.course.completed",
  "learning.exam.passed",
  "learning.certificate.issued",
  "sync.completed",
  "conflict.opened",
  "webhook.test",
];

/**
 * Local stack only (scripts/lib/services.ts, sandboxes on): the first time, writes a callback
 * network policy that allows http:// and the sandbox receiver's address and port only
 * (`127.0.0.1:<port>`: not the database, the executor or anything else on loopback), audited as
 * "demo-setup" and visible in the console. An admin's policy is never changed; one this set-up
 * wrote before ports existed (all of 127.0.0.1) is narrowed to the receiver's port. Then makes
 * sure the demo endpoint exists. Production never runs this: its default policy exempts nothing.
 */
export async function ensureDemoCallbacks(
  receiverUrl: string,
): Promise<{ endpointId: string; policyWritten: boolean; created: boolean; notes: string[] }> {
  const notes: string[] = [];
  let policyWritten = false;
  const url = new URL(receiverUrl);
  const receiverEntry = `${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  const row = await db.setting.findUnique({ where: { key: NETWORK_POLICY_KEY } });
  const policy = row ? await getCallbackNetworkPolicy() : null;
  const oldDemoPolicy =
    row?.updatedBy === ctx.actor.id &&
    policy?.allowHttp === true &&
    policy.allowList.length === 1 &&
    policy.allowList[0] === "127.0.0.1";
  if (!policy || oldDemoPolicy) {
    await setCallbackNetworkPolicy({ allowList: [receiverEntry], allowHttp: true }, ctx);
    policyWritten = true;
  } else if (
    !policy.allowHttp ||
    !(policy.allowList.includes(receiverEntry) || policy.allowList.includes(url.hostname))
  ) {
    notes.push(
      `the callback network policy does not allow http://${receiverEntry}, so the demo endpoint's deliveries will be blocked`,
    );
  }
  const existing = await db.callbackEndpoint.findFirst({
    where: { name: DEMO_ENDPOINT_NAME },
    select: { id: true, url: true },
  });
  if (existing) {
    if (existing.url !== receiverUrl)
      notes.push(`the demo endpoint points at ${existing.url}, not ${receiverUrl}`);
    return { endpointId: existing.id, policyWritten, created: false, notes };
  }
  const { endpoint } = await createEndpoint(
    {
      name: DEMO_ENDPOINT_NAME,
      url: receiverUrl,
      description:
        "本地沙箱接收端：用 standardwebhooks 库校验签名并记录收到的回调。 Local sandbox receiver: verifies signatures with the standardwebhooks library and records what it got.",
      eventTypes: demoTypes,
    },
    ctx,
  );
  return { endpointId: endpoint.id, policyWritten, created: true, notes };
}

/** The demo endpoint's signing secrets (current, and the previous one during a rotation): what the receiving system would have configured. */
export async function demoEndpointSecrets(endpointId: string): Promise<string[]> {
  const row = await db.callbackEndpoint.findUnique({
    where: { id: endpointId },
    omit: { secretCipher: false, previousSecretCipher: false },
  });
  if (!row) return [];
  const secrets = [decryptSecrets<string>(row.secretCipher)];
  if (
    row.previousSecretCipher &&
    (!row.previousSecretExpiresAt || row.previousSecretExpiresAt > new Date())
  )
    secrets.push(decryptSecrets<string>(row.previousSecretCipher));
  return secrets;
}
