// Shared setup of the sync engine integration tests (sync-engine, sync-engine-recovery): the sandbox HR
// holding a generated company of 20 units and 120 people, the sandbox IM, and their connections.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";

const creds = { corpId: "ww-sync-test", corpSecret: "sync-test-secret", agentId: 1000002 };

/** Test database and secret key; before the file's tests, empty sync tables and both sandboxes started. */
export function setupSyncSandboxes() {
  process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
  setupTestDb();
  // The demo's calendar is relative to its "today": onboarding hires start two weeks later.
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const company = generateCompany({ units: 20, employees: 120, today });
  const db = async () => (await import("@/lib/core/db")).db;
  const env = {
    company,
    db,
    hr: undefined as SandboxHrServer | undefined,
    im: undefined as SandboxImServer | undefined,
    connectionId: "",
    hrConnectionId: "",
  };

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment", "AuditLog" CASCADE`,
    );
    env.hr = await startSandboxHr({ port: 0, databaseUrl: url });
    env.im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
    await writeCompanyToSandboxHr(d, company);
    ({ hrConnectionId: env.hrConnectionId, connectionId: env.connectionId } =
      await createSandboxConnections(d, {
        hrUrl: env.hr.url,
        imBaseUrl: env.im.baseUrl,
        creds,
      }));
  });
  afterAll(async () => {
    await env.hr?.close();
    await env.im?.close();
  });
  return env;
}
