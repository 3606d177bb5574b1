// HR webhooks: what the receiver refuses, storing nothing; setup in incremental-sync-test-env.ts.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { receiveHrWebhook } from "@/lib/sync/commands/receive-hr-webhook";
import type { HrWebhookPayload } from "@/lib/sandbox/hr/emit-hr-webhook";
import { setupIncrementalWorld, sign, webhookSecret } from "./incremental-sync-test-env";

const env = setupIncrementalWorld();

describe("HR webhooks and the incremental sync", () => {
  const { db } = env;
  let hrConnectionId: string;
  beforeAll(() => {
    ({ hrConnectionId } = env);
  });

  describe("the receiver refuses what it cannot trust, and stores nothing", () => {
    const hire = (): HrWebhookPayload => ({
      type: "employee.changed",
      id: `evt_${randomBytes(6).toString("hex")}`,
      occurredAt: new Date().toISOString(),
      data: { employeeNo: "XH990001", name: "冒名", status: "active", version: 1 },
    });
    const cases: [
      string,
      () => { connectionId?: string; headers: Record<string, string>; body: string },
      number,
      string,
    ][] = [
      [
        "no signature",
        () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(hire()) }),
        401,
        "bad_signature",
      ],
      [
        "signed with another secret",
        () => sign(hire(), `whsec_${randomBytes(24).toString("base64")}`),
        401,
        "bad_signature",
      ],
      [
        "timestamp 10 minutes old",
        () => sign(hire(), webhookSecret, new Date(Date.now() - 10 * 60_000)),
        401,
        "bad_signature",
      ],
      [
        "body changed after signing",
        () => {
          const s = sign(hire());
          return { ...s, body: s.body.replace("冒名", "篡改") };
        },
        401,
        "bad_signature",
      ],
      ["signed but not JSON", () => sign("{not json"), 401, "bad_signature"],
      [
        "signed envelope of an unknown type",
        () => sign({ ...hire(), type: "payroll.changed" as never }),
        400,
        "bad_payload",
      ],
      [
        "signed employee without a number",
        () => sign({ ...hire(), data: { name: "无工号", status: "active", version: 1 } }),
        400,
        "bad_record",
      ],
      [
        "unknown HR source",
        () => ({ ...sign(hire()), connectionId: "no-such-connection" }),
        404,
        "unknown_source",
      ],
      [
        "over the size limit",
        () =>
          sign({
            ...hire(),
            data: {
              employeeNo: "XH990002",
              name: "x".repeat(300_000),
              status: "active",
              version: 1,
            },
          }),
        413,
        "too_large",
      ],
    ];
    it.each(cases)("%s", async (_, make, status, code) => {
      const d = await db();
      const before = await d.employee.count();
      const req = make();
      const res = await receiveHrWebhook({
        connectionId: req.connectionId ?? hrConnectionId,
        headers: req.headers,
        body: req.body,
      });
      expect(res).toMatchObject({ status, body: { accepted: false, error: { code } } });
      expect(await d.employee.count()).toBe(before);
      expect(await d.jobEvent.count()).toBe(0);
    });

    it("answers 503 when a verified change cannot be queued, so the HR source retries", async () => {
      const res = await receiveHrWebhook({ connectionId: hrConnectionId, ...sign(hire()) });
      expect(res).toMatchObject({
        status: 503,
        body: { accepted: false, error: { code: "queue_unavailable" } },
      });
    });
  });
});
