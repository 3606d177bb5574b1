import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/lib/migrate";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/postgres";

/**
 * The database a bench runs against: DATABASE_URL when set, else a throw-away embedded PostgreSQL
 * with the migrations applied (stop() removes it). Sets process.env.DATABASE_URL for lib/core/db.
 */
export async function openBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), "orgbridge-bench-"));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, "pg"),
      port: await freePort(),
      database: "bench",
    });
    url = pg.url;
    stop = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    await applyMigrations({ url });
  }
  process.env.DATABASE_URL = url;
  return { url, stop };
}
