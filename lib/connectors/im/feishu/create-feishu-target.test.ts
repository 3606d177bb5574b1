import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createFeishuTarget } from "./create-feishu-target";

// Recorded shapes: {code, msg, data}; tokens from /auth/v3/tenant_access_token/internal; 429 + code 99991400 + x-ogw-ratelimit-reset.
describe("Feishu connector contract (fake open-apis)", () => {
  let server: FakeServer;
  const clock = createFakeClock();
  const state = { tokenN: 0, validToken: "", throttle: 0 };
  const depts = Array.from({ length: 7 }, (_, i) => ({
    department_id: `d${i + 1}`,
    name: `部门${i + 1}`,
    parent_department_id: i < 3 ? "0" : "d1",
    order: String(i),
  }));
  const users = new Map<
    string,
    {
      user_id: string;
      name: string;
      mobile: string;
      department_ids: string[];
      status: { is_frozen: boolean };
      leader_user_id?: string;
    }
  >();

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      const p = req.path.replace("/open-apis", "");
      if (p === "/auth/v3/tenant_access_token/internal") {
        if (req.body.app_secret !== "s3cret")
          return { status: 400, body: { code: 10014, msg: "app secret invalid" } };
        state.validToken = `t-${++state.tokenN}`;
        return {
          body: { code: 0, msg: "ok", tenant_access_token: state.validToken, expire: 7200 },
        };
      }
      if (req.headers.authorization !== `Bearer ${state.validToken}`)
        return {
          status: 400,
          body: { code: 99991663, msg: "Invalid access token for authorization." },
        };
      if (state.throttle > 0) {
        state.throttle--;
        return {
          status: 429,
          headers: { "x-ogw-ratelimit-reset": "2" },
          body: { code: 99991400, msg: "request trigger frequency limit" },
        };
      }
      const pageSize = Number(req.query.get("page_size") ?? 50);
      const page = <T>(all: T[]) => {
        const start = Number(req.query.get("page_token") ?? 0);
        const items = all.slice(start, start + pageSize);
        const more = start + pageSize < all.length;
        return {
          body: {
            code: 0,
            msg: "success",
            data: {
              has_more: more,
              page_token: more ? String(start + pageSize) : undefined,
              items,
            },
          },
        };
      };
      if (p === "/contact/v3/departments/0/children") return page(depts);
      if (p === "/contact/v3/users/find_by_department")
        return page(
          [...users.values()].filter(
            (u) => (u.department_ids[0] ?? "0") === req.query.get("department_id"),
          ),
        );
      if (p === "/contact/v3/users" && req.method === "POST") {
        if ([...users.values()].some((u) => u.mobile === req.body.mobile))
          return { status: 400, body: { code: 41012, msg: "mobile already exists" } };
        const user = {
          user_id: req.body.user_id,
          name: req.body.name,
          mobile: req.body.mobile,
          department_ids: req.body.department_ids,
          status: { is_frozen: false },
          leader_user_id: req.body.leader_user_id ?? "",
        };
        users.set(user.user_id, user);
        return { body: { code: 0, msg: "success", data: { user } } };
      }
      const m = p.match(/^\/contact\/v3\/users\/(.+)$/);
      if (m) {
        const u = users.get(decodeURIComponent(m[1]));
        if (!u) return { status: 404, body: { code: 41050, msg: "no user authority error" } };
        if (req.method === "PATCH") {
          if (req.body.is_frozen !== undefined) u.status.is_frozen = req.body.is_frozen;
          if (req.body.department_ids) u.department_ids = req.body.department_ids;
          if (req.body.leader_user_id !== undefined) u.leader_user_id = req.body.leader_user_id;
        }
        return { body: { code: 0, msg: "success", data: { user: u } } };
      }
      if (p === "/im/v1/messages") {
        if (!users.has(req.body.receive_id))
          return {
            status: 400,
            body: { code: 230013, msg: "Bot has NO availability to this user." },
          };
        expect(typeof req.body.content).toBe("string");
        return {
          body: { code: 0, msg: "success", data: { message_id: `om_${req.body.receive_id}` } },
        };
      }
      return { status: 404, body: { code: 404, msg: "not found" } };
    });
  });
  afterAll(() => server.close());

  const make = (secret = "s3cret") =>
    createFeishuTarget(
      { baseUrl: `${server.url}/open-apis`, appId: "cli_x", rateLimit: false },
      { appSecret: secret },
      { clock, pageSize: 3 },
    );

  it("pages departments to the end", async () => {
    const groups = await collect(make().listGroups());
    expect(groups.map((g) => g.id)).toEqual(depts.map((d) => d.department_id));
    expect(groups[0].parentId).toBeUndefined();
    expect(groups[4].parentId).toBe("d1");
  });

  it("creates users, maps duplicates, lists and freezes", async () => {
    const t = make();
    await t.createUser({ id: "u1", name: "一", mobile: "+8613800000001", groupIds: ["d1"] });
    await t.createUser({ id: "u2", name: "二", mobile: "+8613800000002", groupIds: [] });
    await expect(
      t.createUser({ id: "u3", name: "三", mobile: "+8613800000002", groupIds: [] }),
    ).rejects.toMatchObject({ kind: "invalid", code: "41012" });
    expect((await collect(t.listUsers())).map((u) => u.id).sort()).toEqual(["u1", "u2"]);
    await t.disableUser("u1");
    expect(await t.getUser("u1")).toMatchObject({ enabled: false });
    expect(await t.getUser("ghost")).toBeNull();
  });

  it("writes the manager as leader_user_id on create and PATCH, and reads it back", async () => {
    const t = make();
    await t.createUser({
      id: "u9",
      name: "九",
      mobile: "+8613800000009",
      groupIds: ["d1"],
      managerId: "u1",
    });
    expect((await t.getUser("u9"))?.managerId).toBe("u1");
    await t.updateUser("u9", { managerId: "u2" });
    expect((await t.getUser("u9"))?.managerId).toBe("u2");
    await t.updateUser("u9", { managerId: null });
    expect((await t.getUser("u9"))?.managerId).toBe("");
  });

  it("refreshes an invalid token once", async () => {
    const t = make();
    await t.getUser("u1");
    state.validToken = "rotated-server-side";
    const before = state.tokenN;
    expect(await t.getUser("u1")).not.toBeNull();
    expect(state.tokenN).toBe(before + 1);
  });

  it("backs off on 429/99991400 using x-ogw-ratelimit-reset", async () => {
    const t = make();
    await t.getUser("u1");
    state.throttle = 2;
    const before = clock.sleeps.length;
    expect(await t.getUser("u1")).not.toBeNull();
    expect(clock.sleeps.slice(before)).toHaveLength(2);
    expect(clock.sleeps.slice(before).every((ms) => ms >= 2_000)).toBe(true);
  });

  it("sends one message per recipient and reports refused ones", async () => {
    const sent = await make().sendMessage({
      to: ["u1", "u2", "nobody"],
      format: "card",
      title: "通知",
      text: "**请查收**",
      url: "https://example.com",
    });
    expect(sent).toMatchObject({
      messageId: "om_u1",
      messageIds: ["om_u1", "om_u2"],
      invalidRecipients: ["nobody"],
    });
  });

  it("reports a bad secret as a failed connection test", async () => {
    expect(await make("nope").testConnection()).toMatchObject({ ok: false, code: "10014" });
  });
});
