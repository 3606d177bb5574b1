// Provision on demand against the sandbox IM on a real database: a new hire's dry run (trace and calls,
// nothing written), Apply (exactly the account, one INCREMENTAL run, audited), the second dry run (no
// calls), and the v1 route (404, scope refusal, bad body naming the field, dry run, scheduledChanges).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { call, expectEnvelope, tokenWith } from "@/lib/testing/api-v1-kit";
import { mergeHrChange } from "../engine/run-incremental-sync";
import { setupIncrementalWorld } from "../engine/incremental-sync-test-env";
import { provisionEmployee } from "./provision-employee";

const env = setupIncrementalWorld();
const admin: Actor = { type: "user", id: "it-admin-prov", name: "IT Admin" };
const NO = "XP920001";

describe("provision on demand", () => {
  it("dry-runs a new hire: the trace of every rule and the createUser call, writing nothing", async () => {
    const { event } = await hireEmployee(env.hr.simulator, {
      employeeNo: NO,
      name: "林夏",
      unitCode: "XH-RD-FE",
      email: "lin.xia@prov.example",
      mobile: "13700000021",
      title: "工程师",
      // Outside the provision's scope: resolved from the account OrgBridge remembers for them.
      managerNo: "XH000004",
    });
    await mergeHrChange(await env.normalise(event));
    const d = await env.db();
    const runsBefore = await d.syncRun.count();
    const fe = await d.imGroup.findFirstOrThrow({
      where: { connectionId: env.connectionId, orgUnitCode: "XH-RD-FE" },
    });

    const dry = await provisionEmployee({ employeeNo: NO, dryRun: true }, { actor: admin });
    const c = env.connectionId;
    expect(dry.trace).toEqual([
      { connectionId: c, rule: "effective_date", outcome: "active" },
      { connectionId: c, rule: "scoping", outcome: "in_scope", detail: { unit: "XH-RD-FE" } },
      {
        connectionId: c,
        rule: "mapping",
        outcome: "mirror",
        detail: { mode: "MIRROR", group: fe.externalId, name: fe.name },
      },
      { connectionId: c, rule: "privacy", outcome: "none" },
      ...["name", "email", "mobile", "title"].map((field) => ({
        connectionId: c,
        rule: "authority",
        outcome: "written",
        field,
        detail: { reason: "hr_wins", at: "creation" },
      })),
      {
        connectionId: c,
        rule: "manager",
        outcome: "written",
        detail: {
          reason: "hr_wins",
          manager: "XH000004",
          imUserId: "XH000004",
          at: "creation",
        },
      },
    ]);
    expect(dry.calls).toEqual([
      {
        connectionId: c,
        op: "account.create",
        method: "createUser",
        payload: {
          id: NO,
          name: "林夏",
          email: "lin.xia@prov.example",
          mobile: "13700000021",
          title: "工程师",
          employeeNo: NO,
          groupIds: [fe.externalId],
          managerId: "XH000004",
        },
      },
    ]);
    expect(dry.runs).toEqual([]);
    expect(await d.syncRun.count()).toBe(runsBefore);
    expect(await d.sandboxImUser.findUnique({ where: { userid: NO } })).toBeNull();
  });

  it("Apply creates exactly the account in one audited INCREMENTAL run; a second Apply does nothing", async () => {
    const d = await env.db();
    const applied = await provisionEmployee({ employeeNo: NO, dryRun: false }, { actor: admin });
    expect(applied.calls.map((x) => x.method)).toEqual(["createUser"]);
    expect(applied.runs).toEqual([
      expect.objectContaining({ connectionId: env.connectionId, status: "SUCCEEDED", applied: 1 }),
    ]);
    const run = await d.syncRun.findUniqueOrThrow({
      where: { id: applied.runs[0].runId },
      include: { changes: true },
    });
    expect(run).toMatchObject({
      kind: "INCREMENTAL",
      trigger: `provision:${admin.id}`,
      planned: 1,
      summary: expect.objectContaining({ total: 1 }),
    });
    expect(run.changes.map((x) => [x.op, x.targetKey, x.status])).toEqual([
      ["account.create", NO, "APPLIED"],
    ]);
    const user = await d.sandboxImUser.findUniqueOrThrow({ where: { userid: NO } });
    expect(user.name).toBe("林夏");
    expect(
      await d.auditLog.findFirst({
        where: { action: "employee.provisioned", targetId: NO, actorId: admin.id },
      }),
    ).toMatchObject({ after: expect.objectContaining({ runId: run.id, calls: ["createUser"] }) });

    const again = await provisionEmployee({ employeeNo: NO, dryRun: true }, { actor: admin });
    expect(again.calls).toEqual([]);
    expect(again.trace.filter((t) => t.rule === "authority").map((t) => t.outcome)).toEqual([
      "in_sync",
      "in_sync",
      "in_sync",
      "in_sync",
    ]);
    const runs = await d.syncRun.count();
    const second = await provisionEmployee({ employeeNo: NO, dryRun: false }, { actor: admin });
    expect(second.runs).toEqual([]);
    expect(await d.syncRun.count()).toBe(runs);
  });

  it("refuses an unknown employee, an unknown target and a bad body", async () => {
    await expect(
      provisionEmployee({ employeeNo: "NOPE-1", dryRun: true }, { actor: admin }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      provisionEmployee(
        { employeeNo: NO, dryRun: true, connectionId: "no-such-target" },
        { actor: admin },
      ),
    ).rejects.toMatchObject({ status: 404, field: "connectionId" });
  });

  it("the v1 route: scope provision:write, 404, the field at fault, a dry run; GET carries scheduledChanges", async () => {
    const { POST } = await import("@/app/api/v1/employees/[employeeNo]/provision/route");
    const { GET } = await import("@/app/api/v1/employees/[employeeNo]/route");
    const path = `/api/v1/employees/${NO}/provision`;
    const reader = await tokenWith("employees:read");
    const writer = await tokenWith("provision:write");
    const post = (auth: string, body: unknown, employeeNo = NO) =>
      call(POST, path, { auth, method: "POST", body, params: { employeeNo } });

    expectEnvelope(await post(reader.token, { dryRun: true }), 403, "insufficient_scope");
    expectEnvelope(await post(writer.token, { dryRun: true }, "NOPE-2"), 404, "not_found");
    expectEnvelope(await post(writer.token, { dryRun: "yes" }), 422, "invalid", "dryRun");
    expectEnvelope(await post(writer.token, {}), 422, "invalid", "dryRun");
    expectEnvelope(
      await post(writer.token, { dryRun: true, force: true }),
      422,
      "invalid",
      undefined,
    );
    const ok = await post(writer.token, { dryRun: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ employeeNo: NO, dryRun: true, calls: [], runs: [] });
    expect(ok.body.trace[0]).toEqual({
      connectionId: env.connectionId,
      rule: "effective_date",
      outcome: "active",
    });

    const future = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const { event } = await hireEmployee(env.hr.simulator, {
      employeeNo: "XP920002",
      name: "周未",
      unitCode: "XH-RD-FE",
      hireDate: future,
    });
    await mergeHrChange(await env.normalise(event));
    const one = await call(GET, "/api/v1/employees/XP920002", {
      auth: reader.token,
      params: { employeeNo: "XP920002" },
    });
    expect(one.status).toBe(200);
    expect(one.body.scheduledChanges).toEqual([
      expect.objectContaining({ type: "preboard", connectionId: env.connectionId, due: false }),
      expect.objectContaining({ type: "enable", connectionId: env.connectionId, due: false }),
    ]);
  });
});
