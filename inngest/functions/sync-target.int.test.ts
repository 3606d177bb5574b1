// Full and incremental sync of one IM target through the real parts: events → the embedded
// executor → the sync functions served by inngest/node → sandbox HR and IM. The engine's
// env-scoped concurrency key keeps the two apart, and batched merges coalesce a burst of pushes.
import { createServer, type Server } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ExecutorHandle } from "@/inngest/engine";
import { setupIncrementalWorld } from "@/lib/sync/engine/incremental-sync-test-env";
import { freePort, listen, waitFor } from "@/lib/testing/wait-for";

const env = setupIncrementalWorld();
const SIGNING_KEY = `signkey-test-${"7a".repeat(32)}`;
const EVENT_KEY = "sync-target-test-event-key";

describe("sync of one IM target through the executor", () => {
  let executor: ExecutorHandle;
  let appServer: Server;
  let send: (typeof import("@/inngest/client"))["sendEvent"];

  beforeAll(async () => {
    process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
    process.env.INNGEST_EVENT_KEY = EVENT_KEY;
    const executorPort = await freePort();
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
    const { startExecutor } = await import("@/inngest/engine");
    const { serve } = await import("inngest/node");
    const { inngest, sendEvent } = await import("@/inngest/client");
    const { hrFullSync } = await import("./sync-full");
    const { hrIncrementalSync } = await import("./sync-incremental");
    const { hrTargetSync } = await import("./sync-target");
    send = sendEvent;
    appServer = createServer(
      serve({ client: inngest, functions: [hrFullSync, hrIncrementalSync, hrTargetSync] }),
    );
    const appUrl = `http://127.0.0.1:${await listen(appServer)}/api/inngest`;
    executor = await startExecutor({
      port: executorPort,
      databaseUrl: inject("databaseUrl"),
      signingKey: SIGNING_KEY,
      eventKey: EVENT_KEY,
      appUrls: [appUrl],
      retryBaseMs: 50,
      log: () => {},
    });
    const d = await env.db();
    await waitFor(
      "the sync functions to register",
      () => d.jobFunction.findMany({ select: { id: true } }),
      (f) =>
        ["hr-full-sync", "hr-incremental-sync", "hr-target-sync"].every((id) =>
          f.some((x) => x.id.endsWith(id)),
        ),
    );
  });

  afterAll(async () => {
    await executor?.stop();
    await new Promise((r) => appServer?.close(r));
  });

  /** Pushes a version of one employee as the HR source would (verified, normalised, queued). */
  async function push(employeeNo: string, unitCode: string, version: number, name: string) {
    const id = `evt_${employeeNo}_${version}_${Date.now()}`;
    const change = await env.normalise({
      type: "employee.changed",
      id,
      occurredAt: new Date().toISOString(),
      data: {
        employeeNo,
        name,
        status: "active",
        unitCode,
        email: `${employeeNo.toLowerCase()}@flow.example`,
        mobile: `139${employeeNo.replace(/\D/g, "").padStart(8, "0")}`,
        version,
      },
    });
    await send(
      "hr/employee.changed",
      {
        hrConnectionId: env.hrConnectionId,
        webhookId: id,
        occurredAt: new Date().toISOString(),
        record: change.record as never,
      },
      `hr-webhook:${env.hrConnectionId}:${id}`,
    );
  }

  const runsOf = async (fn: string, since: Date) =>
    (await env.db()).jobRun.findMany({
      where: { functionId: { endsWith: fn }, startedAt: { gte: since } },
      orderBy: { startedAt: "asc" },
    });
  const ended = (r: { status: string }) => ["COMPLETED", "FAILED", "CANCELLED"].includes(r.status);
  const unitOfFirstEmployee = async () => {
    const e = await (
      await env.db()
    ).employee.findFirstOrThrow({
      where: { orgUnit: { isNot: null } },
      select: { orgUnit: { select: { code: true } } },
      orderBy: { employeeNo: "asc" },
    });
    return e.orgUnit!.code;
  };

  it("pushes for a target wait while its full sync runs, then run after it; the target's sync runs never overlap", async () => {
    const since = new Date();
    const unitCode = await unitOfFirstEmployee();
    // Hold the full sync inside its HR pull: the sandbox HR cannot read its employees meanwhile.
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query('LOCK TABLE "SandboxHrEmployee" IN ACCESS EXCLUSIVE MODE');
    // The HR source holds the hire it is about to push, so the full pull agrees with the push.
    await holder.query(
      `INSERT INTO "SandboxHrEmployee" ("employeeNo", name, email, mobile, "unitCode", version)
       VALUES ('XF300001', '排队一', 'xf300001@flow.example', '13900300001', $1, 1)`,
      [unitCode],
    );
    try {
      await send(
        "hr/sync.requested",
        { connectionId: env.connectionId, hrConnectionId: env.hrConnectionId, requestedBy: "test" },
        `full-${Date.now()}`,
      );
      await waitFor(
        "the full sync to start its run",
        () =>
          (async () =>
            (await env.db()).syncRun.findMany({
              where: { connectionId: env.connectionId, kind: "FULL", startedAt: { gte: since } },
            }))(),
        (r) => r.length === 1 && r[0].finishedAt === null,
      );
      await push("XF300001", unitCode, 1, "排队一");
      const [held] = await waitFor(
        "the target run to wait for the full sync's slot",
        () => runsOf("hr-target-sync", since),
        (r) => r.length === 1 && r[0].waitReason === "concurrency",
      );
      expect(held.status).toBe("QUEUED");
      // Nothing of the push reached the IM while the full sync holds the target.
      expect(
        await (await env.db()).sandboxImUser.findUnique({ where: { userid: "XF300001" } }),
      ).toBeNull();
    } finally {
      await holder.query("COMMIT");
      await holder.end();
    }
    const [full] = await waitFor(
      "the full sync to end",
      () => runsOf("hr-full-sync", since),
      (r) => r.every(ended),
    );
    expect(full.status).toBe("COMPLETED");
    const [target] = await waitFor(
      "the target run to end",
      () => runsOf("hr-target-sync", since),
      (r) => r.length === 1 && ended(r[0]),
    );
    expect(target.status).toBe("COMPLETED");
    expect(target.output).toMatchObject({ connectionId: env.connectionId, events: 1, failed: 0 });
    expect(
      (await (await env.db()).sandboxImUser.findUniqueOrThrow({ where: { userid: "XF300001" } }))
        .name,
    ).toBe("排队一");

    const syncRuns = await (
      await env.db()
    ).syncRun.findMany({
      where: { connectionId: env.connectionId, startedAt: { gte: since } },
      orderBy: { startedAt: "asc" },
    });
    expect(syncRuns.map((r) => r.kind)).toEqual(["FULL", "INCREMENTAL"]);
    for (let i = 1; i < syncRuns.length; i++)
      expect(syncRuns[i].startedAt.getTime()).toBeGreaterThanOrEqual(
        syncRuns[i - 1].finishedAt!.getTime(),
      );
    expect(syncRuns[1].trigger).toMatch(/^hr-webhook:evt_XF300001_1_/);
  });

  it("a burst of pushes for one employee takes fewer target runs than pushes and leaves the newest version in the IM", async () => {
    const since = new Date();
    const unitCode = await unitOfFirstEmployee();
    const N = 10;
    for (let v = 1; v <= N; v++) await push("XF400001", unitCode, v, `连发${v}`);
    // The merge function batches the pushes: fewer merge runs than pushes, all N events merged.
    const merges = await waitFor(
      "every push to be merged",
      () => runsOf("hr-incremental-sync", since),
      (r) => r.every(ended) && r.reduce((n, x) => n + (x.events as unknown[]).length, 0) === N,
    );
    expect(merges.every((r) => r.status === "COMPLETED")).toBe(true);
    expect(merges.length).toBeLessThan(N);
    expect(merges.some((r) => (r.events as unknown[]).length > 1)).toBe(true);
    // One target run per merge that changed something, never one per push.
    const targets = await waitFor(
      "the target runs to end",
      () => runsOf("hr-target-sync", since),
      (r) =>
        r.length === merges.filter((m) => !(m.output as { stale?: boolean })?.stale).length &&
        r.every(ended),
    );
    expect(targets.every((r) => r.status === "COMPLETED")).toBe(true);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.length).toBeLessThan(N);
    const user = await (
      await env.db()
    ).sandboxImUser.findUniqueOrThrow({ where: { userid: "XF400001" } });
    expect(user.name).toBe(`连发${N}`);
    const syncRuns = await (
      await env.db()
    ).syncRun.findMany({
      where: { connectionId: env.connectionId, startedAt: { gte: since } },
      orderBy: { startedAt: "asc" },
    });
    expect(syncRuns).toHaveLength(targets.length);
    for (let i = 1; i < syncRuns.length; i++)
      expect(syncRuns[i].startedAt.getTime()).toBeGreaterThanOrEqual(
        syncRuns[i - 1].finishedAt!.getTime(),
      );
  });
});
