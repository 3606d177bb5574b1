import { db } from "@/lib/core/db";

export type Health = {
  status: "ok" | "degraded";
  version: string;
  database: { ok: boolean; latencyMs?: number; server?: string; error?: string };
};

/** Checks what the app needs to serve: the database answers. Never throws. */
export async function checkHealth(version: string): Promise<Health> {
  const started = performance.now();
  try {
    const [row] = await db.$queryRaw<
      { version: string }[]
    >`SELECT current_setting('server_version') AS version`;
    return {
      status: "ok",
      version,
      database: {
        ok: true,
        latencyMs: Math.round(performance.now() - started),
        server: `PostgreSQL ${row.version}`,
      },
    };
  } catch (err) {
    console.error("health: database check failed", err);
    return { status: "degraded", version, database: { ok: false, error: "database unreachable" } };
  }
}
