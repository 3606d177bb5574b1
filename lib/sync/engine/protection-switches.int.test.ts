// Directory privacy on a platform with protection switches (DingTalk hide_mobile / senior mode): real
// full syncs from the sandbox HR into a DingTalk connection served by the in-memory DingTalk oapi,
// through the real connector, planner, executor and memory.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  startFakeDingtalkServer,
  type FakeDingtalkUser,
} from "@/lib/connectors/testing/fake-dingtalk-server";
import type { FakeServer } from "@/lib/connectors/testing/start-fake-server";
import { encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { savePrivacyRules } from "@/lib/org/commands/save-privacy-rules";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { PRIVACY_RULES_KEY } from "@/lib/org/queries/load-privacy-rules";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
setupTestDb();

const HR_ADMIN = { type: "user" as const, id: "hr-2", name: "HR", roles: ["HR_ADMIN" as const] };
const APP = { appKey: "ding-protect", appSecret: "protect-secret" };
// The demo company's CEO (M6) and HR director (M5); everyone else is M3 or below.
const SENIORS: PrivacyRule = {
  id: "seniors",
  label: "Senior leaders",
  unitCodes: [],
  titles: [],
  grades: ["M5", "m6"],
  hideMobile: true,
  hideEmail: false,
  seniorMode: true,
};
const SENIOR_NOS = ["XH000001", "XH000002"];

describe("protection switches on existing DingTalk accounts", () => {
  const db = async () => (await import("@/lib/core/db")).db;
  let hr: SandboxHrServer | undefined;
  let dingtalk: (FakeServer & { users: Map<string, FakeDingtalkUser> }) | undefined;
  let connectionId = "";
  let hrConnectionId = "";

  const sync = () => runFullSync({ connectionId, hrConnectionId, trigger: "test" });
  const user = (id: string) => dingtalk!.users.get(id)!;
  /** The user/update calls since `from` (an index into the server's request log). */
  const updatesSince = (from: number) =>
    dingtalk!.requests.slice(from).filter((r) => r.path === "/topapi/v2/user/update");
  const changesOf = async (runId: string) =>
    (await db()).syncChange.findMany({ where: { runId }, orderBy: { seq: "asc" } });

  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "AuditLog" CASCADE`,
    );
    await d.setting.deleteMany({ where: { key: PRIVACY_RULES_KEY } });
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    await writeCompanyToSandboxHr(d, generateCompany({ units: 12, employees: 40, today }));
    hr = await startSandboxHr({ port: 0, databaseUrl: inject("databaseUrl") });
    dingtalk = await startFakeDingtalkServer(APP);
    hrConnectionId = (
      await d.connection.create({
        data: {
          kind: "HR_SOURCE",
          provider: "sandbox-hr",
          name: "Protection HR",
          config: { baseUrl: hr.url },
          secretsCipher: encryptSecrets({ token: "sandbox-hr-token" }),
        },
      })
    ).id;
    connectionId = (
      await d.connection.create({
        data: {
          kind: "IM_TARGET",
          provider: "dingtalk",
          name: "Protection DingTalk",
          config: { baseUrl: dingtalk.url, appKey: APP.appKey, agentId: 7, rateLimit: false },
          secretsCipher: encryptSecrets({ appSecret: APP.appSecret }),
        },
      })
    ).id;
    // The demo mapping hangs on the top unit, which only exists in the mirror after a pull.
    await pullHrDirectory({ hrConnectionId });
    expect(
      await ensureDemoMapping({
        databaseUrl: inject("databaseUrl"),
        connectionName: "Protection DingTalk",
      }),
    ).toEqual({ created: true });
  });

  // Other files share this database: leave no rule, connection or server behind.
  afterAll(async () => {
    const d = await db();
    await d.setting.deleteMany({ where: { key: PRIVACY_RULES_KEY } });
    await d.connection.deleteMany({ where: { id: { in: [connectionId, hrConnectionId] } } });
    await hr?.close();
    await dingtalk?.close();
  });

  it("creates everyone without switches while no rule exists", async () => {
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(dingtalk!.users.size).toBeGreaterThan(30);
    for (const u of dingtalk!.users.values())
      expect([u.hide_mobile, u.senior]).toEqual([false, false]);
  });

  it("a grade rule added later turns the switches on: one update each, then nothing", async () => {
    await savePrivacyRules({ rules: [SENIORS] }, { actor: HR_ADMIN });
    const from = dingtalk!.requests.length;
    const { runId, plan, finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(plan.summary.counts["account.update"]).toBe(2);
    expect(plan.planned).toBe(2);
    const calls = updatesSince(from);
    expect(calls.map((c) => c.body.userid).sort()).toEqual(SENIOR_NOS);
    for (const c of calls) expect(c.body).toMatchObject({ hide_mobile: true, senior_mode: true });
    for (const no of SENIOR_NOS) {
      // A flag platform keeps the number: the platform hides it from colleagues.
      expect(user(no)).toMatchObject({ hide_mobile: true, senior: true });
      expect(user(no).mobile).toBe(`1380000${no.slice(-4)}`);
    }
    expect(user("XH000003")).toMatchObject({ hide_mobile: false, senior: false });
    // The change log shows what flipped, before and after.
    const [change] = await changesOf(runId);
    expect(change).toMatchObject({
      op: "account.update",
      status: "APPLIED",
      before: { fields: {}, protection: { hideMobile: false, seniorMode: false } },
      after: { fields: {}, protection: { hideMobile: true, seniorMode: true } },
    });

    const again = await sync();
    expect(again.plan).toMatchObject({ status: "SUCCEEDED", planned: 0 });
    const account = await (
      await db()
    ).imAccount.findFirstOrThrow({ where: { connectionId, imUserId: "XH000002" } });
    expect(account.syncedHash).toMatch(/\|p:hm\+sm$/);
  });

  it("the connector reads the switches back from user/get", async () => {
    const { createDingtalkTarget } =
      await import("@/lib/connectors/im/dingtalk/create-dingtalk-target");
    const target = createDingtalkTarget(
      { baseUrl: dingtalk!.url, appKey: APP.appKey, agentId: 7, rateLimit: false },
      { appSecret: APP.appSecret },
    );
    expect(await target.getUser("XH000001")).toMatchObject({ hideMobile: true, seniorMode: true });
    expect(await target.getUser("XH000003")).toMatchObject({
      hideMobile: false,
      seniorMode: false,
    });
  });

  it("removing the rule turns the switches off: one update each, then nothing", async () => {
    await savePrivacyRules({ rules: [] }, { actor: HR_ADMIN });
    const from = dingtalk!.requests.length;
    const { plan, finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(plan.planned).toBe(2);
    const calls = updatesSince(from);
    expect(calls.map((c) => c.body.userid).sort()).toEqual(SENIOR_NOS);
    for (const c of calls) expect(c.body).toMatchObject({ hide_mobile: false, senior_mode: false });
    for (const no of SENIOR_NOS)
      expect(user(no)).toMatchObject({ hide_mobile: false, senior: false });
    expect((await sync()).plan).toMatchObject({ status: "SUCCEEDED", planned: 0 });
  });
});
