// Applying conflict resolutions against the sandbox HR and IM (moved from queries/conflict-queue.int.test.ts).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { renameDepartmentManually } from "@/lib/sandbox/im/rename-department-manually";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { runFullSync } from "@/lib/sync/engine/run-full-sync";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { applyConflictResolution } from "./apply-conflict-resolution";
import { resolveConflict } from "../commands/resolve-conflicts";
import { actor, db, recorder } from "../queries/conflict-test-env";

const ctx = { actor };

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
setupTestDb();

describe("applying a resolution against the sandboxes", () => {
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  const creds = {
    corpId: "ww-conflict-test",
    corpSecret: "conflict-test-secret",
    agentId: 1000002,
  };
  const company = generateCompany({ units: 10, employees: 40 });

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "AuditLog", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
    );
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
    await writeCompanyToSandboxHr(d, company);
    ({ hrConnectionId, connectionId } = await createSandboxConnections(d, {
      hrUrl: hr.url,
      imBaseUrl: im.baseUrl,
      creds,
    }));
    await pullAndMap(url);
  });
  afterAll(async () => {
    await hr?.close();
    await im?.close();
  });

  async function pullAndMap(url: string) {
    await runFullSync({ connectionId, hrConnectionId, trigger: "test" }); // pulls the mirror; nothing mapped yet
    await ensureDemoMapping({ databaseUrl: url, connectionName: "Test IM" });
    expect(
      (await runFullSync({ connectionId, hrConnectionId, trigger: "test" })).finish?.status,
    ).toBe("SUCCEEDED");
  }

  async function renamedConflict(unitCode: string, name: string) {
    const d = await db();
    const group = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: unitCode },
    });
    await renameDepartmentManually(im.db, Number(group.externalId), name);
    // A rename by hand is seen by a deep read (what "Sync now" and a conflict's recheck do).
    await runFullSync({ connectionId, hrConnectionId, trigger: "test", deepImRead: true });
    return {
      group,
      conflict: await d.syncConflict.findFirstOrThrow({
        where: { connectionId, type: "im_group_renamed", subjectKey: group.externalId },
      }),
    };
  }

  it("keep IM on an IM rename remembers IM's name, so a replan no longer raises it", async () => {
    const unit = company.units[1];
    const { group, conflict } = await renamedConflict(unit.code, "手改的名字");
    expect(conflict).toMatchObject({
      status: "OPEN",
      hrValue: { name: unit.name },
      imValue: { name: "手改的名字" },
    });
    const { sent, send } = recorder();
    await resolveConflict({ conflictId: conflict.id, resolution: "KEEP_IM" }, ctx, { send });

    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "applied",
      connectionId,
      recheck: true,
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "done",
    });
    const d = await db();
    expect(await d.imGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({
      acceptedHrName: unit.name,
    });

    const replan = await runFullSync({
      connectionId,
      hrConnectionId,
      trigger: "test",
      deepImRead: true,
    });
    expect(replan.plan.planned).toBe(0);
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "RESOLVED",
      occurrences: conflict.occurrences,
    });
    expect(sent).toHaveLength(1);
  });

  it("keep HR renames the IM group back once, through a RECONCILE run", async () => {
    const unit = company.units[2];
    const { group, conflict } = await renamedConflict(unit.code, "又被手改");
    await resolveConflict({ conflictId: conflict.id, resolution: "KEEP_HR" }, ctx, {
      send: async () => undefined,
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "applied",
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "done",
    });
    expect(
      (
        await im.db.sandboxImDepartment.findUniqueOrThrow({
          where: { id: Number(group.externalId) },
        })
      ).name,
    ).toBe(unit.name);
    const d = await db();
    expect(
      await d.syncChange.findMany({
        where: { run: { kind: "RECONCILE", trigger: { startsWith: `conflict:${conflict.id}` } } },
      }),
    ).toEqual([expect.objectContaining({ op: "group.rename", status: "APPLIED" })]);
    const replan = await runFullSync({
      connectionId,
      hrConnectionId,
      trigger: "test",
      deepImRead: true,
    });
    expect(replan.plan.planned).toBe(0);
    expect(
      (await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).occurrences,
    ).toBe(conflict.occurrences);
  });

  it("an IM refusal reopens the conflict with the error in its note", async () => {
    const unit = company.units[3];
    const { conflict } = await renamedConflict(unit.code, "第三次手改");
    await resolveConflict(
      { conflictId: conflict.id, resolution: "KEEP_HR", note: "HR wins" },
      ctx,
      { send: async () => undefined },
    );
    im.faults.failNext(1, 40058);
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "failed",
      recheck: false,
    });
    const d = await db();
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "OPEN",
      note: expect.stringMatching(/^HR wins\nCould not apply: /),
    });
  });
});
