import { randomUUID } from "node:crypto";
import { startFakeServer, type FakeRequest, type FakeServer } from "./start-fake-server";

export type FakeWecomOptions = {
  corpId: string;
  corpSecret: string;
  agentId: number;
  /** expires_in for issued tokens. */
  tokenTtlSeconds?: number;
};

/** Knobs a contract test turns; the sandbox IM server exposes the same ones. */
export type WecomFaults = {
  /** The next `n` API calls (not gettoken) answer errcode (default 45009). */
  failNext(n: number, errcode?: number): void;
  /** Every token issued so far becomes expired (42001). */
  expireTokens(): Promise<void>;
  /** Count of gettoken calls. */
  tokenFetches(): number;
};

type Dept = { id: number; name: string; name_en?: string; parentid: number; order: number };
type User = {
  userid: string;
  name: string;
  mobile?: string;
  email?: string;
  department: number[];
  main_department?: number;
  position?: string;
  enable: number;
  /** At most one userid; user/get always returns the list. */
  direct_leader: string[];
};

/**
 * In-memory WeCom stand-in answering with the documented (recorded) response shapes:
 * HTTP 200 always, `errcode`/`errmsg` in every body. Deliberately small; sandbox/im is the full one.
 */
export async function startFakeWecomServer(
  options: FakeWecomOptions,
): Promise<FakeServer & WecomFaults> {
  const ttl = options.tokenTtlSeconds ?? 7_200;
  const tokens = new Map<string, "valid" | "expired">();
  const depts = new Map<number, Dept>([[1, { id: 1, name: "Fake Corp", parentid: 0, order: 0 }]]);
  const users = new Map<string, User>(); // key: lower-case userid
  let fetches = 0;
  let faults: { left: number; errcode: number } = { left: 0, errcode: 45009 };
  const ok = (extra: object = {}) => ({ body: { errcode: 0, errmsg: "ok", ...extra } });
  const fail = (errcode: number, errmsg: string) => ({ body: { errcode, errmsg } });
  const conflictOf = (u: Partial<User>, self?: string) => {
    for (const other of users.values()) {
      if (other.userid.toLowerCase() === self) continue;
      if (u.mobile && other.mobile === u.mobile) return fail(60104, "mobile existed");
      if (u.email && other.email === u.email) return fail(60106, "email existed");
    }
    return undefined;
  };

  function handle(req: FakeRequest) {
    const p = req.path.replace(/^\/cgi-bin/, "");
    if (p === "/gettoken") {
      fetches++;
      if (req.query.get("corpid") !== options.corpId) return fail(40013, "invalid corpid");
      if (req.query.get("corpsecret") !== options.corpSecret)
        return fail(40001, "invalid credential");
      const token = randomUUID();
      tokens.set(token, "valid");
      return ok({ access_token: token, expires_in: ttl });
    }
    const token = req.query.get("access_token");
    if (!token) return fail(41001, "access_token missing");
    if (tokens.get(token) === "expired") return fail(42001, "access_token expired");
    if (tokens.get(token) !== "valid") return fail(40014, "invalid access_token");
    if (faults.left > 0) {
      faults.left--;
      return fail(faults.errcode, "injected");
    }
    const b = req.body ?? {};
    switch (p) {
      case "/department/create": {
        if (!depts.has(b.parentid)) return fail(60004, "parent department not found");
        if ([...depts.values()].some((d) => d.parentid === b.parentid && d.name === b.name))
          return fail(60008, "department existed");
        const id = b.id ?? Math.max(...depts.keys()) + 1;
        depts.set(id, {
          id,
          name: b.name,
          name_en: b.name_en,
          parentid: b.parentid,
          order: b.order ?? 0,
        });
        return ok({ id });
      }
      case "/department/update": {
        const d = depts.get(b.id);
        if (!d) return fail(60003, "department not found");
        Object.assign(d, {
          name: b.name ?? d.name,
          name_en: b.name_en ?? d.name_en,
          parentid: b.parentid ?? d.parentid,
          order: b.order ?? d.order,
        });
        return ok();
      }
      case "/department/delete": {
        const id = Number(req.query.get("id"));
        if (!depts.has(id)) return fail(60003, "department not found");
        if ([...users.values()].some((u) => u.department.includes(id)))
          return fail(60005, "department contains user");
        if ([...depts.values()].some((d) => d.parentid === id))
          return fail(60006, "department contains sub-department");
        depts.delete(id);
        return ok();
      }
      case "/department/simplelist":
        return ok({
          department_id: [...depts.values()].map(({ id, parentid, order }) => ({
            id,
            parentid,
            order,
          })),
        });
      case "/department/get": {
        const d = depts.get(Number(req.query.get("id")));
        return d
          ? ok({ department: { ...d, department_leader: [] } })
          : fail(60003, "department not found");
      }
      case "/user/create": {
        if (users.has(String(b.userid).toLowerCase())) return fail(60102, "userid existed");
        if (!b.mobile && !b.email) return fail(60129, "mobile and email both empty");
        const c = conflictOf(b);
        if (c) return c;
        if (!b.department?.length || b.department.some((d: number) => !depts.has(d)))
          return fail(40066, "invalid department list");
        users.set(b.userid.toLowerCase(), {
          userid: b.userid,
          name: b.name,
          mobile: b.mobile,
          email: b.email,
          department: b.department,
          main_department: b.main_department,
          position: b.position,
          enable: b.enable ?? 1,
          direct_leader: b.direct_leader ?? [],
        });
        return ok({ created_userid: b.userid });
      }
      case "/user/update": {
        const u = users.get(String(b.userid).toLowerCase());
        if (!u) return fail(60111, "userid not found");
        const c = conflictOf(b, u.userid.toLowerCase());
        if (c) return c;
        for (const key of [
          "name",
          "mobile",
          "email",
          "department",
          "main_department",
          "position",
          "enable",
          "direct_leader",
        ] as const) {
          if (b[key] !== undefined) (u as Record<string, unknown>)[key] = b[key];
        }
        return ok();
      }
      case "/user/get": {
        const u = users.get(String(req.query.get("userid")).toLowerCase());
        return u ? ok({ ...u, status: u.enable ? 1 : 2 }) : fail(60111, "userid not found");
      }
      case "/user/delete":
        return users.delete(String(req.query.get("userid")).toLowerCase())
          ? ok()
          : fail(60111, "userid not found");
      case "/user/list_id": {
        const all = [...users.values()].sort((a, b2) => a.userid.localeCompare(b2.userid));
        const start = b.cursor ? Number(Buffer.from(b.cursor, "base64url").toString()) : 0;
        const page = all.slice(start, start + (b.limit ?? 1_000));
        const next =
          start + page.length < all.length
            ? Buffer.from(String(start + page.length)).toString("base64url")
            : "";
        return ok({
          next_cursor: next,
          dept_user: page.flatMap((u) =>
            u.department.map((department) => ({ userid: u.userid, department })),
          ),
        });
      }
      case "/message/send": {
        if (b.agentid !== options.agentId) return fail(40056, "invalid agentid");
        const to: string[] = String(b.touser ?? "")
          .split("|")
          .filter(Boolean);
        const invalid = to.filter((id) => !users.get(id.toLowerCase())?.enable);
        if (invalid.length === to.length)
          return {
            body: {
              errcode: 81013,
              errmsg: "user & party & tag all invalid",
              invaliduser: invalid.join("|"),
            },
          };
        return ok({ invaliduser: invalid.join("|"), msgid: randomUUID() });
      }
      default:
        return { status: 404, body: undefined };
    }
  }

  const server = await startFakeServer(handle);
  return {
    ...server,
    url: `${server.url}/cgi-bin`,
    failNext(n, errcode = 45009) {
      faults = { left: n, errcode };
    },
    async expireTokens() {
      for (const t of tokens.keys()) tokens.set(t, "expired");
    },
    tokenFetches: () => fetches,
  };
}
