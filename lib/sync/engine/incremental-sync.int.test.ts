import { randomBytes } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hrIncrementalSync } from "@/inngest/functions/sync-incremental";
import type { HrChangeEvent } from "@/lib/connectors";
import { encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { receiveHrWebhook } from "@/lib/sync/commands/receive-hr-webhook";
import type { HrWebhookPayload } from "@/lib/sandbox/hr/emit-hr-webhook";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { terminateEmployee } from "@/lib/sandbox/hr/simulator/terminate-employee";
import { transferEmployee } from "@/lib/sandbox/hr/simulator/transfer-employee";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { ensureDemoMapping } from "../../sandbox/demo/ensure-demo-mapping";
import { openHrSource } from "../../connections/engine/open-connection";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import {
  listIncrementalTargets,
  mergeHrChange,
  runIncrementalSync,
  type HrChange,
} from "./run-incremental-sync";

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
// No executor listens here: a verified webhook that cannot be queued must answer 503 so HR retries.
process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";
process.env.INNGEST_EVENT_KEY = "test-event-key";
process.env.INNGEST_DEV = "0";
const creds = { corpId: "ww-incr-test", corpSecret: "incr-test-secret", agentId: 1000002 };
const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

setupTestDb();

function sign(
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
const planned = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const asChange = (e: HrChangeEvent): HrChange =>
  e.type === "employee.changed"
    ? { kind: "employee", record: e.data }
    : { kind: "org_unit", record: e.data };

describe("HR webhooks and the incremental sync", () => {
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  const company = generateCompany({ units: 12, employees: 60 });
  const db = async () => (await import("@/lib/core/db")).db;
  /** What the HR connector makes of a payload the sandbox HR would push. */
  const normalise = async (payload: HrWebhookPayload) => {
    const { body, headers } = sign(payload);
    return asChange((await openHrSource(hrConnectionId)).source.verifyWebhook(headers, body));
  };

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment", "JobEvent", "CallbackEndpoint", "CallbackEvent" CASCADE`,
    );
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
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
  });
  afterAll(async () => {
    await hr?.close();
    await im?.close();
  });

  describe("the receiver refuses what it cannot trust, and stores nothing", () => {
    const hire = (): HrWebhookPayload => ({
      type: "employee.changed",
      id: `evt_${randomBytes(6).toString("hex")}`,
      occurredAt: new Date().toISOString(),
      data: { employeeNo: "XH990001", name: "冒名", status: "active", version: 1 },
    });
    const cases: [
      string,
      () => { connectionId?: string; headers: Record<string, string>; body: string | Buffer },
      number,
      string,
    ][] = [
      [
        "no signature",
        () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(hire()) }),
        401,
        "bad_signature",
      ],
      [
        "signed with another secret",
        () => sign(hire(), `whsec_${randomBytes(24).toString("base64")}`),
        401,
        "bad_signature",
      ],
      [
        "timestamp 10 minutes old",
        () => sign(hire(), webhookSecret, new Date(Date.now() - 10 * 60_000)),
        401,
        "bad_signature",
      ],
      [
        "body changed after signing",
        () => {
          const s = sign(hire());
          return { ...s, body: String(s.body).replace("冒名", "篡改") };
        },
        401,
        "bad_signature",
      ],
      // A valid signature over a broken body is the sender's bug, not an authentication failure.
      ["signed but not JSON", () => sign("{not json"), 400, "bad_json"],
      [
        "signed, version is not a number (would have become a timestamp and frozen the employee)",
        () => sign({ ...hire(), data: { ...hire().data, version: "two" } }),
        400,
        "bad_record",
      ],
      [
        "signed, unknown status (was read as active)",
        () => sign({ ...hire(), data: { ...hire().data, status: "retired" } }),
        400,
        "bad_record",
      ],
      [
        "signed, status that only an object prototype knows",
        () => sign({ ...hire(), data: { ...hire().data, status: "constructor" } }),
        400,
        "bad_record",
      ],
      [
        "signed, NUL in the employee number (was a 503 the source retried forever)",
        () => sign({ ...hire(), data: { ...hire().data, employeeNo: "XH99\u0000" } }),
        400,
        "bad_text",
      ],
      [
        "signed, lone surrogate in the employee number (was an active phantom employee)",
        () => {
          const p = hire();
          return sign(
            JSON.stringify(p).replace('"XH990001"', '"XH\\ud800"'),
            webhookSecret,
            new Date(),
            p.id,
          );
        },
        400,
        "bad_text",
      ],
      [
        "signed, invalid UTF-8 in the employee number",
        () => {
          const p = hire();
          const [head, tail] = JSON.stringify(p).split("XH990001");
          const bytes = Buffer.concat([
            Buffer.from(head + "XH"),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(tail),
          ]);
          return sign(bytes, webhookSecret, new Date(), p.id);
        },
        400,
        "invalid_utf8",
      ],
      [
        "signed, a key given twice",
        () => {
          const p = hire();
          return sign(
            JSON.stringify(p).replace('"version":1', '"version":1,"version":2'),
            webhookSecret,
            new Date(),
            p.id,
          );
        },
        400,
        "duplicate_key",
      ],
      [
        "signed envelope of an unknown type",
        () => sign({ ...hire(), type: "payroll.changed" as never }),
        400,
        "bad_payload",
      ],
      [
        "signed employee without a number",
        () => sign({ ...hire(), data: { name: "无工号", status: "active", version: 1 } }),
        400,
        "bad_record",
      ],
      // Indistinguishable from a bad signature, so connection ids cannot be probed.
      [
        "unknown HR source",
        () => ({ ...sign(hire()), connectionId: "no-such-connection" }),
        401,
        "bad_signature",
      ],
      [
        "over the size limit",
        () =>
          sign({
            ...hire(),
            data: {
              employeeNo: "XH990002",
              name: "x".repeat(300_000),
              status: "active",
              version: 1,
            },
          }),
        413,
        "too_large",
      ],
    ];
    it.each(cases)("%s", async (_, make, status, code) => {
      const d = await db();
      const before = await d.employee.count();
      const req = make();
      const res = await receiveHrWebhook({
        connectionId: req.connectionId ?? hrConnectionId,
        headers: req.headers,
        body: req.body,
      });
      expect(res).toMatchObject({ status, body: { accepted: false, error: { code } } });
      expect(await d.employee.count()).toBe(before);
      expect(await d.jobEvent.count()).toBe(0);
    });

    it("an unknown connection id and a bad signature get the same status and body", async () => {
      const unknown = await receiveHrWebhook({
        ...sign(hire()),
        connectionId: "no-such-connection",
      });
      const forged = await receiveHrWebhook({
        ...sign(hire(), `whsec_${randomBytes(24).toString("base64")}`),
        connectionId: hrConnectionId,
      });
      const unsigned = await receiveHrWebhook({
        headers: { "content-type": "application/json" },
        body: JSON.stringify(hire()),
        connectionId: hrConnectionId,
      });
      expect(unknown.status).toBe(401);
      expect(forged).toEqual(unknown);
      expect(unsigned).toEqual(unknown);
    });

    it("the route stops reading an oversized body at the limit and answers 413", async () => {
      const { POST } = await import("@/app/api/hooks/hr/[connectionId]/route");
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const res = await POST(
        new Request(`http://orgbridge.test/api/hooks/hr/${hrConnectionId}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: endless,
          duplex: "half",
        } as RequestInit),
        { params: Promise.resolve({ connectionId: hrConnectionId }) },
      );
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ accepted: false, error: { code: "too_large" } });
      // An endless body ends at the limit plus what the stream had buffered, not never.
      expect(pulled).toBeLessThan(2 * 1024 * 1024);
    });

    it("answers 503 when a verified change cannot be queued, so the HR source retries", async () => {
      const res = await receiveHrWebhook({ connectionId: hrConnectionId, ...sign(hire()) });
      expect(res).toMatchObject({
        status: 503,
        body: { accepted: false, error: { code: "queue_unavailable" } },
      });
    });
  });

  it("a pushed hire creates the IM account in the mapped department, scoped to that employee", async () => {
    const { event } = await hireEmployee(hr.simulator, {
      employeeNo: "XH910001",
      name: "韩雪",
      unitCode: "XH-RD-FE",
      email: "han.xue@incr.example",
      mobile: "13700000001",
    });
    const merged = await mergeHrChange(await normalise(event));
    expect(merged).toMatchObject({ applied: true, employeeNos: ["XH910001"], placeholders: [] });
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: merged.employeeNos,
      trigger: `hr-webhook:${event.id}`,
    });
    expect(planned(run.plan.summary.counts)).toEqual({ "account.create": 1 });
    expect(run.finish).toMatchObject({ status: "SUCCEEDED", applied: 1, failed: 0 });
    const d = await db();
    const user = await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } });
    const fe = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-RD-FE" },
    });
    expect(user.departments.map(String)).toEqual([fe.externalId]);
    expect(await d.syncRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      kind: "INCREMENTAL",
      trigger: `hr-webhook:${event.id}`,
    });
    const told = await d.callbackEvent.findMany({
      where: { source: "sync", data: { path: ["employeeNo"], equals: "XH910001" } },
      include: { deliveries: true },
    });
    expect(told).toEqual([
      expect.objectContaining({
        type: "employee.provisioned",
        data: expect.objectContaining({
          imUserId: "XH910001",
          orgUnitCode: "XH-RD-FE",
          provider: "sandbox-im",
        }),
        deliveries: [expect.anything()],
      }),
    ]);
    expect(
      await d.callbackEvent.findUnique({ where: { id: `sync.completed:${run.runId}` } }),
    ).toMatchObject({
      data: expect.objectContaining({
        mode: "incremental",
        status: "succeeded",
        counts: expect.objectContaining({ created: 1 }),
      }),
    });
  });

  it("the same change delivered twice, or an older version after a newer one, changes nothing", async () => {
    const { event } = await transferEmployee(hr.simulator, "XH910001", { unitCode: "XH-RD" });
    const change = await normalise(event);
    expect((await mergeHrChange(change)).applied).toBe(true);
    expect(await mergeHrChange(change)).toMatchObject({ applied: false, employeeNos: [] });
    const older = {
      ...change,
      record: { ...change.record, version: 1, unitCode: "XH-RD-FE" },
    } as HrChange;
    expect((await mergeHrChange(older)).applied).toBe(false);
    const d = await db();
    expect(
      (
        await d.employee.findUniqueOrThrow({
          where: { employeeNo: "XH910001" },
          include: { orgUnit: true },
        })
      ).orgUnit?.code,
    ).toBe("XH-RD");
    // The transfer then moves the membership.
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: ["XH910001"],
      trigger: "test",
    });
    expect(planned(run.plan.summary.counts)).toEqual({ "account.move": 1 });
    const rd = await d.imGroup.findFirstOrThrow({ where: { connectionId, orgUnitCode: "XH-RD" } });
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } })).departments.map(
        String,
      ),
    ).toEqual([rd.externalId]);
  });

  it("an update that arrives before its create converges to the newest version", async () => {
    const base = {
      employeeNo: "XH910002",
      name: "乔木",
      status: "active",
      unitCode: "XH-RD-FE",
      email: "qiao.mu@incr.example",
      mobile: "13700000002",
    };
    const v2 = await normalise({
      type: "employee.changed",
      id: "evt_v2",
      occurredAt: new Date().toISOString(),
      data: { ...base, title: "高级工程师", version: 2 },
    });
    const v1 = await normalise({
      type: "employee.changed",
      id: "evt_v1",
      occurredAt: new Date().toISOString(),
      data: { ...base, title: "工程师", version: 1 },
    });
    expect((await mergeHrChange(v2)).applied).toBe(true);
    expect((await mergeHrChange(v1)).applied).toBe(false);
    const d = await db();
    expect(await d.employee.findUniqueOrThrow({ where: { employeeNo: "XH910002" } })).toMatchObject(
      { title: "高级工程师", sourceVersion: 2n },
    );
  });

  it("a department that arrives before its parent hangs under a placeholder until the parent comes, then the sync nests the groups right", async () => {
    const child = await normalise({
      type: "org_unit.changed",
      id: "evt_child",
      occurredAt: new Date().toISOString(),
      data: {
        code: "XH-NEW-KID",
        name: "新业务一组",
        parentCode: "XH-NEW",
        active: true,
        version: 1,
      },
    });
    const merged = await mergeHrChange(child);
    expect(merged).toMatchObject({ applied: true, placeholders: ["XH-NEW"] });
    const d = await db();
    expect(await d.orgUnit.findUniqueOrThrow({ where: { code: "XH-NEW" } })).toMatchObject({
      name: "XH-NEW",
      sourceVersion: 0n,
    });
    const parent = await normalise({
      type: "org_unit.changed",
      id: "evt_parent",
      occurredAt: new Date().toISOString(),
      data: { code: "XH-NEW", name: "新业务部", parentCode: "XH", active: true, version: 1 },
    });
    expect((await mergeHrChange(parent)).applied).toBe(true);
    const kid = await d.orgUnit.findUniqueOrThrow({
      where: { code: "XH-NEW-KID" },
      include: { parent: true },
    });
    expect(kid).toMatchObject({
      path: "/XH/XH-NEW/XH-NEW-KID",
      depth: 2,
      parent: expect.objectContaining({ code: "XH-NEW", name: "新业务部" }),
    });

    const run = await runIncrementalSync({ connectionId, employeeNos: [], trigger: "test" });
    expect(planned(run.plan.summary.counts)).toEqual({ "group.create": 2 });
    const newGroup = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-NEW" },
    });
    const kidGroup = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-NEW-KID" },
    });
    const depts = await d.sandboxImDepartment.findMany({
      where: { id: { in: [Number(newGroup.externalId), Number(kidGroup.externalId)] } },
    });
    expect(depts.find((x) => String(x.id) === kidGroup.externalId)?.parentId).toBe(
      Number(newGroup.externalId),
    );
    expect(depts.find((x) => String(x.id) === newGroup.externalId)?.name).toBe("新业务部");
  });

  it("the hr-incremental-sync function merges a termination and disables the account; a full sync afterwards agrees", async () => {
    const { event } = await terminateEmployee(hr.simulator, "XH910001", {
      reason: "个人原因",
      date: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
    });
    const change = await normalise(event);
    const data = {
      hrConnectionId,
      webhookId: event.id,
      occurredAt: event.occurredAt,
      record: change.record,
    };
    const out = await new InngestTestEngine({ function: hrIncrementalSync }).execute({
      events: [{ name: "hr/employee.changed", data }],
    });
    expect(out.result).toMatchObject({
      merged: 1,
      runs: [expect.objectContaining({ connectionId, failed: 0 })],
    });
    const d = await db();
    const account = await d.imAccount.findFirstOrThrow({
      where: { connectionId, imUserId: "XH910001" },
    });
    expect(account.state).toBe("DISABLED");
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } })).enable,
    ).toBe(0);
    expect(
      await d.callbackEvent.findFirst({
        where: {
          type: "employee.deprovisioned",
          data: { path: ["employeeNo"], equals: "XH910001" },
        },
      }),
    ).toMatchObject({
      data: expect.objectContaining({ reason: "terminated", imUserId: "XH910001" }),
    });
    // The full sync agrees with every account the pushes produced. The two departments pushed by hand above
    // never existed in the sandbox HR, so its full pull retires them and their empty groups go: the nightly
    // full sync is the safety net for whatever pushes got wrong or missed.
    const full = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(planned(full.plan.summary.counts)).toEqual({ "group.delete": 2 });
    expect(full.finish?.status).toBe("SUCCEEDED");
    expect(
      planned(
        (await runFullSync({ connectionId, hrConnectionId, trigger: "test" })).plan.summary.counts,
      ),
    ).toEqual({});
  });
});
