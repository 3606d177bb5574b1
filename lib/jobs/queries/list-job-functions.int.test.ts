import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { listJobFunctions } from "./list-job-functions";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const run = Math.random().toString(36).slice(2, 8);

describe("listJobFunctions", () => {
  it("lists each function's flow control, refusal and events skipped in the last 24 h", async () => {
    const d = await db();
    const limited = `jobs-${run}-limited`;
    const refused = `jobs-${run}-refused`;
    await d.jobFunction.createMany({
      data: [
        {
          id: limited,
          appId: `jobs-${run}`,
          name: `Limited ${run}`,
          url: "http://127.0.0.1:3000/api/inngest?fnId=x",
          config: { id: limited, rateLimit: { limit: 2, period: "1m", key: "event.data.user" } },
        },
        {
          id: refused,
          appId: `jobs-${run}`,
          name: `Refused ${run}`,
          url: "http://127.0.0.1:3000/api/inngest?fnId=y",
          config: { id: refused, concurrency: { limit: 1, scope: "account" } },
          refusal: `function ${refused}: option "concurrency.0.scope": scope "account" is not supported`,
        },
      ],
    });
    const old = new Date(Date.now() - 2 * 86_400_000);
    await d.jobSkip.createMany({
      data: [
        { id: `${run}-1`, functionId: limited, eventId: "e1", reason: "rate-limited", key: "u" },
        { id: `${run}-2`, functionId: limited, eventId: "e2", reason: "rate-limited", key: "u" },
        {
          id: `${run}-3`,
          functionId: limited,
          eventId: "e3",
          reason: "rate-limited",
          key: "u",
          createdAt: old,
        },
      ],
    });

    const rows = (await listJobFunctions()).filter((f) => f.id.startsWith(`jobs-${run}`));
    expect(rows).toEqual([
      {
        id: limited,
        name: `Limited ${run}`,
        refusal: null,
        flow: [{ option: "rateLimit", value: "limit: 2, period: 1m, key: event.data.user" }],
        skipped24h: 2,
      },
      {
        id: refused,
        name: `Refused ${run}`,
        refusal: expect.stringContaining('"concurrency.0.scope"'),
        flow: [{ option: "concurrency", value: "limit: 1, scope: account" }],
        skipped24h: 0,
      },
    ]);
  });
});
