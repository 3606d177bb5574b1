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
      () => { connectionId?: string; headers: Record<string, string>; body: string | Buffer },
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
          return { ...s, body: String(s.body).replace("冒名", "篡改") };
        },
        401,
        "bad_signature",
      ],
      // A valid signature over a broken body is the sender's bug, not an authentication failure.
      ["signed but not JSON", () => sign("{not json"), 400, "bad_json"],
      [
        "signed, version is not a number (would have become a timestamp and frozen the employee)",
        () => sign({ ...hire(), data: { ...hire().data, version: "two" } }),
        400,
        "bad_record",
      ],
      [
        "signed, unknown status (was read as active)",
        () => sign({ ...hire(), data: { ...hire().data, status: "retired" } }),
        400,
        "bad_record",
      ],
      [
        "signed, status that only an object prototype knows",
        () => sign({ ...hire(), data: { ...hire().data, status: "constructor" } }),
        400,
        "bad_record",
      ],
      [
        "signed, NUL in the employee number (was a 503 the source retried forever)",
        () => sign({ ...hire(), data: { ...hire().data, employeeNo: "XH99\u0000" } }),
        400,
        "bad_text",
      ],
      [
        "signed, lone surrogate in the employee number (was an active phantom employee)",
        () => {
          const p = hire();
          return sign(
            JSON.stringify(p).replace('"XH990001"', '"XH\\ud800"'),
            webhookSecret,
            new Date(),
            p.id,
          );
        },
        400,
        "bad_text",
      ],
      [
        "signed, invalid UTF-8 in the employee number",
        () => {
          const p = hire();
          const [head, tail] = JSON.stringify(p).split("XH990001");
          const bytes = Buffer.concat([
            Buffer.from(head + "XH"),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(tail),
          ]);
          return sign(bytes, webhookSecret, new Date(), p.id);
        },
        400,
        "invalid_utf8",
      ],
      [
        "signed, a key given twice",
        () => {
          const p = hire();
          return sign(
            JSON.stringify(p).replace('"version":1', '"version":1,"version":2'),
            webhookSecret,
            new Date(),
            p.id,
          );
        },
        400,
        "duplicate_key",
      ],
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
      // Indistinguishable from a bad signature, so connection ids cannot be probed.
      [
        "unknown HR source",
        () => ({ ...sign(hire()), connectionId: "no-such-connection" }),
        401,
        "bad_signature",
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

    it("a pushed transfer dated on no calendar day is a 400 naming the field, stored nowhere", async () => {
      const d = await db();
      const before = await d.employee.count();
      const p = hire();
      const req = sign({
        ...p,
        data: { ...p.data, transfer: { unitCode: "XH-OPS", effectiveDate: "2026-04-31" } },
      });
      const res = await receiveHrWebhook({ connectionId: hrConnectionId, ...req });
      expect(res).toMatchObject({
        status: 400,
        body: {
          accepted: false,
          error: { code: "bad_record", field: "data.transfer.effectiveDate" },
        },
      });
      expect(await d.employee.count()).toBe(before);
      expect(await d.jobEvent.count()).toBe(0);
    });

    it("an unknown connection id and a bad signature get the same status and body", async () => {
      const unknown = await receiveHrWebhook({
        ...sign(hire()),
        connectionId: "no-such-connection",
      });
      const forged = await receiveHrWebhook({
        ...sign(hire(), `whsec_${randomBytes(24).toString("base64")}`),
        connectionId: hrConnectionId,
      });
      const unsigned = await receiveHrWebhook({
        headers: { "content-type": "application/json" },
        body: JSON.stringify(hire()),
        connectionId: hrConnectionId,
      });
      expect(unknown.status).toBe(401);
      expect(forged).toEqual(unknown);
      expect(unsigned).toEqual(unknown);
    });

    it("the route stops reading an oversized body at the limit and answers 413", async () => {
      const { POST } = await import("@/app/api/hooks/hr/[connectionId]/route");
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const res = await POST(
        new Request(`http://orgbridge.test/api/hooks/hr/${hrConnectionId}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: endless,
          duplex: "half",
        } as RequestInit),
        { params: Promise.resolve({ connectionId: hrConnectionId }) },
      );
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ accepted: false, error: { code: "too_large" } });
      // An endless body ends at the limit plus what the stream had buffered, not never.
      expect(pulled).toBeLessThan(2 * 1024 * 1024);
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
