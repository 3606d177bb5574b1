// Vitest global setup for *.int.test.ts: a real PostgreSQL with migrations applied
// through the same offline schema engine as `npm run db:migrate`. A fresh database
// per run; DATABASE_URL from the environment wins (npm test starts one cluster for all).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "./lib/migrate.ts";
import { freePort, startEmbeddedPostgres } from "./lib/postgres.ts";

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), "orgbridge-it-"));
    chmodSync(dir, 0o755); // the cluster runs as `postgres` when we are root
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, "pg"),
      port: process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await freePort(),
      database: "orgbridge_test",
    });
    url = pg.url;
    teardown = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await applyMigrations({ url });
  } catch (err) {
    await teardown();
    throw err;
  }
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
