import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { deliveryFilterSchema } from "../callback-console-schemas";
import { getDelivery } from "./get-delivery";
import { getEndpoint } from "./get-endpoint";
import { getSuccessRate } from "./get-success-rate";
import { listAutoDisabledEndpoints } from "./list-auto-disabled-endpoints";
import { listDeliveries } from "./list-deliveries";
import { listEndpoints } from "./list-endpoints";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const NOW = new Date("2026-03-10T12:30:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const run = Math.random().toString(36).slice(2, 8);

async function endpoint(
  name: string,
  extra: {
    enabled?: boolean;
    disabledReason?: string | null;
    disabledKind?: "MANUAL" | "GONE_410" | "AUTO_FAILING" | null;
  } = {},
) {
  const d = await db();
  return d.callbackEndpoint.create({
    data: {
      name: `${name}-${run}`,
      url: `https://${name}.example.com/hooks`,
      eventTypes: ["learning.exam.passed", "sync.completed"],
      secretCipher: "not-read-here",
      ...extra,
    },
  });
}

let eventSeq = 0;
/** A delivery of a new event with attempts answered with `codes` (null = no answer), one hour apart ending at `lastAt`. */
async function delivery(
  endpointId: string,
  options: {
    type?: string;
    status?: "PENDING" | "RETRYING" | "SUCCEEDED" | "DEAD";
    codes: (number | null)[];
    lastAt: Date;
    createdAt?: Date;
  },
) {
  const d = await db();
  const id = `evt_${run}_${++eventSeq}`;
  const event = await d.callbackEvent.create({
    data: {
      id,
      scopedId: id,
      type: options.type ?? "learning.exam.passed",
      data: { employeeNo: "E1" },
      source: "test",
    },
  });
  const n = options.codes.length;
  return d.callbackDelivery.create({
    data: {
      endpointId,
      eventId: event.id,
      status: options.status ?? "SUCCEEDED",
      attemptCount: n,
      lastStatusCode: options.codes.at(-1) ?? null,
      createdAt: options.createdAt ?? new Date(options.lastAt.getTime() - (n - 1) * 3_600_000),
      attempts: {
        create: options.codes.map((statusCode, i) => ({
          attempt: i + 1,
          statusCode,
          latencyMs: 100 + i,
          error: statusCode === null ? "connection refused" : null,
          requestHeaders: { "webhook-id": event.id, "webhook-signature": "v1,abcdef••••" },
          responseHeaders: statusCode === null ? undefined : { "content-type": "text/plain" },
          responseExcerpt: statusCode === null ? null : `status ${statusCode}`,
          createdAt: new Date(options.lastAt.getTime() - (n - 1 - i) * 3_600_000),
        })),
      },
    },
  });
}

describe("callback console read queries", () => {
  beforeEach(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "CallbackAttempt", "CallbackDelivery", "CallbackEvent", "CallbackEndpoint" CASCADE`,
    );
  });

  it("buckets an endpoint's attempts by hour over 24 h and by company day over 7 d", async () => {
    const oa = await endpoint("oa");
    const other = await endpoint("other");
    // 500 at 11:10 UTC, 200 at 12:10.
    await delivery(oa.id, { codes: [500, 200], lastAt: new Date("2026-03-10T12:10:00Z") });
    // No answer at 11:20, 204 at 12:20.
    await delivery(oa.id, { codes: [null, 204], lastAt: new Date("2026-03-10T12:20:00Z") });
    // 3 days ago: dead after three failures, 02:00–04:00 UTC = 10:00–12:00 in Shanghai.
    await delivery(oa.id, {
      status: "DEAD",
      codes: [503, 503, 410],
      lastAt: new Date("2026-03-07T04:00:00Z"),
    });
    // Another endpoint's attempts never count.
    await delivery(other.id, { codes: [500, 500], lastAt: hoursAgo(1) });

    const day = await getSuccessRate({
      endpointId: oa.id,
      range: "24h",
      now: NOW,
      timeZone: "Asia/Shanghai",
    });
    expect(day.buckets).toHaveLength(24);
    const byStart = Object.fromEntries(day.buckets.map((b) => [b.start, b]));
    expect(byStart["2026-03-10T12:00:00.000Z"]).toMatchObject({ succeeded: 2, failed: 0, rate: 1 });
    expect(byStart["2026-03-10T11:00:00.000Z"]).toMatchObject({ succeeded: 0, failed: 2, rate: 0 });
    expect(day).toMatchObject({ succeeded: 2, failed: 2, rate: 0.5 });

    const week = await getSuccessRate({
      endpointId: oa.id,
      range: "7d",
      now: NOW,
      timeZone: "Asia/Shanghai",
    });
    expect(week.buckets).toHaveLength(7);
    // 7 March in Shanghai starts at 16:00 UTC on 6 March.
    const seventh = week.buckets.find((b) => b.start === "2026-03-06T16:00:00.000Z");
    expect(seventh).toMatchObject({ succeeded: 0, failed: 3, rate: 0 });
    expect(week.buckets.at(-1)).toMatchObject({
      start: "2026-03-09T16:00:00.000Z",
      succeeded: 2,
      failed: 2,
    });
    expect(week).toMatchObject({ succeeded: 2, failed: 5 });
  });

  it("lists endpoints with 24-hour counts, newest delivery and why each one is off", async () => {
    const oa = await endpoint("oa");
    await endpoint("quiet");
    const paused = await endpoint("paused", { enabled: false, disabledReason: null });
    const gone = await endpoint("gone", {
      enabled: false,
      disabledKind: "GONE_410",
      disabledReason: "The receiver answered 410 Gone.",
    });
    await delivery(oa.id, { codes: [500, 200], lastAt: hoursAgo(2) });
    // 30 hours old: outside the 24-hour figure, but still an older delivery.
    await delivery(oa.id, { codes: [200], lastAt: hoursAgo(30) });
    const newest = await delivery(oa.id, {
      type: "sync.completed",
      status: "RETRYING",
      codes: [503],
      lastAt: hoursAgo(0.5),
    });
    await delivery(gone.id, { status: "DEAD", codes: [410], lastAt: hoursAgo(3) });

    const rows = await listEndpoints(NOW);
    const byName = Object.fromEntries(rows.map((r) => [r.name.replace(`-${run}`, ""), r]));
    expect(Object.keys(byName)).toEqual(["oa", "quiet", "paused", "gone"]);
    expect(byName.oa).toMatchObject({
      succeeded24h: 1,
      failed24h: 2,
      disabledKind: null,
      lastDelivery: { status: "RETRYING", eventType: "sync.completed" },
    });
    expect(byName.oa.lastDelivery!.at.getTime()).toBe(newest.createdAt.getTime());
    expect(byName.quiet).toMatchObject({ succeeded24h: 0, failed24h: 0, lastDelivery: null });
    expect(byName.paused.disabledKind).toBe("manual");
    expect(byName.gone).toMatchObject({ disabledKind: "gone", failed24h: 1 });

    const banner = await listAutoDisabledEndpoints();
    expect(banner.map((e) => e.id)).toEqual([gone.id]);
    expect(paused.id).not.toBe(gone.id);
  });

  it("filters and pages an endpoint's deliveries; a delivery shows every attempt in order", async () => {
    const oa = await endpoint("oa");
    const other = await endpoint("other");
    for (let i = 0; i < 5; i++) await delivery(oa.id, { codes: [200], lastAt: hoursAgo(10 - i) });
    const dead = await delivery(oa.id, {
      type: "sync.completed",
      status: "DEAD",
      codes: [500, null, 502],
      lastAt: hoursAgo(1),
    });
    await delivery(oa.id, { type: "sync.completed", codes: [200], lastAt: hoursAgo(0.2) });
    await delivery(other.id, { status: "DEAD", codes: [500], lastAt: hoursAgo(1) });

    const all = await listDeliveries(oa.id, deliveryFilterSchema.parse({}), 3);
    expect(all).toMatchObject({ total: 7, pages: 3, page: 1 });
    expect(all.rows[0].eventType).toBe("sync.completed");
    expect(all.rows[1]).toMatchObject({
      id: dead.id,
      status: "DEAD",
      attemptCount: 3,
      lastStatusCode: 502,
      latencyMs: 102,
    });

    const deadOnly = await listDeliveries(oa.id, deliveryFilterSchema.parse({ status: "DEAD" }));
    expect(deadOnly.rows.map((r) => r.id)).toEqual([dead.id]);
    const syncOnly = await listDeliveries(
      oa.id,
      deliveryFilterSchema.parse({ type: "sync.completed", status: "" }),
    );
    expect(syncOnly.total).toBe(2);
    const examSucceeded = await listDeliveries(
      oa.id,
      deliveryFilterSchema.parse({ type: "learning.exam.passed", status: "SUCCEEDED", page: "9" }),
    );
    expect(examSucceeded).toMatchObject({ total: 5, page: 1 });
    expect(() => deliveryFilterSchema.parse({ type: "no.such.type" })).toThrow();

    const detail = await getDelivery(oa.id, dead.id);
    expect(detail!.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, null],
      [2, null, "connection refused"],
      [3, 502, null],
    ]);
    expect(detail!.attempts[0].requestHeaders["webhook-signature"]).toBe("v1,abcdef••••");
    expect(detail!.attempts[1].responseHeaders).toBeNull();
    // Another endpoint's id does not open the delivery.
    expect(await getDelivery(other.id, dead.id)).toBeNull();
  });

  it("never hands out an endpoint's secrets, and says whether a rotated-out one still signs", async () => {
    const d = await db();
    const oa = await endpoint("oa");
    await d.callbackEndpoint.update({
      where: { id: oa.id },
      data: {
        previousSecretCipher: "old",
        previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const detail = await getEndpoint(oa.id);
    expect(detail).not.toHaveProperty("secretCipher");
    expect(detail).not.toHaveProperty("previousSecretCipher");
    expect(detail!.previousSecretActive).toBe(true);
    await d.callbackEndpoint.update({
      where: { id: oa.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await getEndpoint(oa.id))!.previousSecretActive).toBe(false);
    expect(await getEndpoint("missing")).toBeNull();
  });
});
