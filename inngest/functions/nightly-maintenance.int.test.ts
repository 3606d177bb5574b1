// "Prune now" end to end through the real parts: requestPrune → event → the embedded executor →
// the nightly-maintenance function served by inngest/node → one step per kind. One kind's table
// is held locked for the whole run: that kind fails (recorded) and every other kind still runs.
import { createServer, type Server } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ExecutorHandle } from "@/inngest/engine";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { freePort, listen, waitFor } from "@/lib/testing/wait-for";

setupTestDb();
const SIGNING_KEY = `signkey-test-${"5e".repeat(32)}`;
const EVENT_KEY = "retention-test-event-key";
const DAY = 86_400_000;

describe("nightly maintenance applies retention kind by kind", () => {
  let executor: ExecutorHandle;
  let appServer: Server;
  let db: (typeof import("@/lib/core/db"))["db"];

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl");
    process.env.INNGEST_DEV = "0";
    process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
    process.env.INNGEST_EVENT_KEY = EVENT_KEY;
    const executorPort = await freePort();
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
    const { startExecutor } = await import("@/inngest/engine");
    const { serve } = await import("inngest/node");
    const { inngest } = await import("@/inngest/client");
    const { nightlyMaintenance } = await import("./nightly-maintenance");
    appServer = createServer(serve({ client: inngest, functions: [nightlyMaintenance] }));
    const appUrl = `http://127.0.0.1:${await listen(appServer)}/api/inngest`;
    executor = await startExecutor({
      port: executorPort,
      databaseUrl,
      signingKey: SIGNING_KEY,
      eventKey: EVENT_KEY,
      appUrls: [appUrl],
      retryBaseMs: 50,
      log: () => {},
    });
    db = (await import("@/lib/core/db")).db;
    await waitFor(
      "the app's functions to register",
      () => db.jobFunction.findMany({ where: { appId: "orgbridge" }, select: { id: true } }),
      (f) => f.some((x) => x.id.endsWith("nightly-maintenance")),
    );
  });

  afterAll(async () => {
    await executor?.stop();
    await new Promise((r) => appServer?.close(r));
  });

  it("removes old rows of every kind it can, records the one that failed, and audits the run", async () => {
    const old = new Date(Date.now() - 400 * DAY);
    const tag = `nightly-${Date.now()}`;
    await db.auditLog.create({
      data: { actorType: "system", actorId: tag, action: "x", targetType: "x", createdAt: old },
    });
    await db.apiRequestLog.create({
      data: {
        method: "GET",
        route: "/x",
        status: 200,
        latencyMs: 1,
        requestId: tag,
        createdAt: old,
      },
    });
    await db.sandboxImMessage.create({
      data: { msgid: tag, userid: "u", agentid: 1, msgtype: "text", content: {}, createdAt: old },
    });

    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query('LOCK TABLE "SandboxImMessage" IN ACCESS EXCLUSIVE MODE');
    let run;
    try {
      const { requestPrune } = await import("@/lib/retention/commands/request-prune");
      const { eventId } = await requestPrune(
        {},
        { actor: { type: "user", id: tag, name: "IT", roles: ["IT_ADMIN"] } },
      );
      run = await waitFor(
        "the maintenance run to finish",
        () => db.jobRun.findFirst({ where: { eventId }, include: { steps: true } }),
        (r) => !!r && ["COMPLETED", "FAILED", "CANCELLED"].includes(r.status),
        120_000,
      );
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }

    expect(run!.status).toBe("COMPLETED");
    const output = run!.output as {
      retention: Record<string, { removed: number; complete: boolean; error?: string }>;
    };
    expect(output.retention.auditLog).toMatchObject({ removed: 1, complete: true });
    expect(output.retention.apiRequestLog).toMatchObject({ removed: 1, complete: true });
    expect(output.retention.sandboxMessages.error).toMatch(/lock timeout/i);
    // Kinds after the failing one ran too.
    expect(output.retention.notificationDeliveries).toMatchObject({ complete: true });
    const stepNames = run!.steps.map((s) => s.name);
    expect(stepNames).toEqual(
      expect.arrayContaining(["prune-jobRuns", "prune-auditLog", "record-retention-audit"]),
    );
    expect(await db.auditLog.count({ where: { actorId: tag, action: "x" } })).toBe(0);
    expect(await db.sandboxImMessage.count({ where: { msgid: tag } })).toBe(1);
    const failed = await db.retentionPrune.findUniqueOrThrow({
      where: { kind: "sandboxMessages" },
    });
    expect(failed.error).toMatch(/lock timeout/i);
    const audit = await db.auditLog.findFirst({
      where: { action: "retention.pruned" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.after).toMatchObject({ apiRequestLog: { removed: 1 } });
  });
});
