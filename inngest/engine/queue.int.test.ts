// The executor's pg-boss queue as PostgreSQL sees it: an index in pg-boss's fetch order, so a fetch
// reads the jobs it takes rather than sorting the whole backlog; and the queue still runs through it.
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  appSynced,
  db,
  postEvent,
  runsEnded,
  startTestStack,
  type TestStack,
} from "./conformance-test-env";

const APP_ID = "queue-test";

describe("executor queue", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      apps: () => {
        const client = new Inngest({ id: APP_ID });
        const twoSteps = client.createFunction(
          { id: "two-steps", triggers: { event: "test/queue" } },
          async ({ event, step }) => {
            const a = await step.run("a", () => Number(event.data.n) + 1);
            await step.sleep("pause", "1s");
            return step.run("b", () => a * 2);
          },
        );
        return [{ client, functions: [twoSteps] }];
      },
    });
    await appSynced(APP_ID, 1);
  });

  afterAll(async () => {
    await stack?.stop();
    await db.jobFunction.deleteMany({ where: { appId: APP_ID } });
  });

  test("the queue's partition has an index in the order pg-boss fetches", async () => {
    const rows = await db.$queryRaw<{ def: string }[]>`
      SELECT indexdef AS def FROM pg_indexes
       WHERE schemaname = 'pgboss'
         AND tablename = (SELECT partition_name FROM pgboss.queue WHERE name = 'orgbridge-executor')
         AND indexname LIKE '%\\_fetch'`;
    expect(rows).toHaveLength(1);
    expect(rows[0].def).toMatch(/\(name, priority DESC, created_on, id\) WHERE \(state < 'active'/);
    // The queue works through it: runs with a step, a sleep (a delayed job) and another step end.
    const ids = await Promise.all(
      [1, 2, 3].map((n) => postEvent(stack.executors[0].url, "test/queue", { n })),
    );
    const runs = await runsEnded(ids);
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
  });
});
