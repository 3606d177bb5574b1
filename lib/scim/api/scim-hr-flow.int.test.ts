// What a SCIM push becomes: HR records on the incremental path (merged here as the
// hr-incremental-sync function merges them), department placement, several sources, audit, and
// hostile input. Real route handlers, real PostgreSQL.
import { describe, expect, it } from "vitest";
import type { HrEmployee, HrOrgUnit, HrSource } from "@/lib/connectors/types";
import { HOSTILE_TEXT, deepObject } from "@/lib/core/api/hostile-inputs";
import { ENT, GROUP, PATCH_OP, USER, setupScimWorld } from "./scim-test-env";

const env = setupScimWorld();
const db = async () => (await import("@/lib/core/db")).db;

/** Merges every queued change not merged yet, in order, with the connection as source. */
let merged = 0;
async function mergeQueued() {
  const { mergeHrChange } = await import("@/lib/sync/engine/run-incremental-sync");
  for (const e of env.events.slice(merged)) {
    const change =
      e.name === "hr/employee.changed"
        ? { kind: "employee" as const, record: e.data.record as HrEmployee }
        : { kind: "org_unit" as const, record: e.data.record as HrOrgUnit };
    await mergeHrChange(change, e.data.hrConnectionId as string);
  }
  merged = env.events.length;
}

const user = (
  n: string,
  ext: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
) => ({
  schemas: [USER, ENT],
  userName: `${n}@scim.example`,
  displayName: `Person ${n}`,
  emails: [{ type: "work", value: `${n}@scim.example`, primary: true }],
  active: true,
  [ENT]: { employeeNumber: `SC-${n}`, ...ext },
  ...more,
});

/** An HR source listing exactly these records (another connection's full pull). */
function listingSource(employees: HrEmployee[]): HrSource {
  const none = () => {
    throw new Error("not used by a pull");
  };
  return {
    provider: "listing",
    listOrgUnits: async function* () {},
    listEmployees: async function* () {
      yield* employees;
    },
    listOrgUnitsPage: none,
    listEmployeesPage: none,
    verifyWebhook: none,
    testConnection: none,
  };
}

describe("SCIM pushes as HR records", () => {
  it("places users by department code, then name; an unmatched department is an open conflict until it matches", async () => {
    const d = await db();
    await d.orgUnit.createMany({
      data: [
        { code: "SC-RD", name: "SCIM 研发测试中心", path: "/SC-RD" },
        { code: "SC-OPS", name: "Operations", path: "/SC-OPS" },
      ],
    });
    await env.call("users", { method: "POST", body: user("code", { department: "SC-RD" }) });
    await env.call("users", { method: "POST", body: user("name", { department: " operations " }) });
    const lost = (
      await env.call("users", { method: "POST", body: user("lost", { department: "Marketing" }) })
    ).json;
    await mergeQueued();
    const rows = await d.employee.findMany({
      where: { employeeNo: { in: ["SC-code", "SC-name", "SC-lost"] } },
      include: { orgUnit: true },
      orderBy: { employeeNo: "asc" },
    });
    expect(
      rows.map((r) => [r.employeeNo, r.orgUnit?.code ?? null, r.sourceConnectionId, r.email]),
    ).toEqual([
      ["SC-code", "SC-RD", env.connectionId, "code@scim.example"],
      ["SC-lost", null, env.connectionId, "lost@scim.example"],
      ["SC-name", "SC-OPS", env.connectionId, "name@scim.example"],
    ]);
    const conflict = () =>
      d.syncConflict.findFirst({
        where: { type: "scim_unmatched_department", subjectKey: "SC-lost" },
      });
    expect(await conflict()).toMatchObject({
      status: "OPEN",
      connectionId: env.connectionId,
      hrValue: { department: "Marketing" },
    });
    await env.call("user", {
      method: "PATCH",
      id: lost.id,
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path: `${ENT}:department`, value: "SCIM 研发测试中心" }],
      },
    });
    await mergeQueued();
    expect(await conflict()).toMatchObject({ status: "RESOLVED" });
    expect(
      (
        await d.employee.findUnique({
          where: { employeeNo: "SC-lost" },
          include: { orgUnit: true },
        })
      )?.orgUnit?.code,
    ).toBe("SC-RD");
  });

  it("a group is an org unit; a member without a department is placed in it; deactivation is leave, DELETE a leaver", async () => {
    const d = await db();
    const u = (await env.call("users", { method: "POST", body: user("grp") })).json;
    const g = (
      await env.call("groups", {
        method: "POST",
        body: { schemas: [GROUP], displayName: "SCIM Guild", members: [{ value: u.id }] },
      })
    ).json;
    await mergeQueued();
    const unit = await d.orgUnit.findFirst({ where: { name: "SCIM Guild" } });
    expect(unit).toMatchObject({ active: true, sourceConnectionId: env.connectionId });
    const emp = () => d.employee.findUnique({ where: { employeeNo: "SC-grp" } });
    expect((await emp())?.orgUnitId).toBe(unit!.id);
    await env.call("user", {
      method: "PATCH",
      id: u.id,
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] },
    });
    await mergeQueued();
    expect((await emp())?.status).toBe("ON_LEAVE");
    await env.call("user", { method: "DELETE", id: u.id });
    await env.call("group", { method: "DELETE", id: g.id });
    await mergeQueued();
    expect((await emp())?.status).toBe("TERMINATED");
    expect((await d.orgUnit.findUnique({ where: { id: unit!.id } }))?.active).toBe(false);
  });

  it("several sources: a record another source owns is a conflict, not an overwrite; a full pull of one source leaves the other's records", async () => {
    const d = await db();
    const other = await d.connection.create({
      data: { kind: "HR_SOURCE", provider: "rest", name: "Other HR" },
    });
    await d.employee.create({
      data: {
        employeeNo: "HR-1",
        name: "Owned Elsewhere",
        email: "shared@corp.example",
        sourceConnectionId: other.id,
      },
    });
    await env.call("users", { method: "POST", body: user("HR1", { employeeNumber: "HR-1" }) });
    await env.call("users", {
      method: "POST",
      body: user("mail", {}, { emails: [{ type: "work", value: "SHARED@corp.example" }] }),
    });
    await mergeQueued();
    expect((await d.employee.findUnique({ where: { employeeNo: "HR-1" } }))?.name).toBe(
      "Owned Elsewhere",
    );
    expect(await d.employee.findUnique({ where: { employeeNo: "SC-mail" } })).toBeNull();
    const claims = await d.syncConflict.findMany({
      where: { type: "source_claim", connectionId: env.connectionId },
      orderBy: { subjectKey: "asc" },
    });
    expect(
      claims.map((c) => [
        c.subjectKey,
        (c.hrValue as any).via,
        (c.hrValue as any).ownerConnectionId,
      ]),
    ).toEqual([
      ["HR-1", "employee_no", other.id],
      ["SC-mail", "email", other.id],
    ]);
    const { pullHrDirectory } = await import("@/lib/sync/engine/pull-hr-directory");
    // Other test files share this database: the pull may retire their unowned rows too, never a SCIM-owned one.
    const retirable = await d.employee.count({
      where: {
        OR: [{ sourceConnectionId: other.id }, { sourceConnectionId: null }],
        status: { not: "TERMINATED" },
      },
    });
    expect(retirable).toBeGreaterThanOrEqual(1);
    const pull = await pullHrDirectory({ source: listingSource([]), sourceConnectionId: other.id });
    expect(pull.employees.deactivated).toBe(retirable);
    expect((await d.employee.findUnique({ where: { employeeNo: "HR-1" } }))?.status).toBe(
      "TERMINATED",
    );
    const scimOwned = await d.employee.findMany({
      where: { sourceConnectionId: env.connectionId },
    });
    expect(scimOwned.length).toBeGreaterThan(0);
    expect(scimOwned.filter((e) => e.status === "TERMINATED").map((e) => e.employeeNo)).toEqual([
      "SC-grp",
    ]);
  });

  it("audits every write with the SCIM connection as the actor", async () => {
    const d = await db();
    const rows = await d.auditLog.findMany({ where: { actorId: env.connectionId } });
    expect(new Set(rows.map((r) => r.actorType))).toEqual(new Set(["connection"]));
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        "scim.user.created",
        "scim.user.updated",
        "scim.user.deleted",
        "scim.group.created",
        "scim.group.deleted",
      ]),
    );
  });

  it("when the sync queue cannot take the change: 503, and nothing is stored", async () => {
    const d = await db();
    env.intakeUp = false;
    try {
      const res = await env.call("users", { method: "POST", body: user("queue-down") });
      expect(res.status).toBe(503);
      expect(res.json.status).toBe("503");
    } finally {
      env.intakeUp = true;
    }
    expect(await d.scimResource.count({ where: { nameKey: "queue-down@scim.example" } })).toBe(0);
    expect((await env.call("users", { method: "POST", body: user("queue-down") })).status).toBe(
      201,
    );
  });
});

describe("hostile input at /scim/v2: 4xx in the SCIM error schema, never 5xx, nothing stored", () => {
  it("refuses bodies it cannot trust", async () => {
    const d = await db();
    const before = await d.scimResource.count();
    const cases: [
      string,
      { raw?: BodyInit; body?: unknown; headers?: Record<string, string> },
      number,
    ][] = [
      ["NUL in userName", { body: user("nul", {}, { userName: "a\u0000b" }) }, 400],
      ["lone surrogate", { raw: '{"schemas":[],"userName":"a\\ud800b"}' }, 400],
      ["lone surrogate in a key", { raw: '{"schemas":[],"userName":"ok","\\udc00":1}' }, 400],
      ["deep nesting", { raw: `{"userName":"deep","x":${deepObject(50)}}` }, 400],
      ["very deep nesting", { raw: "[".repeat(100_000) + "]".repeat(100_000) }, 400],
      ["invalid UTF-8", { raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, 400],
      ["not JSON", { raw: "{userName:" }, 400],
      ["a JSON array", { raw: "[]" }, 400],
      ["empty body", { raw: "" }, 400],
      [
        "huge body",
        { raw: JSON.stringify({ userName: "big", title: "x".repeat(600 * 1024) }) },
        413,
      ],
      [
        "wrong content type",
        { raw: "userName=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
      ],
      ["userName a number", { body: { schemas: [USER], userName: 42 } }, 400],
      ["userName missing", { body: { schemas: [USER], name: { givenName: "x" } } }, 400],
      ["emails not a list", { body: { schemas: [USER], userName: "e", emails: "x" } }, 400],
      ["a password", { body: { schemas: [USER], userName: "pw", password: "secret" } }, 400],
      ["active as a word", { body: { schemas: [USER], userName: "act", active: "maybe" } }, 400],
    ];
    for (const [label, init, status] of cases) {
      const res = await env.call("users", { method: "POST", ...init });
      expect([label, res.status, res.json?.status]).toEqual([label, status, String(status)]);
    }
    for (const text of HOSTILE_TEXT) {
      const res = await env.call("users", {
        method: "POST",
        body: { schemas: [USER], userName: text },
      });
      expect(res.status, JSON.stringify(text.slice(0, 20))).toBeLessThan(500);
      if (/[\u0000\ud800-\udfff]/.test(text) || text.length > 256) expect(res.status).toBe(400);
      const filter = await env.call("users", {
        path: `?filter=${encodeURIComponent(`userName eq "${text.slice(0, 900).replace(/[\ud800-\udfff]/g, "")}"`)}`,
      });
      expect(filter.status).toBeLessThan(500);
    }
    // Nothing from the refused bodies was stored (the hostile-text loop may store harmless text).
    const stored = await d.scimResource.findMany({
      where: { nameKey: { in: ["big", "deep", "pw", "act", "e"] } },
    });
    expect(stored).toEqual([]);
    expect(await d.scimResource.count()).toBeGreaterThanOrEqual(before);
    expect((await env.call("user", { id: "%00" })).status).toBe(404);
    expect((await env.call("user", { id: "a".repeat(5000) })).status).toBe(404);
    expect(
      (await env.call("users", { path: `?filter=${encodeURIComponent("x".repeat(5000))}` })).json
        .scimType,
    ).toBe("invalidFilter");
  });
});
