import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createRestHrSource } from "./create-rest-hr-source";

// An HRIS with its own field names, page/size paging, and an errcode envelope (薪人薪事-like).
const employees = Array.from({ length: 23 }, (_, i) => ({
  emp: { no: `E${String(i + 1).padStart(4, "0")}`, display: `员工${i + 1}` },
  contact: { mail: `e${i + 1}@corp.example`, phone: `1380000${String(i).padStart(4, "0")}` },
  dept: { code: i % 2 ? "RD" : "HQ" },
  state: i === 22 ? "离职" : i === 21 ? "LOA" : "在职",
  hired: "2021-03-04T00:00:00Z",
  modified: `2024-01-${String((i % 28) + 1).padStart(2, "0")}T08:00:00Z`,
}));

describe("REST HR source (configurable mapping)", () => {
  let server: FakeServer;
  let throttleLeft = 0;
  const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
  const clock = createFakeClock();

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      if (req.headers.authorization !== "Bearer t0k")
        return { status: 401, body: { message: "bad token" } };
      if (throttleLeft > 0) {
        throttleLeft--;
        return { status: 429, headers: { "retry-after": "3" }, body: { message: "slow down" } };
      }
      const page = Number(req.query.get("pageNo"));
      const size = Number(req.query.get("pageSize"));
      if (req.path === "/v1/staff") {
        const since = req.query.get("since");
        const rows = employees.filter((e) => !since || e.modified >= since);
        return {
          body: { errcode: 0, result: { list: rows.slice((page - 1) * size, page * size) } },
        };
      }
      if (req.path === "/v1/orgs")
        return {
          body: {
            errcode: 0,
            result: {
              list:
                page === 1
                  ? [
                      { id: "HQ", title: "总部", enabled: 1 },
                      { id: "RD", title: "研发", up: "HQ", enabled: 0 },
                    ]
                  : [],
            },
          },
        };
      if (req.path === "/v1/broken") return { body: { errcode: 40001, errmsg: "bad" } };
      return { status: 404 };
    });
  });
  afterAll(() => server.close());

  const make = (token = "t0k", extra: object = {}) =>
    createRestHrSource(
      {
        baseUrl: `${server.url}/v1`,
        pageSize: 10,
        pagination: { type: "page", pageParam: "pageNo", sizeParam: "pageSize", firstPage: 1 },
        updatedSinceParam: "since",
        errorCodePath: "errcode",
        departments: {
          path: "/orgs",
          itemsPath: "result.list",
          fields: { code: "id", name: "title", parentCode: "up", active: "enabled" },
        },
        employees: {
          path: "/staff",
          itemsPath: "result.list",
          fields: {
            employeeNo: "emp.no",
            name: "emp.display",
            email: "contact.mail",
            mobile: "contact.phone",
            unitCode: "dept.code",
            status: "state",
            hireDate: "hired",
            updatedAt: "modified",
          },
          statusMap: { LOA: "on_leave" },
        },
        rateLimit: false,
        ...extra,
      },
      { token, webhookSecret: secret },
      { clock },
    );

  it("pages to the end and maps fields, statuses and dates", async () => {
    const all = await collect(make().listEmployees());
    expect(all).toHaveLength(23);
    expect(all[0]).toMatchObject({
      employeeNo: "E0001",
      name: "员工1",
      email: "e1@corp.example",
      unitCode: "HQ",
      status: "active",
      hireDate: "2021-03-04",
    });
    expect(all[21].status).toBe("on_leave");
    expect(all[22].status).toBe("terminated");
    expect(all[0].version).toBe(Date.parse("2024-01-01T08:00:00Z"));
    expect(
      server.requests.filter((r) => r.path === "/v1/staff").map((r) => r.query.get("pageNo")),
    ).toEqual(["1", "2", "3"]);
  });

  it("passes updatedSince and exposes single pages with a resumable cursor", async () => {
    const page = await make().listEmployeesPage({
      updatedSince: "2024-01-20T00:00:00Z",
      pageSize: 2,
    });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((e) => (e.updatedAt ?? "") >= "2024-01-20")).toBe(true);
    expect(page.nextCursor).toBe("2");
    expect(server.requests.at(-1)?.query.get("since")).toBe("2024-01-20T00:00:00Z");
  });

  it("maps org units, including inactive flags and parents", async () => {
    expect(await collect(make().listOrgUnits())).toEqual([
      expect.objectContaining({ code: "HQ", name: "总部", active: true, parentCode: undefined }),
      expect.objectContaining({ code: "RD", parentCode: "HQ", active: false }),
    ]);
  });

  it("backs off on 429 + Retry-After", async () => {
    throttleLeft = 2;
    const before = clock.sleeps.length;
    await make().listOrgUnitsPage();
    expect(clock.sleeps.slice(before).every((ms) => ms >= 3_000)).toBe(true);
    expect(clock.sleeps.length - before).toBe(2);
  });

  it.each([
    ["401 → auth", () => make("wrong").listOrgUnitsPage(), "auth"],
    [
      "errcode in a 200 → invalid",
      () => make("t0k", { departments: { path: "/broken" } }).listOrgUnitsPage(),
      "invalid",
    ],
  ])("maps errors: %s", async (_name, call, kind) => {
    await expect(call()).rejects.toMatchObject({ kind });
  });

  it("tests the connection without throwing", async () => {
    expect((await make().testConnection()).ok).toBe(true);
    expect(await make("wrong").testConnection()).toMatchObject({ ok: false, code: "401" });
  });

  describe("webhooks", () => {
    const wh = new Webhook(secret);
    const body = JSON.stringify({
      type: "employee.changed",
      id: "evt_1",
      occurredAt: "2024-05-01T00:00:00Z",
      data: employees[22],
    });
    const headersFor = (payload: string, at = new Date()) => ({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1_000)),
      "webhook-signature": wh.sign("msg_1", at, payload),
    });

    it("verifies the signature and maps the record", () => {
      const event = make().verifyWebhook(new Headers(headersFor(body)), body);
      expect(event).toMatchObject({
        id: "evt_1",
        type: "employee.changed",
        data: { employeeNo: "E0023", status: "terminated" },
      });
    });

    it.each([
      ["a tampered body", () => [headersFor(body), body.replace("E0023", "E0024")]],
      ["a stale timestamp", () => [headersFor(body, new Date(Date.now() - 3_600_000)), body]],
      ["missing headers", () => [{}, body]],
    ])("rejects %s", (_name, build) => {
      const [headers, payload] = build() as [Record<string, string>, string];
      expect(() => make().verifyWebhook(headers, payload)).toThrow(
        expect.objectContaining({ kind: "auth" }),
      );
    });

    describe("a mapped job grade", () => {
      const graded = () =>
        make("t0k", {
          employees: {
            path: "/staff",
            itemsPath: "result.list",
            fields: { employeeNo: "emp.no", name: "emp.display", grade: "emp.level" },
          },
        });
      const push = (level: unknown) =>
        JSON.stringify({
          type: "employee.changed",
          id: "evt_g",
          occurredAt: "2024-05-01T00:00:00Z",
          data: { emp: { no: "E0100", display: "总监", level } },
        });

      it.each([
        ["M5", "M5"],
        [" p7 ", "p7"],
        [7, "7"],
        ["", undefined],
        [null, undefined],
      ])("maps %j to grade %j", (level, grade) => {
        const payload = push(level);
        const event = graded().verifyWebhook(headersFor(payload), payload);
        expect(event.data).toMatchObject({ employeeNo: "E0100" });
        expect((event.data as { grade?: string }).grade).toBe(grade);
      });

      it.each([
        [{ code: "M5" }, "data.emp.level must be text"],
        [["M5"], "data.emp.level must be text"],
        ["   ", "data.emp.level must not be blank"],
        ["M".repeat(65), "data.emp.level must be at most 64 characters"],
      ])("refuses grade %j, naming the field", (level, message) => {
        const payload = push(level);
        expect(() => graded().verifyWebhook(headersFor(payload), payload)).toThrow(
          expect.objectContaining({ kind: "invalid", field: "data.emp.level", message }),
        );
      });
    });

    it("rejects a well-signed but malformed envelope", () => {
      const bad = JSON.stringify({ type: "payroll.changed", id: "x", occurredAt: "now", data: {} });
      expect(() => make().verifyWebhook(headersFor(bad), bad)).toThrow(
        expect.objectContaining({ kind: "invalid" }),
      );
    });
  });
});
