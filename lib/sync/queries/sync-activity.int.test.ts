// The sync runs page's queries: the kind filter, incremental runs per hour with the hour drill-down,
// changes per hour, and that each is served by the (kind, startedAt) index on a table full of pushes.
import { beforeAll, describe, expect, it } from "vitest";
import { COMPANY_TIME_ZONE_SETTING } from "@/lib/core/time/load-company-time-zone";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { syncRunListSchema } from "../sync-run-schemas";
import { listIncrementalHours } from "./list-incremental-hours";
import { listSyncRuns } from "./list-sync-runs";
import { loadSyncActivity } from "./load-sync-activity";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const NOW = new Date("2026-06-01T12:34:00Z");
const at = (iso: string) => new Date(iso);
const H12 = "2026-06-01T12:00:00.000Z";
const H09 = "2026-06-01T09:00:00.000Z";

describe("sync activity", () => {
  let imId: string;
  let im2Id: string;

  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "Connection" CASCADE`,
    );
    imId = (
      await d.connection.create({
        data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM A" },
      })
    ).id;
    im2Id = (
      await d.connection.create({
        data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM B" },
      })
    ).id;
    const inc = (connectionId: string, startedAt: string, applied: number, failed = 0) => ({
      connectionId,
      kind: "INCREMENTAL" as const,
      trigger: "hr-webhook:e",
      status: failed ? ("PARTIAL" as const) : ("SUCCEEDED" as const),
      planned: applied + failed,
      applied,
      failed,
      conflicts: failed,
      startedAt: at(startedAt),
      finishedAt: at(startedAt),
    });
    await d.syncRun.createMany({
      data: [
        {
          connectionId: imId,
          kind: "FULL",
          trigger: "cron",
          status: "RUNNING",
          planned: 1000,
          applied: 300,
          startedAt: at("2026-06-01T10:15:00Z"),
        },
        {
          connectionId: imId,
          kind: "DRY_RUN",
          trigger: "manual:u",
          status: "SUCCEEDED",
          planned: 7,
          startedAt: at("2026-06-01T11:00:00Z"),
        },
        inc(imId, "2026-06-01T12:05:00Z", 1),
        inc(imId, "2026-06-01T12:20:00Z", 1),
        inc(imId, "2026-06-01T12:33:59Z", 0, 1),
        inc(im2Id, "2026-06-01T12:10:00Z", 2),
        inc(imId, "2026-06-01T09:59:59.999Z", 3),
        inc(imId, "2026-06-01T13:00:00Z", 5), // the next hour: outside the drill-down of 12:00
        inc(imId, "2026-05-30T08:00:00Z", 4), // 52 h ago: in the week, not in the day
      ],
    });
  });

  it('"all" lists full runs and dry runs, newest first, without the incremental ones', async () => {
    const { runs } = await listSyncRuns(syncRunListSchema.parse({}));
    expect(runs.map((r) => r.kind)).toEqual(["DRY_RUN", "FULL"]);
  });

  it.each([
    ["FULL", ["FULL"]],
    ["DRY_RUN", ["DRY_RUN"]],
  ])("kind=%s lists that kind only", async (kind, kinds) => {
    const { runs } = await listSyncRuns(syncRunListSchema.parse({ kind }));
    expect(runs.map((r) => r.kind)).toEqual(kinds);
  });

  it("an hour's drill-down lists the incremental runs started in it, per IM target or all", async () => {
    const one = await listSyncRuns(
      syncRunListSchema.parse({ kind: "INCREMENTAL", hour: H12, connection: imId }),
    );
    expect(one.runs.map((r) => r.startedAt)).toEqual([
      "2026-06-01T12:33:59.000Z",
      "2026-06-01T12:20:00.000Z",
      "2026-06-01T12:05:00.000Z",
    ]);
    const all = await listSyncRuns(syncRunListSchema.parse({ kind: "INCREMENTAL", hour: H12 }));
    expect(all.runs).toHaveLength(4);
    expect(new Set(all.runs.map((r) => r.connectionName))).toEqual(new Set(["IM A", "IM B"]));
  });

  it("adds incremental runs up per hour and IM target, newest hour first", async () => {
    const rows = await listIncrementalHours({ since: at("2026-06-01T00:00:00Z"), timeZone: "UTC" });
    expect(rows).toEqual([
      {
        hour: "2026-06-01T13:00:00.000Z",
        connectionId: imId,
        connectionName: "IM A",
        runs: 1,
        applied: 5,
        failed: 0,
        skipped: 0,
        conflicts: 0,
      },
      {
        hour: H12,
        connectionId: imId,
        connectionName: "IM A",
        runs: 3,
        applied: 2,
        failed: 1,
        skipped: 0,
        conflicts: 1,
      },
      {
        hour: H12,
        connectionId: im2Id,
        connectionName: "IM B",
        runs: 1,
        applied: 2,
        failed: 0,
        skipped: 0,
        conflicts: 0,
      },
      {
        hour: H09,
        connectionId: imId,
        connectionName: "IM A",
        runs: 1,
        applied: 3,
        failed: 0,
        skipped: 0,
        conflicts: 0,
      },
    ]);
    const onlyB = await listIncrementalHours({
      since: at("2026-06-01T00:00:00Z"),
      connectionId: im2Id,
      timeZone: "UTC",
    });
    expect(onlyB.map((r) => [r.hour, r.connectionName])).toEqual([[H12, "IM B"]]);
  });

  it("the page's activity: hours and chart over the range, the runs table by filter", async () => {
    const day = await loadSyncActivity(syncRunListSchema.parse({}), NOW);
    expect(day.runs?.runs.map((r) => r.kind)).toEqual(["DRY_RUN", "FULL"]);
    // The hours list has no upper bound: a run stamped ahead of this clock (13:00) is still listed.
    expect(day.hours?.map((h) => `${h.hour} ${h.connectionName}`)).toEqual([
      "2026-06-01T13:00:00.000Z IM A",
      `${H12} IM A`,
      `${H12} IM B`,
      `${H09} IM A`,
    ]);
    expect(day.chart).toHaveLength(24);
    // The chart ends with the current hour.
    expect(day.chart.at(-1)).toEqual({
      hour: H12,
      applied: 4,
      failed: 1,
      skipped: 0,
      conflicts: 1,
    });
    const byHour = Object.fromEntries(day.chart.map((c) => [c.hour, c.applied]));
    expect(byHour["2026-06-01T10:00:00.000Z"]).toBe(300);
    expect(byHour[H09]).toBe(3);
    expect(day.chart.reduce((n, c) => n + c.applied, 0)).toBe(307);

    const week = await loadSyncActivity(syncRunListSchema.parse({ range: "7d" }), NOW);
    expect(week.chart).toHaveLength(168);
    expect(week.hours?.at(-1)).toMatchObject({ hour: "2026-05-30T08:00:00.000Z", applied: 4 });

    const full = await loadSyncActivity(syncRunListSchema.parse({ kind: "FULL" }), NOW);
    expect(full.hours).toBeNull();
    expect(full.chart.reduce((n, c) => n + c.applied, 0)).toBe(300);

    const incremental = await loadSyncActivity(
      syncRunListSchema.parse({ kind: "INCREMENTAL" }),
      NOW,
    );
    expect(incremental.runs).toBeNull();
    expect(incremental.hours?.length).toBeGreaterThan(0);
    const drill = await loadSyncActivity(
      syncRunListSchema.parse({ kind: "INCREMENTAL", hour: H12, connection: im2Id }),
      NOW,
    );
    expect(drill.hours).toBeNull();
    expect(drill.runs?.runs.map((r) => r.connectionName)).toEqual(["IM B"]);
  });

  it("hours are the company time zone's: Asia/Kathmandu (+05:45) hours start at :15 UTC", async () => {
    const d = await db();
    const before = await d.setting.findUnique({ where: { key: COMPANY_TIME_ZONE_SETTING } });
    await d.setting.upsert({
      where: { key: COMPANY_TIME_ZONE_SETTING },
      create: { key: COMPANY_TIME_ZONE_SETTING, value: "Asia/Kathmandu" },
      update: { value: "Asia/Kathmandu" },
    });
    try {
      // NOW (12:34Z) is 18:19 in Kathmandu: the current local hour began at 12:15Z.
      const H1215 = "2026-06-01T12:15:00.000Z";
      const H1115 = "2026-06-01T11:15:00.000Z";
      const day = await loadSyncActivity(syncRunListSchema.parse({}), NOW);
      // 12:05Z and 12:10Z belong to the local hour before; the 13:00Z run to the current one.
      expect(day.hours?.map((h) => [h.hour, h.connectionName, h.runs, h.applied])).toEqual([
        [H1215, "IM A", 3, 6],
        [H1115, "IM A", 1, 1],
        [H1115, "IM B", 1, 2],
        ["2026-06-01T09:15:00.000Z", "IM A", 1, 3],
      ]);
      expect(day.chart).toHaveLength(24);
      expect(day.chart[0].hour).toBe("2026-05-31T13:15:00.000Z");
      expect(day.chart.at(-1)).toEqual({
        hour: H1215,
        applied: 6,
        failed: 1,
        skipped: 0,
        conflicts: 1,
      });
      const byHour = Object.fromEntries(day.chart.map((c) => [c.hour, c.applied]));
      expect(byHour["2026-06-01T10:15:00.000Z"]).toBe(300);
      expect(byHour[H1115]).toBe(3);
      expect(day.chart.reduce((n, c) => n + c.applied, 0)).toBe(312);
      // The hour the table links to drills down to exactly its runs.
      const drill = await loadSyncActivity(
        syncRunListSchema.parse({ kind: "INCREMENTAL", hour: H1215, connection: imId }),
        NOW,
      );
      expect(drill.runs?.runs.map((r) => r.startedAt)).toEqual([
        "2026-06-01T13:00:00.000Z",
        "2026-06-01T12:33:59.000Z",
        "2026-06-01T12:20:00.000Z",
      ]);
    } finally {
      if (before)
        await d.setting.update({
          where: { key: COMPANY_TIME_ZONE_SETTING },
          data: { value: before.value as string },
        });
      else await d.setting.delete({ where: { key: COMPANY_TIME_ZONE_SETTING } });
    }
  });

  it("each query is an index scan on (kind, startedAt) with 100,000 incremental runs in the table", async () => {
    const d = await db();
    await d.$executeRawUnsafe(`
      INSERT INTO "SyncRun" (id, "connectionId", kind, trigger, status, applied, "startedAt", "finishedAt")
      SELECT 'bulk' || g, '${imId}', 'INCREMENTAL', 'hr-webhook:bulk', 'SUCCEEDED', 1,
             timestamp '2026-06-01 12:00' - g * interval '26 seconds', timestamp '2026-06-01 12:00' - g * interval '26 seconds'
      FROM generate_series(1, 100000) g`);
    await d.$executeRawUnsafe(`ANALYZE "SyncRun"`);
    const plan = async (sql: string) =>
      (await d.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    const plans = {
      all: await plan(
        `SELECT id FROM "SyncRun" WHERE kind IN ('FULL','DRY_RUN','RECONCILE') ORDER BY "startedAt" DESC LIMIT 50`,
      ),
      drill: await plan(
        `SELECT id FROM "SyncRun" WHERE kind = 'INCREMENTAL' AND "connectionId" = '${imId}'
           AND "startedAt" >= '2026-06-01 11:00' AND "startedAt" < '2026-06-01 12:00' ORDER BY "startedAt" DESC LIMIT 50`,
      ),
      hours: await plan(
        `SELECT date_trunc('hour', "startedAt"), "connectionId", count(*), sum(applied) FROM "SyncRun"
           WHERE kind = 'INCREMENTAL' AND "startedAt" >= '2026-05-31 13:00' GROUP BY 1, 2`,
      ),
      chart: await plan(
        `SELECT date_trunc('hour', "startedAt"), sum(applied) FROM "SyncRun"
           WHERE kind = ANY(ARRAY['FULL','INCREMENTAL','RECONCILE','DRY_RUN']::"SyncKind"[]) AND "startedAt" >= '2026-05-31 13:00' GROUP BY 1`,
      ),
    };
    for (const [name, text] of Object.entries(plans)) {
      // The drill-down names one IM target too: (connectionId, startedAt) serves it as well, and
      // the planner picks either by its statistics (a CI run chose that one).
      const index =
        name === "drill"
          ? /SyncRun_(kind|connectionId)_startedAt_idx/
          : /SyncRun_kind_startedAt_idx/;
      expect(text, `${name}:\n${text}`).toMatch(index);
      expect(text, `${name}:\n${text}`).not.toMatch(/Seq Scan on "SyncRun"/);
    }
    // A day of pushes 26 s apart (g = 1…3184 before 12:00) plus the 09:59 run: 23 hour rows, counted exactly.
    const rows = await listIncrementalHours({
      since: at("2026-05-31T13:00:00Z"),
      timeZone: "UTC",
    });
    const bulk = rows.filter((r) => r.hour < H12);
    expect(bulk).toHaveLength(23);
    expect(bulk.every((r) => r.connectionName === "IM A")).toBe(true);
    expect(bulk.reduce((n, r) => n + r.runs, 0)).toBe(3184 + 1);
  });
});
