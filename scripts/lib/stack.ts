import path from "node:path";
import { startEmbeddedPostgres } from "./postgres.ts";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

/** Runs `fn` with a database URL: DATABASE_URL when set, else the embedded PostgreSQL under .data/ (stopped afterwards). */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const pg = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_PG_DIR ?? path.join(projectRoot, ".data/pg"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: "orgbridge",
  });
  try {
    return await fn(pg.url);
  } finally {
    await pg.stop();
  }
}
