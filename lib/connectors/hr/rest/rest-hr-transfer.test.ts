// Pending transfers through the REST HR connector: mapped from a configured path, refused (naming
// the field) when the date is not a calendar day or the shape is not a transfer — on a push and on a pull.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createRestHrSource } from "./create-rest-hr-source";

const secret = `whsec_${Buffer.from("fedcba9876543210fedcba9876543210").toString("base64")}`;
let staff: unknown[] = [];

describe("REST HR source: pending transfers", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(() => ({ body: { items: staff } }));
  });
  afterAll(() => server.close());

  const make = () =>
    createRestHrSource(
      {
        baseUrl: server.url,
        auth: "none",
        pagination: { type: "cursor", cursorParam: "c", sizeParam: "n", nextCursorPath: "next" },
        employees: {
          path: "/staff",
          itemsPath: "items",
          fields: { employeeNo: "no", name: "name", unitCode: "dept", transfer: "job.move" },
          statusMap: {},
        },
        rateLimit: false,
      },
      { webhookSecret: secret },
    );

  it("maps a transfer at the configured path; null, absent or an unset path mean none", async () => {
    staff = [
      {
        no: "E1",
        name: "a",
        dept: "RD",
        job: {
          move: { unitCode: "OPS", effectiveDate: "2026-12-24", title: "Lead", managerNo: "" },
        },
      },
      { no: "E2", name: "b", dept: "RD", job: { move: null } },
      { no: "E3", name: "c", dept: "RD" },
    ];
    const [e1, e2, e3] = await collect(make().listEmployees());
    // "" for an optional sub-field is HR's way of saying "none".
    expect(e1.transfer).toEqual({ unitCode: "OPS", effectiveDate: "2026-12-24", title: "Lead" });
    expect(e2).not.toHaveProperty("transfer");
    expect(e3).not.toHaveProperty("transfer");
  });

  it("refuses a pulled page whose transfer has no calendar date, naming the record and field", async () => {
    staff = [
      { no: "E1", name: "a", dept: "RD" },
      {
        no: "E2",
        name: "b",
        dept: "RD",
        job: { move: { unitCode: "OPS", effectiveDate: "2026-02-29" } },
      },
    ];
    await expect(make().listEmployeesPage()).rejects.toMatchObject({
      kind: "invalid",
      code: "bad_record",
      field: "job.move.effectiveDate",
      message: expect.stringContaining("item 1 (E2)"),
    });
  });

  describe("pushed records", () => {
    const wh = new Webhook(secret);
    const push = (move: unknown) => {
      const body = JSON.stringify({
        type: "employee.changed",
        id: "evt_t",
        occurredAt: "2026-12-01T00:00:00Z",
        data: { no: "E9", name: "n", dept: "RD", job: { move } },
      });
      const at = new Date();
      const headers = {
        "webhook-id": "msg_t",
        "webhook-timestamp": String(Math.floor(at.getTime() / 1_000)),
        "webhook-signature": wh.sign("msg_t", at, body),
      };
      return () => make().verifyWebhook(headers, body);
    };

    it("maps a valid transfer, trimming its text", () => {
      const event = push({ unitCode: " OPS ", effectiveDate: "2028-02-29", title: null })();
      expect(event.data).toMatchObject({
        employeeNo: "E9",
        unitCode: "RD",
        transfer: { unitCode: "OPS", effectiveDate: "2028-02-29" },
      });
    });

    it.each<[string, unknown, string, string]>([
      [
        "a day that does not exist",
        { unitCode: "OPS", effectiveDate: "2026-02-29" },
        "data.job.move.effectiveDate",
        "calendar date",
      ],
      [
        "a date in another format",
        { unitCode: "OPS", effectiveDate: "2026/12/24" },
        "data.job.move.effectiveDate",
        "calendar date",
      ],
      [
        "a date-time instead of a day",
        { unitCode: "OPS", effectiveDate: "2026-12-24T00:00:00+08:00" },
        "data.job.move.effectiveDate",
        "calendar date",
      ],
      ["no date", { unitCode: "OPS" }, "data.job.move.effectiveDate", "is required"],
      ["no unit", { effectiveDate: "2026-12-24" }, "data.job.move.unitCode", "is required"],
      [
        "a blank unit",
        { unitCode: "  ", effectiveDate: "2026-12-24" },
        "data.job.move.unitCode",
        "must not be blank",
      ],
      [
        "a unit that is not text",
        { unitCode: 42, effectiveDate: "2026-12-24" },
        "data.job.move.unitCode",
        "must be text",
      ],
      [
        "an unknown key (a misspelt field would be lost silently)",
        { unitCode: "OPS", effectiveDate: "2026-12-24", effectiveFrom: "2026-12-20" },
        "data.job.move.effectiveFrom",
        "is not a field of a transfer",
      ],
      ["a string", "OPS from 2026-12-24", "data.job.move", "must be an object or null"],
      ["a list", [{ unitCode: "OPS" }], "data.job.move", "must be an object or null"],
    ])("refuses %s, naming the field", (_name, move, field, message) => {
      expect(push(move)).toThrow(
        expect.objectContaining({
          kind: "invalid",
          code: "bad_record",
          field,
          message: expect.stringContaining(message),
        }),
      );
    });
  });
});
