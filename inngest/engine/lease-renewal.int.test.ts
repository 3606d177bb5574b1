// A request's concurrency slot is leased (so a crashed executor's slots lapse) and renewed while
// the request runs: a step body that outlasts the lease keeps its slot, so a run arriving after
// the lease would have lapsed is still held. Lease shortened to 1 s here (60 s in production).
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  db,
  EVENT_KEY,
  startTestStack,
  TERMINAL,
  waitFor,
  type TestStack,
} from "./conformance-test-env";

let inside = 0;
let mostInside = 0;

function createLeaseApp() {
  const inngest = new Inngest({ id: "lease" });
  const long = inngest.createFunction(
    { id: "lease-long", concurrency: 1, retries: 0, triggers: { event: "lease/long" } },
    async ({ step }) => {
      await step.run("outlast-the-lease", async () => {
        inside++;
        mostInside = Math.max(mostInside, inside);
        await new Promise((r) => setTimeout(r, 2_500));
        inside--;
      });
    },
  );
  return { inngest, functions: [long] };
}

describe("lease renewal of concurrency slots", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      apps: () => {
        const app = createLeaseApp();
        return [{ client: app.inngest, functions: app.functions }];
      },
      leaseSeconds: 1,
    });
    await waitFor(
      "sync of the lease app",
      () => db.jobFunction.count({ where: { appId: "lease" } }),
      (n) => n === 1,
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const send = async () => {
    const res = await fetch(`${stack.executors[0].url}/e/${EVENT_KEY}`, {
      method: "POST",
      body: JSON.stringify({ name: "lease/long", data: {} }),
    });
    return ((await res.json()) as { ids: string[] }).ids[0];
  };

  test("a step body running past the lease keeps the slot: the run sent after it is held, then runs", async () => {
    const first = await send();
    await waitFor(
      "the first step body to start",
      async () => inside,
      (n) => n === 1,
    );
    // Past the 1 s lease: without renewal the slot would have lapsed and this run would start now.
    await new Promise((r) => setTimeout(r, 1_600));
    const second = await send();
    await waitFor(
      "both runs to end",
      () =>
        db.jobRun.findMany({
          where: { eventId: { in: [first, second] } },
          select: { status: true },
        }),
      (rs) => rs.length === 2 && rs.every((r) => TERMINAL.includes(r.status)),
      30_000,
    );
    expect(mostInside).toBe(1);
    const runs = await db.jobRun.findMany({
      where: { eventId: { in: [first, second] } },
      select: { status: true },
    });
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(await db.jobFlowLease.count({ where: { leaseUntil: { gt: new Date() } } })).toBe(0);
  });
});
