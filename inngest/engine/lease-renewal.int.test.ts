// A request's concurrency slot is leased (so a crashed executor's slots lapse) and renewed while
// the request runs: a step body that outlasts the lease keeps its slot, so a run arriving after
// the lease would have lapsed is still held. Lease shortened to 1 s here (60 s in production).
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  appSynced,
  db,
  postEvent,
  runsEnded,
  startTestStack,
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
    await appSynced("lease", 1);
  });

  afterAll(async () => {
    await stack?.stop();
    await db.jobFunction.deleteMany({ where: { appId: "lease" } });
  });

  const send = () => postEvent(stack.executors[0].url, "lease/long");

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
    const runs = await runsEnded([first, second], 30_000);
    expect(mostInside).toBe(1);
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(await db.jobFlowLease.count({ where: { leaseUntil: { gt: new Date() } } })).toBe(0);
  });
});
