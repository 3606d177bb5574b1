// Full HR → IM sync of a generated company into the sandbox IM (rate limits off),
// through the real connectors and the engine's steps, then a steady-state resync.
// Prints wall time per phase and peak RSS (the sandboxes run in this process too).
// Run: node --import tsx bench/sync-full.ts [employees=2000] [units=150]
//   DATABASE_URL (else an embedded PostgreSQL; the bench truncates the sync tables)

import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "../scripts/lib/migrate";
import { freePort, startEmbeddedPostgres } from "../scripts/lib/postgres";

const EMPLOYEES = Number(process.argv[2] ?? 2_000);
const UNITS = Number(process.argv[3] ?? 150);
const creds = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };

async function main() {
  let url = process.env.DATABASE_URL;
  let stopPg = async () => {};
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), "orgbridge-bench-sync-"));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), database: "bench" });
    url = pg.url;
    stopPg = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    await applyMigrations({ url });
  }
  process.env.DATABASE_URL = url;
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");

  // Imported after DATABASE_URL is set (lib/db reads it on first use).
  const { db } = await import("../lib/db/client");
  const { encryptSecrets } = await import("../lib/crypto/encrypt-secrets");
  const { generateCompany } = await import("../lib/demo/generate-company");
  const { writeCompanyToSandboxHr } = await import("../lib/demo/write-company-to-sandbox-hr");
  const { startSandboxHr } = await import("../lib/sandbox/hr/start-sandbox-hr");
  const { startSandboxIm } = await import("../lib/sandbox/im/start-sandbox-im");
  const { runFullSync } = await import("../lib/sync-engine/run-full-sync");

  await db.$executeRawUnsafe(
    `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
  );
  const hr = await startSandboxHr({ port: 0, databaseUrl: url });
  const im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
  try {
    const company = generateCompany({ units: UNITS, employees: EMPLOYEES });
    await writeCompanyToSandboxHr(db, company);
    const hrConn = await db.connection.create({
      data: { kind: "HR_SOURCE", provider: "sandbox-hr", name: "Bench HR", config: { baseUrl: hr.url }, secretsCipher: encryptSecrets({ token: "sandbox-hr-token" }) },
    });
    const imConn = await db.connection.create({
      data: {
        kind: "IM_TARGET", provider: "sandbox-im", name: "Bench IM",
        config: { baseUrl: im.baseUrl, corpId: creds.corpId, agentId: creds.agentId, rateLimit: false },
        secretsCipher: encryptSecrets({ contactSecret: creds.corpSecret }),
      },
    });
    // The mapping needs the root unit in the mirror: one pull first is part of the first sync's figure below anyway.
    const { pullHrDirectory } = await import("../lib/sync-engine/pull-hr-directory");
    let t = performance.now();
    await pullHrDirectory({ hrConnectionId: hrConn.id });
    const firstPullMs = performance.now() - t;
    const root = await db.orgUnit.findUniqueOrThrow({ where: { code: "XH" } });
    await db.orgMapping.create({ data: { orgUnitId: root.id, connectionId: imConn.id, mode: "MIRROR", includeDescendants: true, namingTemplate: "{name}" } });

    console.log(`company: ${company.units.length} units, ${company.employees.length} employees; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log(`first HR pull: ${(firstPullMs / 1000).toFixed(2)} s`);
    t = performance.now();
    const first = await runFullSync({ connectionId: imConn.id, hrConnectionId: hrConn.id, trigger: "bench" });
    const firstMs = performance.now() - t;
    console.log(`full sync from empty: ${(firstMs / 1000).toFixed(2)} s — ${first.plan.planned} changes, ${first.finish?.applied ?? 0} applied, ${first.finish?.failed ?? 0} failed (${(first.plan.planned / (firstMs / 1000)).toFixed(0)} changes/s)`);
    t = performance.now();
    const steady = await runFullSync({ connectionId: imConn.id, hrConnectionId: hrConn.id, trigger: "bench" });
    console.log(`steady-state resync: ${((performance.now() - t) / 1000).toFixed(2)} s — ${steady.plan.planned} changes`);
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (bench + both sandboxes in one process)`);
  } finally {
    await hr.close();
    await im.close();
    await db.$disconnect();
    await stopPg();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
