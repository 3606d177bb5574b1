import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createDingtalkTarget } from "./create-dingtalk-target";

// Recorded shapes: oapi answers HTTP 200 with {errcode, errmsg, result}; gettoken ?appkey&appsecret.
describe("DingTalk connector contract (fake oapi)", () => {
  let server: FakeServer;
  const clock = createFakeClock();
  const state = {
    token: "",
    fetches: 0,
    fail: [] as { errcode: number; sub_code?: string }[],
    created: [] as Record<string, unknown>[],
    updated: [] as Record<string, unknown>[],
  };
  const tree: Record<number, { dept_id: number; name: string; parent_id: number }[]> = {
    1: [
      { dept_id: 2, name: "研发", parent_id: 1 },
      { dept_id: 3, name: "销售", parent_id: 1 },
    ],
    2: [{ dept_id: 4, name: "前端", parent_id: 2 }],
  };
  const users: {
    userid: string;
    name: string;
    mobile: string;
    dept_id_list: number[];
    hide_mobile?: boolean;
    senior?: boolean;
  }[] = Array.from({ length: 5 }, (_, i) => ({
    userid: `u${i}`,
    name: `用户${i}`,
    mobile: `1380000000${i}`,
    dept_id_list: [i < 3 ? 2 : 4],
  }));
  // user/get answers the switches as hide_mobile and senior (create and update take senior_mode).
  Object.assign(users[1], { hide_mobile: true, senior: true });
  Object.assign(users[2], { hide_mobile: false, senior: false });

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      if (req.path === "/gettoken") {
        state.fetches++;
        if (req.query.get("appsecret") !== "sec")
          return { body: { errcode: 40089, errmsg: "不合法的corpid或corpsecret" } };
        state.token = `tok${state.fetches}`;
        return { body: { errcode: 0, errmsg: "ok", access_token: state.token, expires_in: 7200 } };
      }
      if (req.query.get("access_token") !== state.token)
        return { body: { errcode: 42001, errmsg: "access_token expired" } };
      const injected = state.fail.shift();
      if (injected) return { body: { ...injected, errmsg: "injected" } };
      const b = req.body ?? {};
      switch (req.path) {
        case "/topapi/v2/department/listsub":
          return { body: { errcode: 0, errmsg: "ok", result: tree[b.dept_id] ?? [] } };
        case "/topapi/v2/user/list": {
          const members = users.filter((u) => u.dept_id_list.includes(b.dept_id));
          const page = members.slice(b.cursor, b.cursor + b.size);
          const more = b.cursor + b.size < members.length;
          return {
            body: {
              errcode: 0,
              errmsg: "ok",
              result: {
                has_more: more,
                next_cursor: more ? b.cursor + b.size : undefined,
                list: page,
              },
            },
          };
        }
        case "/topapi/v2/user/get": {
          const u = users.find((x) => x.userid === b.userid);
          return {
            body: u
              ? { errcode: 0, errmsg: "ok", result: u }
              : { errcode: 60121, errmsg: "找不到该用户" },
          };
        }
        case "/topapi/v2/user/update":
          state.updated.push(b);
          return { body: { errcode: 0, errmsg: "ok" } };
        case "/topapi/v2/user/create":
          expect(typeof b.dept_id_list).toBe("string");
          state.created.push(b);
          return {
            body: { errcode: 0, errmsg: "ok", result: { userid: b.userid ?? "generated" } },
          };
        case "/topapi/message/corpconversation/asyncsend_v2":
          expect(b.userid_list.split(",").length).toBeLessThanOrEqual(100);
          return {
            body: {
              errcode: 0,
              errmsg: "ok",
              task_id: 1000 + req.body.userid_list.length,
              request_id: "r",
            },
          };
        default:
          return { body: { errcode: 404, errmsg: "not found" } };
      }
    });
  });
  afterAll(() => server.close());

  const make = (appSecret = "sec") =>
    createDingtalkTarget(
      { baseUrl: server.url, appKey: "ding1", agentId: 7, rateLimit: false },
      { appSecret },
      { clock, pageSize: 2 },
    );

  it("walks the department tree and pages users with next_cursor", async () => {
    const t = make();
    expect((await collect(t.listGroups())).map((g) => g.id)).toEqual(["2", "3", "4"]);
    expect((await collect(t.listUsers())).map((u) => u.id).sort()).toEqual([
      "u0",
      "u1",
      "u2",
      "u3",
      "u4",
    ]);
  });

  it("sends a privacy rule's hide_mobile and senior_mode switches with the user", async () => {
    await make().createUser({
      id: "boss",
      name: "总监",
      mobile: "13800000099",
      groupIds: ["2"],
      hideMobile: true,
      seniorMode: true,
    });
    await make().createUser({ id: "staff", name: "员工", mobile: "13800000098", groupIds: ["2"] });
    const [boss, staff] = state.created.slice(-2);
    expect(boss).toMatchObject({
      userid: "boss",
      mobile: "13800000099",
      hide_mobile: true,
      senior_mode: true,
    });
    expect(staff).not.toHaveProperty("hide_mobile");
    expect(staff).not.toHaveProperty("senior_mode");
  });

  it("sends the switches on update too, turning them off with false", async () => {
    await make().updateUser("u1", { hideMobile: false, seniorMode: false });
    await make().updateUser("u2", { hideMobile: true });
    await make().updateUser("u3", { name: "改名" });
    expect(state.updated.slice(-3)).toEqual([
      { userid: "u1", hide_mobile: false, senior_mode: false },
      { userid: "u2", hide_mobile: true },
      { userid: "u3", name: "改名" },
    ]);
  });

  it("reads the switches back where user/get reports them", async () => {
    expect(await make().getUser("u1")).toMatchObject({ hideMobile: true, seniorMode: true });
    expect(await make().getUser("u2")).toMatchObject({ hideMobile: false, seniorMode: false });
    const plain = await make().getUser("u0");
    expect(plain).not.toHaveProperty("hideMobile");
    expect(plain).not.toHaveProperty("seniorMode");
  });

  it("treats HTTP 200 + errcode as failure and maps it", async () => {
    expect(await make().getUser("nobody")).toBeNull();
    state.fail.push({ errcode: 88, sub_code: "60104" });
    await expect(
      make().createUser({ id: "x", name: "x", mobile: "1", groupIds: ["2"] }),
    ).rejects.toMatchObject({ kind: "conflict", code: "88/60104" });
    await expect(make().disableUser("u0")).rejects.toMatchObject({
      kind: "invalid",
      code: "unsupported",
    });
  });

  it("refreshes on 42001 once", async () => {
    const t = make();
    await t.getUser("u0");
    const before = state.fetches;
    state.token = "server-rotated";
    expect(await t.getUser("u0")).not.toBeNull();
    expect(state.fetches).toBe(before + 1);
  });

  it.each([90002, 143103])("backs off on %i", async (errcode) => {
    const t = make();
    await t.getUser("u0");
    state.fail.push({ errcode }, { errcode });
    const before = clock.sleeps.length;
    expect(await t.getUser("u0")).not.toBeNull();
    expect(clock.sleeps.length - before).toBe(2);
  });

  it("sends work notifications in batches of 100", async () => {
    const to = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const sent = await make().sendMessage({
      to,
      format: "markdown",
      title: "薪资",
      text: "工资条已发放",
    });
    expect(sent.messageIds).toHaveLength(3);
  });

  it("reports a bad secret", async () => {
    expect(await make("bad").testConnection()).toMatchObject({ ok: false, code: "40089" });
  });
});
