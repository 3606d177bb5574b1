// Shared setup of the callback engine integration tests (callback-endpoints, callback-delivery,
// callback-delivery-outcomes): a real PostgreSQL and real HTTP receivers on local ports. Deliveries
// are driven one at a time through attemptDelivery (the delivery worker's claim, send, decide and
// bulk-write parts) with a scaled clock; delivery-worker.int.test.ts runs the worker itself.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import type { Resolver } from "@/lib/callbacks/engine/ssrf-guard";
import {
  startCallbackReceiver,
  type CallbackReceiver,
  type ReceiverReply,
} from "@/lib/sandbox/callback-receiver/start-callback-receiver";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { AttemptDeps } from "./attempt-delivery";
import type { DeliveryTicket } from "./dispatch-deliveries";
import type { EndpointInput } from "../endpoint-input-schema";

export const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
export const adminCtx = { actor: admin };
export const at = "2026-07-01T08:00:00+08:00";
export const n = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const examPassed = (employeeNo = "E1001") => ({
  employeeNo,
  examId: "X-1",
  score: 88,
  passingScore: 60,
  passedAt: at,
});

const mod = async () => ({
  db: (await import("@/lib/core/db")).db,
  endpoints: await import("../commands/endpoints"),
  emit: await import("../commands/emit-event"),
  dispatch: await import("./dispatch-deliveries"),
  attempt: await import("./attempt-delivery"),
  policy: await import("../commands/allow-list"),
  replay: await import("../commands/replay"),
  test: await import("../commands/send-test-event"),
});
/** The modules under test, imported once the test database is set (assigned in beforeAll; a live binding). */
export let m: Awaited<ReturnType<typeof mod>>;

/** Tickets the engine asked to start; tests run them in-process. */
export const queued: DeliveryTicket[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const fast: AttemptDeps = { timeScale: 0.001 };

/** One ticket to its end: attempt, wait for the planned retry (or a rate-limit slot), attempt again. */
async function runTicket(ticket: DeliveryTicket, deps: AttemptDeps) {
  let token = ticket.token;
  for (;;) {
    const result = await m.attempt.attemptDelivery({ deliveryId: ticket.deliveryId, token }, deps);
    if (result.action === "wait") await sleep(result.ms);
    else if (result.action === "retry") {
      await sleep(Math.max(0, Date.parse(result.at) - Date.now()));
      token = result.token;
    } else return result;
  }
}

/** Runs every queued ticket of these endpoints to its end (retries included). */
export async function drain(endpointIds: string[], deps: AttemptDeps = fast) {
  const mine = queued.filter((t) => endpointIds.includes(t.endpointId));
  for (const t of mine) queued.splice(queued.indexOf(t), 1);
  return Promise.all(mine.map((t) => runTicket(t, deps)));
}

export async function endpointFor(
  receiver: CallbackReceiver | string,
  input: Partial<EndpointInput> = {},
  deps = {},
) {
  const created = await m.endpoints.createEndpoint(
    {
      name: `ep-${n()}`,
      url: typeof receiver === "string" ? receiver : receiver.url,
      eventTypes: ["learning.exam.passed"],
      enabled: true,
      headers: {},
      maxRetries: 3,
      retrySchedule: "default",
      allowPrivate: false,
      ...input,
    },
    adminCtx,
    deps,
  );
  if (typeof receiver !== "string") receiver.setSecrets([created.secret]);
  createdIds.push(created.endpoint.id);
  return created;
}

export const receivers: CallbackReceiver[] = [];
/** Removed afterwards: later test files share the database and must not fan out to them. */
const createdIds: string[] = [];
export async function receiver(reply?: (nth: number, webhookId: string) => ReceiverReply) {
  const r = await startCallbackReceiver({
    reply: reply ? (call, nth) => reply(nth, call.webhookId) : undefined,
  });
  receivers.push(r);
  return r;
}

export const fixedResolver =
  (addresses: Record<string, string>): Resolver =>
  async (host) => {
    const address = addresses[host];
    if (!address) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
/** Test database, secret key, the in-process dispatcher and the local network policy, for one test file. */
export function setupCallbackEngineEnv() {
  setupTestDb();
  process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
  beforeAll(async () => {
    m = await mod();
    m.dispatch.setDeliveryDispatcher(async (tickets) => void queued.push(...tickets));
    // The local receivers are on 127.0.0.1 over http: exactly what the admin policy must allow.
    await m.policy.setCallbackNetworkPolicy(
      { allowList: ["127.0.0.1"], allowHttp: true },
      adminCtx,
    );
  });
  afterAll(async () => {
    m.dispatch.setDeliveryDispatcher(null);
    const { DEMO_ENDPOINT_NAME } =
      await import("@/lib/sandbox/callback-receiver/ensure-demo-callbacks");
    await m.db.callbackEndpoint.deleteMany({
      where: { OR: [{ id: { in: createdIds } }, { name: DEMO_ENDPOINT_NAME }] },
    });
    await Promise.all(receivers.map((r) => r.close()));
  });
  beforeEach(() => {
    queued.length = 0;
  });
}
