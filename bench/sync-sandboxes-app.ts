// Child process for bench/sync-full.ts and bench/sync-crash.ts: the sandbox HR (seeded with a generated
// company) and the sandbox IM (rate limits off), out of the engine's process as a real HR and IM are.
// Sends {hrUrl, imBaseUrl} over IPC when serving; closes when the parent disconnects.
// Run by the benches: node --import tsx bench/sync-sandboxes-app.ts <employees> <units>  (DATABASE_URL set)
import { generateCompany } from "../lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "../lib/sandbox/demo/write-company-to-sandbox-hr";
import { createSandboxDb } from "../lib/sandbox/shared/create-sandbox-db";
import { startSandboxHr } from "../lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm } from "../lib/sandbox/im/start-sandbox-im";
import { BENCH_IM_CREDS } from "./lib/start-bench-sandboxes";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const employees = Number(process.argv[2] ?? 2_000);
  const units = Number(process.argv[3] ?? 150);
  const db = createSandboxDb(url);
  if ((await db.sandboxHrEmployee.count()) === 0) {
    const company = generateCompany({ units, employees });
    // In slices: one createMany of 100k rows takes minutes and a gigabyte of its own.
    await writeCompanyToSandboxHr(db, { ...company, employees: [] });
    for (let i = 0; i < company.employees.length; i += 5_000)
      await writeCompanyToSandboxHr(db, {
        units: [],
        employees: company.employees.slice(i, i + 5_000),
      });
  }
  await db.$disconnect();
  const hr = await startSandboxHr({ port: 0, databaseUrl: url });
  const im = await startSandboxIm({
    ...BENCH_IM_CREDS,
    port: 0,
    databaseUrl: url,
    rateLimit: false,
  });
  process.on("disconnect", () => {
    void Promise.all([hr.close(), im.close()]).finally(() => process.exit(0));
  });
  process.send?.({ hrUrl: hr.url, imBaseUrl: im.baseUrl });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
