import { db } from "@/lib/core/db";
import { waitFor } from "@/lib/testing/wait-for";
import { holdTableWrites } from "./hold-table-writes";
import { spawnSyncEngine, type SyncEngineProcess } from "./spawn-sync-engine";

export type CrashFullSyncOptions = {
  /** A planned FULL run (status RUNNING) whose apply has not started. */
  runId: string;
  connectionId: string;
  databaseUrl: string;
  /** Environment of the engine processes (DATABASE_URL, ORGBRIDGE_SECRET_KEY). */
  env: Record<string, string>;
  /** How many accounts the run creates (the second kill comes at a quarter of them). */
  accountCreates: number;
  /** Count of the IM's groups and users (the sandbox IM's tables). */
  imGroups: () => Promise<number>;
  imUsers: () => Promise<number>;
  /** Every engine process started, for the caller to clean up. */
  engines?: SyncEngineProcess[];
  /** Guard for each wait (not a timed assertion). */
  waitMs?: number;
};

/** What each kill left behind: the IM ahead of OrgBridge's records, the way a crash leaves it. */
export type CrashPoint = {
  signal: NodeJS.Signals | null;
  imGroups: number;
  recordedGroups: number;
  imUsers: number;
  recordedAccounts: number;
};

/**
 * Applies a run in engine processes (sync-engine-process.ts) SIGKILLed at three points, then once more to
 * the end: (1) creating groups while their recording is held (a table lock), (2) creating accounts, at a
 * quarter of them, (3) recording a batch of accounts (held again, after its IM creates). Returns what each
 * kill left and the last process's exit.
 */
export async function crashFullSync(
  options: CrashFullSyncOptions,
): Promise<{ kills: CrashPoint[]; last: Awaited<SyncEngineProcess["exited"]> }> {
  const waitMs = options.waitMs ?? 300_000;
  const { connectionId } = options;
  const start = () => {
    const e = spawnSyncEngine(options.runId, options.env);
    options.engines?.push(e);
    return e;
  };
  const point = async (signal: NodeJS.Signals | null): Promise<CrashPoint> => ({
    signal,
    imGroups: await options.imGroups(),
    recordedGroups: await db.imGroup.count({
      where: { connectionId, orgUnitCode: { not: null } },
    }),
    imUsers: await options.imUsers(),
    recordedAccounts: await db.imAccount.count({ where: { connectionId } }),
  });
  const kill = async (e: SyncEngineProcess) => {
    e.child.kill("SIGKILL");
    return (await e.exited).signal;
  };
  const kills: CrashPoint[] = [];

  // 1. Groups created on the IM, their recording blocked.
  let held = await holdTableWrites(options.databaseUrl, "ImGroup");
  let engine = start();
  await waitFor(
    "a recording of groups blocked",
    () => held.waiters(),
    (n) => n > 0,
    waitMs,
  );
  await waitFor("groups created", options.imGroups, (n) => n >= 40, waitMs);
  let signal = await kill(engine);
  await held.release();
  kills.push(await point(signal));

  // 2. Accounts in flight.
  engine = start();
  await waitFor(
    "a quarter of the accounts created",
    options.imUsers,
    (n) => n >= options.accountCreates / 4,
    waitMs,
  );
  kills.push(await point(await kill(engine)));

  // 3. A batch of accounts done on the IM (created now, or found again after kill 2), its recording blocked.
  held = await holdTableWrites(options.databaseUrl, "ImAccount");
  engine = start();
  await waitFor(
    "a recording of accounts blocked",
    () => held.waiters(),
    (n) => n > 0,
    waitMs,
  );
  await waitFor(
    "the IM ahead of the recorded accounts",
    async () => (await options.imUsers()) - (await db.imAccount.count({ where: { connectionId } })),
    (n) => n > 0,
    waitMs,
  );
  signal = await kill(engine);
  await held.release();
  kills.push(await point(signal));

  engine = start();
  return { kills, last: await engine.exited };
}
