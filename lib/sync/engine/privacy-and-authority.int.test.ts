// Directory privacy and attribute authority through real full syncs into the sandbox IM
// (setup in sync-engine-test-env.ts: sandbox HR with the generated company, sandbox IM, connections).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { savePrivacyRules } from "@/lib/org/commands/save-privacy-rules";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { DEFAULT_AUTHORITY } from "../attribute-authority-schema";
import { saveAttributeAuthority } from "../commands/save-attribute-authority";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { setupSyncSandboxes } from "./sync-engine-test-env";

const env = setupSyncSandboxes();
const HR_ADMIN = { type: "user" as const, id: "hr-1", name: "HR", roles: ["HR_ADMIN" as const] };
const IT_ADMIN = { type: "user" as const, id: "it-1", name: "IT", roles: ["IT_ADMIN" as const] };

const DIRECTORS: PrivacyRule = {
  id: "directors",
  label: "Directors",
  unitCodes: [],
  titles: ["人力资源总监"],
  grades: [],
  hideMobile: true,
  hideEmail: false,
  seniorMode: false,
};

/** The app's error for a promise that must be refused. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("directory privacy and attribute authority against the sandboxes", () => {
  const { db } = env;
  let connectionId: string;
  let hrConnectionId: string;
  const sync = () => runFullSync({ connectionId, hrConnectionId, trigger: "test" });
  const imUser = async (userid: string) =>
    (await db()).sandboxImUser.findUniqueOrThrow({ where: { userid } });
  const hrEdit = async (employeeNo: string, data: { name?: string; title?: string }) =>
    (await db()).sandboxHrEmployee.update({
      where: { employeeNo },
      data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    });

  beforeAll(async () => {
    connectionId = env.connectionId;
    hrConnectionId = env.hrConnectionId;
    // The demo mapping hangs on the top unit, which only exists in the mirror after a pull.
    await pullHrDirectory({ hrConnectionId });
    expect(
      await ensureDemoMapping({ databaseUrl: inject("databaseUrl"), connectionName: "Test IM" }),
    ).toEqual({ created: true });
  });

  // Other test files share this database and sync the same company: leave no rule behind.
  afterAll(async () => {
    await savePrivacyRules({ rules: [] }, { actor: HR_ADMIN });
    await saveAttributeAuthority({ connectionId, ...DEFAULT_AUTHORITY }, { actor: IT_ADMIN });
  });

  it("refuses a rule the sandbox IM (WeCom API) cannot honour, naming the option and platform", async () => {
    const senior = await refusal(
      savePrivacyRules({ rules: [{ ...DIRECTORS, seniorMode: true }] }, { actor: HR_ADMIN }),
    );
    expect(senior).toMatchObject({ status: 422, field: "rules.0.seniorMode" });
    expect(senior.message).toContain("senior mode");
    expect(senior.message).toContain("WeCom");
    const both = await refusal(
      savePrivacyRules({ rules: [{ ...DIRECTORS, hideEmail: true }] }, { actor: HR_ADMIN }),
    );
    expect(both).toMatchObject({ status: 422, field: "rules.0.hideEmail" });
    const it = await refusal(savePrivacyRules({ rules: [DIRECTORS] }, { actor: IT_ADMIN }));
    expect(it.status).toBe(403);
    expect(await (await db()).setting.findUnique({ where: { key: "org.directory-privacy" } })).toBe(
      null,
    );
  });

  it("a privacy rule keeps the director's mobile out of the sandbox IM; others keep theirs", async () => {
    await savePrivacyRules({ rules: [DIRECTORS] }, { actor: HR_ADMIN });
    await saveAttributeAuthority(
      { connectionId, ...DEFAULT_AUTHORITY, name: "im_wins", title: "set_once" },
      { actor: IT_ADMIN },
    );
    const { finish, plan } = await sync();
    expect(plan).toMatchObject({ status: "RUNNING" });
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    const director = await imUser("XH000002");
    expect(director.mobile).toBeNull();
    expect(director.email).not.toBeNull();
    expect(director.position).toBe("人力资源总监");
    expect((await imUser("XH000004")).mobile).toBe("13800000004");
    const audits = await (
      await db()
    ).auditLog.findMany({
      where: { action: { in: ["org.privacy_rules_updated", "sync.authority_updated"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["org.privacy_rules_updated", "hr-1"],
      ["sync.authority_updated", "it-1"],
    ]);
  });

  it("a grade rule keeps the CEO's mobile out of the sandbox IM (WeCom withholds it)", async () => {
    // The demo company's CEO is grade M6; the IT manager (M3) is not hit.
    const seniors = { ...DIRECTORS, id: "seniors", label: "Seniors", titles: [], grades: ["m6"] };
    expect((await imUser("XH000001")).mobile).toBe("13800000001");
    await savePrivacyRules({ rules: [DIRECTORS, seniors] }, { actor: HR_ADMIN });
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect((await imUser("XH000001")).mobile).toBeNull();
    expect((await imUser("XH000003")).mobile).toBe("13800000003");
    const ceo = await (
      await db()
    ).employee.findUniqueOrThrow({ where: { employeeNo: "XH000001" } });
    expect(ceo.grade).toBe("M6");
  });

  it("a rule added later clears the mobile an account already has", async () => {
    const rule = { ...DIRECTORS, id: "fe", label: "FE", titles: [], unitCodes: ["XH-RD-FE"] };
    expect((await imUser("XH000004")).mobile).toBe("13800000004");
    await savePrivacyRules({ rules: [DIRECTORS, rule] }, { actor: HR_ADMIN });
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect((await imUser("XH000004")).mobile).toBeNull();
  });

  it("'IM wins' keeps an IM-side name through a full sync and raises no conflict", async () => {
    const d = await db();
    await d.sandboxImUser.update({ where: { userid: "XH000004" }, data: { name: "张三（IM）" } });
    await hrEdit("XH000005", { name: "HR 改的名字" });
    await hrEdit("XH000004", { name: "HR 也改了" });
    const { plan } = await sync();
    // Nothing to write: the IM's name stands and HR's renames of IM-owned names are not pushed.
    expect(plan).toMatchObject({ status: "SUCCEEDED", planned: 0 });
    expect((await imUser("XH000004")).name).toBe("张三（IM）");
    expect((await imUser("XH000005")).name).not.toBe("HR 改的名字");
    expect(plan.summary.conflicts).toEqual({});
    expect(await d.syncConflict.count({ where: { type: "both_changed" } })).toBe(0);
  });

  it("'set once' set the title at creation and never updates it", async () => {
    const before = await imUser("XH000003");
    expect(before.position).toBeTruthy();
    await hrEdit("XH000003", { title: "新头衔" });
    await sync();
    expect((await imUser("XH000003")).position).toBe(before.position);

    // Back to HR wins: the same HR change now goes through, proving the setting was what held it.
    await saveAttributeAuthority({ connectionId, ...DEFAULT_AUTHORITY }, { actor: IT_ADMIN });
    await sync();
    expect((await imUser("XH000003")).position).toBe("新头衔");
    expect((await imUser("XH000005")).name).toBe("HR 改的名字");
  });
});
