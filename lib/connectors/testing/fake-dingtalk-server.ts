import { startFakeServer, type FakeRequest, type FakeServer } from "./start-fake-server";

export type FakeDingtalkOptions = { appKey: string; appSecret: string };

type Dept = { dept_id: number; name: string; parent_id: number; order?: number };

/** A user as DingTalk stores it; user/get and user/list answer it with `senior` for senior mode. */
export type FakeDingtalkUser = {
  userid: string;
  name: string;
  mobile: string;
  email?: string;
  title?: string;
  job_number?: string;
  dept_id_list: number[];
  hide_mobile: boolean;
  senior: boolean;
};

/**
 * In-memory DingTalk oapi (topapi v2) stand-in with the documented response shapes: HTTP 200 with
 * `errcode`/`errmsg`, `result` holding the payload. It keeps users' `hide_mobile` and senior mode
 * (`senior_mode` on create and update, `senior` on get and list) so a test can see the switches a
 * sync leaves. Deliberately small: no rate limits, no message delivery.
 */
export async function startFakeDingtalkServer(
  options: FakeDingtalkOptions,
): Promise<FakeServer & { users: Map<string, FakeDingtalkUser> }> {
  const depts = new Map<number, Dept>();
  const users = new Map<string, FakeDingtalkUser>();
  const token = `tok-${options.appKey}`;
  let nextDept = 100;
  const ok = (result?: unknown) => ({
    body: { errcode: 0, errmsg: "ok", ...(result === undefined ? {} : { result }) },
  });
  const fail = (errcode: number, errmsg: string) => ({ body: { errcode, errmsg } });
  const deptIds = (v: unknown) =>
    String(v ?? "")
      .split(",")
      .filter(Boolean)
      .map(Number);
  const mobileTaken = (mobile: unknown, self?: string) =>
    [...users.values()].some((u) => u.mobile === mobile && u.userid !== self);

  function handle(req: FakeRequest) {
    if (req.path === "/gettoken") {
      if (
        req.query.get("appkey") !== options.appKey ||
        req.query.get("appsecret") !== options.appSecret
      )
        return fail(40089, "不合法的appkey或appsecret");
      return { body: { errcode: 0, errmsg: "ok", access_token: token, expires_in: 7200 } };
    }
    if (req.query.get("access_token") !== token) return fail(40014, "不合法的access_token");
    const b = (req.body ?? {}) as Record<string, unknown>;
    switch (req.path) {
      case "/topapi/v2/department/listsub":
        return ok([...depts.values()].filter((d) => d.parent_id === Number(b.dept_id)));
      case "/topapi/v2/department/create": {
        const dept_id = nextDept++;
        depts.set(dept_id, {
          dept_id,
          name: String(b.name),
          parent_id: Number(b.parent_id ?? 1),
        });
        return ok({ dept_id });
      }
      case "/topapi/v2/department/update": {
        const d = depts.get(Number(b.dept_id));
        if (!d) return fail(60003, "部门不存在");
        if (b.name !== undefined) d.name = String(b.name);
        if (b.parent_id !== undefined) d.parent_id = Number(b.parent_id);
        return ok();
      }
      case "/topapi/v2/department/delete":
        depts.delete(Number(b.dept_id));
        return ok();
      case "/topapi/v2/user/list": {
        const members = [...users.values()].filter((u) =>
          u.dept_id_list.includes(Number(b.dept_id)),
        );
        const cursor = Number(b.cursor ?? 0);
        const size = Number(b.size ?? 100);
        const more = cursor + size < members.length;
        return ok({
          has_more: more,
          ...(more ? { next_cursor: cursor + size } : {}),
          list: members.slice(cursor, cursor + size).map(asJson),
        });
      }
      case "/topapi/v2/user/get": {
        const u = users.get(String(b.userid));
        return u ? ok(asJson(u)) : fail(60121, "找不到该用户");
      }
      case "/topapi/v2/user/create": {
        const userid = String(b.userid);
        if (users.has(userid)) return fail(60102, "userid已存在");
        if (!b.mobile) return fail(40022, "手机号码不能为空");
        if (mobileTaken(b.mobile)) return fail(60104, "手机号码在公司中已存在");
        users.set(userid, {
          userid,
          name: String(b.name),
          mobile: String(b.mobile),
          ...(b.email ? { email: String(b.email) } : {}),
          ...(b.title ? { title: String(b.title) } : {}),
          ...(b.job_number ? { job_number: String(b.job_number) } : {}),
          dept_id_list: deptIds(b.dept_id_list),
          hide_mobile: b.hide_mobile === true,
          senior: b.senior_mode === true,
        });
        return ok({ userid });
      }
      case "/topapi/v2/user/update": {
        const u = users.get(String(b.userid));
        if (!u) return fail(60121, "找不到该用户");
        if (b.mobile !== undefined && mobileTaken(b.mobile, u.userid))
          return fail(60104, "手机号码在公司中已存在");
        if (b.name !== undefined) u.name = String(b.name);
        if (b.mobile) u.mobile = String(b.mobile);
        if (b.email !== undefined) u.email = String(b.email) || undefined;
        if (b.title !== undefined) u.title = String(b.title) || undefined;
        if (b.dept_id_list !== undefined) u.dept_id_list = deptIds(b.dept_id_list);
        if (typeof b.hide_mobile === "boolean") u.hide_mobile = b.hide_mobile;
        if (typeof b.senior_mode === "boolean") u.senior = b.senior_mode;
        return ok();
      }
      case "/topapi/v2/user/delete":
        users.delete(String(b.userid));
        return ok();
      case "/topapi/message/corpconversation/asyncsend_v2":
        return { body: { errcode: 0, errmsg: "ok", task_id: Date.now(), request_id: "fake" } };
      default:
        return fail(404, `unknown path ${req.path}`);
    }
  }

  const server = await startFakeServer(handle);
  return Object.assign(server, { users });
}

function asJson(u: FakeDingtalkUser) {
  return { ...u, email: u.email ?? "", title: u.title ?? "", active: true };
}
