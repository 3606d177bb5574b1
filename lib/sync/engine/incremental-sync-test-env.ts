// Shared setup of the incremental sync integration tests (incremental-sync, incremental-sync-order):
// both sandboxes, an HR connection with a webhook secret, a subscribed OA endpoint, the demo mapping
// and a first full sync.
import { randomBytes } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { HrChangeEvent } from "@/lib/connectors";
import { encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import type { HrWebhookPayload } from "@/lib/sandbox/hr/emit-hr-webhook";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { ensureDemoMapping } from "../../sandbox/demo/ensure-demo-mapping";
import { openHrSource } from "../../connections/engine/open-connection";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { listIncrementalTargets, type HrChange } from "./run-incremental-sync";

const creds = { corpId: "ww-incr-test", corpSecret: "incr-test-secret", agentId: 1000002 };
export const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

export function sign(
  payload: HrWebhookPayload | string | Buffer,
  secret = webhookSecret,
  at = new Date(),
  rawId = "evt_raw",
) {
  const body =
    typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  const id = typeof payload === "string" || Buffer.isBuffer(payload) ? rawId : payload.id;
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}

/** The plan's counts without the zeros. */
export const planned = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
export const asChange = (e: HrChangeEvent): HrChange =>
  e.type === "employee.changed"
    ? { kind: "employee", record: e.data }
    : { kind: "org_unit", record: e.data };

/** The data of an `hr/employee.changed` / `hr/org-unit.changed` event. */
export type HrChangeData = {
  hrConnectionId: string;
  webhookId: string;
  occurredAt: string;
  record: HrChange["record"];
};

/** The `hr/target.changed` events hr-incremental-sync sent, as hr-target-sync receives them. */
export type TargetEvent = { name: "hr/target.changed"; data: unknown };

/**
 * One HR push through hr-incremental-sync alone: merged into the mirror and queued for the targets.
 * Returns the function's result and the `hr/target.changed` events it sent (not yet applied).
 */
export async function mergeThroughFunction(
  name: "hr/employee.changed" | "hr/org-unit.changed",
  data: HrChangeData,
) {
  const { hrIncrementalSync } = await import("@/inngest/functions/sync-incremental");
  // The send is mocked (the spy still records what was sent): the test engine stops at an unmocked send.
  const merge = await new InngestTestEngine({ function: hrIncrementalSync }).execute({
    events: [{ name, data }],
    steps: [{ id: "to-targets", handler: () => ({ ids: [] }) }],
  });
  const sent = merge.ctx.step.sendEvent.mock.calls.flatMap(
    ([, payload]) => [payload].flat() as TargetEvent[],
  );
  return { result: merge.result, sent };
}

/** One `hr/target.changed` through hr-target-sync; returns the function's result. */
export async function applyTargetEvent(evt: TargetEvent) {
  const { hrTargetSync } = await import("@/inngest/functions/sync-target");
  return (await new InngestTestEngine({ function: hrTargetSync }).execute({ events: [evt] }))
    .result;
}

/**
 * One HR push through both functions as the engine chains them (without its batching): hr-incremental-sync
 * merges it and sends one `hr/target.changed` per IM target; each of those is applied by hr-target-sync.
 * Returns the merge function's result and the result of every target run it caused.
 */
export async function pushThroughFunctions(
  name: "hr/employee.changed" | "hr/org-unit.changed",
  data: HrChangeData,
) {
  const { result, sent } = await mergeThroughFunction(name, data);
  const runs = [];
  for (const evt of sent) runs.push(await applyTargetEvent(evt));
  return { result, runs };
}

/** Sets the environment and test database; the world is ready in `env` once the file's beforeAll ran. */
export function setupIncrementalWorld(options: { recordImRequests?: boolean } = {}) {
  process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
  // No executor listens here: a verified webhook that cannot be queued must answer 503 so HR retries.
  process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  setupTestDb();
  const company = generateCompany({ units: 12, employees: 60 });
  const db = async () => (await import("@/lib/core/db")).db;
  const env = {
    company,
    db,
    hr: undefined as unknown as SandboxHrServer,
    im: undefined as unknown as SandboxImServer,
    connectionId: "",
    hrConnectionId: "",
    /** What the HR connector makes of a payload the sandbox HR would push. */
    normalise: async (payload: HrWebhookPayload) => {
      const { body, headers } = sign(payload);
      return asChange((await openHrSource(env.hrConnectionId)).source.verifyWebhook(headers, body));
    },
  };

  beforeAll(async () => {
    let hr: SandboxHrServer;
    let im: SandboxImServer;
    let connectionId: string;
    let hrConnectionId: string;
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment", "JobEvent", "CallbackEndpoint", "CallbackEvent" CASCADE`,
    );
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: url,
      rateLimit: false,
      recordRequests: options.recordImRequests,
    });
    Object.assign(env, { hr, im }); // closed in afterAll even if the rest of the setup fails
    await writeCompanyToSandboxHr(d, company);
    ({ hrConnectionId, connectionId } = await createSandboxConnections(d, {
      hrUrl: hr.url,
      imBaseUrl: im.baseUrl,
      creds,
    }));
    await d.connection.update({
      where: { id: hrConnectionId },
      data: { secretsCipher: encryptSecrets({ token: "sandbox-hr-token", webhookSecret }) },
    });
    // A subscribed system (OA): sync runs tell it what they did through signed callbacks.
    await d.callbackEndpoint.create({
      data: {
        name: "OA",
        url: "https://oa.example/hooks",
        eventTypes: ["employee.provisioned", "employee.deprovisioned", "sync.completed"],
        secretCipher: "unused-here",
      },
    });
    await pullHrDirectory({ hrConnectionId });
    expect(await ensureDemoMapping({ databaseUrl: url, connectionName: "Test IM" })).toEqual({
      created: true,
    });
    // Pushes wait for the initial full sync of a target.
    expect(await listIncrementalTargets()).toEqual([]);
    const first = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(first.plan.status, JSON.stringify(first.plan.summary)).toBe("RUNNING");
    expect(first.finish?.status).toBe("SUCCEEDED");
    expect(await listIncrementalTargets()).toEqual([connectionId]);
    Object.assign(env, { connectionId, hrConnectionId });
  });
  afterAll(async () => {
    await env.hr?.close();
    await env.im?.close();
  });
  return env;
}
