// Incremental sync latency on the production build: a running `npm start` (Next.js production server
// with the HR webhook receiver and the real /api/inngest serve handler, the embedded executor, the
// sandbox HR and IM, PostgreSQL on its default port). Each hire is written into the product's sandbox
// HR and pushed, signed with its webhook secret (.data/secrets.json), to the production server's
// receiver; latency = the sandbox IM user's createdAt − the HR event's occurredAt.
// When the demo's IM target has had no full sync yet ("Sync now" was never pressed), the bench asks for one
// (event hr/sync.requested through the executor's event API) and waits for it. The hires stay in the demo
// company afterwards (employee numbers XP…/XQ… plus a run tag).
// Run: node --import tsx bench/sync-incremental-product.ts   BENCH_EVENTS (6000)  BENCH_RATE (100/s)
//   BENCH_WARMUP (200 hires at 20/s first, not measured)  DATABASE_URL (else the product's on its port)
// Issue #17's target: 100 changes/s for 60 s → p99 ≤ 2 s. Last line: BENCH {json}.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { profiles } from "../scripts/lib/profiles";
import { offerHires, pct, reportHires } from "./lib/offer-hires";
import { eventSender } from "./lib/run-latency";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 6_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);

async function main() {
  const { ports } = profiles.dev;
  const root = path.join(import.meta.dirname, "..");
  const secrets = JSON.parse(readFileSync(path.join(root, ".data", "secrets.json"), "utf8")) as {
    sandboxHrWebhookSecret: string;
    inngestEventKey: string;
  };
  process.env.DATABASE_URL ??= `postgresql://postgres:orgbridge@127.0.0.1:${ports.postgres}/orgbridge`;
  const { db } = await import("../lib/core/db");
  try {
    const hr = await db.connection.findFirst({
      where: { kind: "HR_SOURCE", provider: "sandbox-hr" },
      select: { id: true },
    });
    const im = await db.connection.findFirst({
      where: { kind: "IM_TARGET", provider: "sandbox-im" },
      select: { id: true },
    });
    if (!hr || !im)
      throw new Error("no sandbox HR/IM connection: start the product with npm start");
    const fullDone = () =>
      db.syncRun.count({
        where: { connectionId: im.id, kind: "FULL", status: { in: ["SUCCEEDED", "PARTIAL"] } },
      });
    if (!(await fullDone())) {
      const send = eventSender(`http://127.0.0.1:${ports.executor}`, secrets.inngestEventKey);
      await send({
        name: "hr/sync.requested",
        data: { connectionId: im.id, hrConnectionId: hr.id, requestedBy: "bench" },
      });
      const deadline = Date.now() + 300_000;
      while (!(await fullDone())) {
        if (Date.now() > deadline)
          throw new Error("the demo's first full sync did not finish in 5 min");
        await new Promise((r) => setTimeout(r, 1_000));
      }
      console.log("first full sync of the demo company done");
    }
    // Units whose IM group exists: a hire there gets an account at once.
    const groups = await db.imGroup.findMany({
      where: { connectionId: im.id, deleted: false, orgUnitCode: { not: null } },
      select: { orgUnitCode: true },
      orderBy: { orgUnitCode: "asc" },
    });
    const units = groups.map((g) => g.orgUnitCode!).filter((c) => c !== "XH");
    const webhook = {
      url: `http://127.0.0.1:${ports.app}/api/hooks/hr/${hr.id}`,
      secret: secrets.sandboxHrWebhookSecret,
    };
    // A tag per run: the demo database keeps earlier runs' hires, and employee numbers and mobiles are unique.
    const tag = String.fromCharCode(65 + randomInt(26), 65 + randomInt(26));
    const mobileBase = randomInt(9_000) * 10_000;
    // The warm-up's hires take the first WARMUP mobiles of the run's range, the measured ones the rest.
    const offer = (count: number, rate: number, prefix: string, offset: number) =>
      offerHires(
        { db, webhook },
        {
          count,
          rate,
          prefix: `${prefix}${tag}`,
          mobileStem: "98",
          units,
          mobileBase: mobileBase + offset,
        },
      );
    const before = await db.syncRun.count({ where: { connectionId: im.id, kind: "INCREMENTAL" } });
    const warm = await offer(WARMUP, 20, "XQ", 0);
    console.log(`warm-up: ${WARMUP} hires at 20/s, p50 ${pct(warm.lat, 50)} ms, tag ${tag}`);
    const loadBefore = loadavg();
    const measured = await offer(EVENTS, RATE, "XP", WARMUP);
    const incrementalRuns =
      (await db.syncRun.count({ where: { connectionId: im.id, kind: "INCREMENTAL" } })) - before;
    reportHires(
      "sync-incremental-product",
      { events: EVENTS, rate: RATE, incrementalRuns, loadBefore },
      measured,
      { build: "production" },
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
