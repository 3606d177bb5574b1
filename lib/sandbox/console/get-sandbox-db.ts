import { createSandboxDb, type SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

// The console reaches the sandboxes' tables through a client of their own, as it would an outside
// system; one per process (Next.js dev reloads modules, so it lives on globalThis).
const globalForSandbox = globalThis as unknown as { orgbridgeSandboxDb?: SandboxDb };

/** The sandbox HR/IM tables, for the console's preview and simulator pages. */
export function getSandboxDb(): SandboxDb {
  if (!globalForSandbox.orgbridgeSandboxDb) {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set (the run command sets it for the embedded PostgreSQL).",
      );
    globalForSandbox.orgbridgeSandboxDb = createSandboxDb(url, 3);
  }
  return globalForSandbox.orgbridgeSandboxDb;
}
