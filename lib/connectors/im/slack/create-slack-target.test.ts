import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createSlackTarget, slackChannelName } from "./create-slack-target";

// Recorded shapes: Web API → HTTP 200 {ok, error}; 429 + Retry-After. SCIM v2 → ListResponse, 409 on duplicates.
describe("Slack connector contract (fake Web API + SCIM)", () => {
  let server: FakeServer;
  const clock = createFakeClock();
  const state = { throttle: 0 };
  const channels = Array.from({ length: 5 }, (_, i) => ({
    id: `C${i}`,
    name: `team-${i}`,
    members: new Set<string>(i === 0 ? ["U1"] : []),
  }));
  const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  const users = new Map<
    string,
    {
      id: string;
      userName: string;
      displayName: string;
      active: boolean;
      emails: { value: string; primary: boolean }[];
      [ENTERPRISE]?: { employeeNumber?: string; manager?: { value: string } };
    }
  >();

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      if (req.path.startsWith("/scim/v2")) {
        if (req.headers.authorization !== "Bearer xoxp-scim")
          return {
            status: 401,
            body: { Errors: { description: "invalid_authentication", code: 401 } },
          };
        if (req.path === "/scim/v2/Users" && req.method === "GET") {
          const start = Number(req.query.get("startIndex"));
          const count = Number(req.query.get("count"));
          const all = [...users.values()];
          return {
            body: {
              schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
              totalResults: all.length,
              itemsPerPage: count,
              startIndex: start,
              Resources: all.slice(start - 1, start - 1 + count),
            },
          };
        }
        if (req.path === "/scim/v2/Users" && req.method === "POST") {
          if ([...users.values()].some((u) => u.emails[0].value === req.body.emails[0].value))
            return {
              status: 409,
              body: {
                schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
                status: "409",
                scimType: "uniqueness",
                detail: "email taken",
              },
            };
          const id = `U${users.size + 10}`;
          users.set(id, {
            id,
            userName: req.body.userName,
            displayName: req.body.displayName,
            active: true,
            emails: req.body.emails,
            ...(req.body[ENTERPRISE] ? { [ENTERPRISE]: req.body[ENTERPRISE] } : {}),
          });
          return { status: 201, body: users.get(id) };
        }
        const id = decodeURIComponent(req.path.split("/").pop()!);
        const u = users.get(id);
        if (!u)
          return { status: 404, body: { Errors: { description: "user_not_found", code: 404 } } };
        if (req.method === "PATCH")
          for (const op of req.body.Operations) {
            if (op.path === "active") u.active = op.value;
            // Replacing the extension replaces the sub-attributes it names (RFC 7644 §3.5.2.3).
            if (op.path === ENTERPRISE) u[ENTERPRISE] = { ...u[ENTERPRISE], ...op.value };
          }
        if (req.method === "DELETE") u.active = false;
        return {
          status: req.method === "DELETE" ? 204 : 200,
          body: req.method === "DELETE" ? undefined : u,
        };
      }
      if (req.headers.authorization !== "Bearer xoxb-bot")
        return { body: { ok: false, error: "invalid_auth" } };
      if (state.throttle > 0) {
        state.throttle--;
        return {
          status: 429,
          headers: { "retry-after": "4" },
          body: { ok: false, error: "ratelimited" },
        };
      }
      const method = req.path.replace("/api/", "");
      const b = req.body ?? {};
      const page = <T>(all: T[]) => {
        const start = Number(b.cursor || 0);
        const limit = Number(b.limit);
        const more = start + limit < all.length;
        return {
          body: {
            ok: true,
            channels: all.slice(start, start + limit),
            response_metadata: { next_cursor: more ? String(start + limit) : "" },
          },
        };
      };
      switch (method) {
        case "auth.test":
          return { body: { ok: true, team: "Demo", user: "orgbridge" } };
        case "conversations.list":
          return page(channels.map(({ id, name }) => ({ id, name })));
        case "users.conversations":
          return page(
            channels.filter((c) => c.members.has(b.user)).map(({ id, name }) => ({ id, name })),
          );
        case "conversations.create":
          if (channels.some((c) => c.name === b.name))
            return { body: { ok: false, error: "name_taken" } };
          channels.push({ id: `C${channels.length}`, name: b.name, members: new Set() });
          return { body: { ok: true, channel: { id: channels.at(-1)!.id, name: b.name } } };
        case "conversations.invite":
          channels.find((c) => c.id === b.channel)!.members.add(b.users);
          return { body: { ok: true } };
        case "conversations.kick":
          channels.find((c) => c.id === b.channel)!.members.delete(b.user);
          return { body: { ok: true } };
        case "chat.postMessage":
          return users.has(b.channel) || b.channel === "U1"
            ? { body: { ok: true, channel: `D${b.channel}`, ts: "1700000000.000100" } }
            : { body: { ok: false, error: "channel_not_found" } };
        default:
          return { body: { ok: false, error: "unknown_method" } };
      }
    });
  });
  afterAll(() => server.close());

  const make = (botToken = "xoxb-bot") =>
    createSlackTarget(
      {
        apiUrl: `${server.url}/api/`,
        scimUrl: `${server.url}/scim/v2`,
        rateLimit: false,
        scimRateLimit: false,
      },
      { botToken, scimToken: "xoxp-scim" },
      { clock, pageSize: 2 },
    );

  it("lists channels through cursor pages and creates slug-named channels", async () => {
    const t = make();
    expect((await collect(t.listGroups())).map((g) => g.id)).toEqual([
      "C0",
      "C1",
      "C2",
      "C3",
      "C4",
    ]);
    expect(await t.createGroup({ name: "Sales East 华东" })).toMatchObject({
      name: "sales-east-华东",
    });
    await expect(t.createGroup({ name: "team-1" })).rejects.toMatchObject({
      kind: "conflict",
      code: "name_taken",
    });
    expect(slackChannelName("  R&D / Frontend ")).toBe("r-d-frontend");
  });

  it("creates members over SCIM, pages them, maps uniqueness, deactivates", async () => {
    const t = make();
    const a = await t.createUser({ name: "Ann", email: "ann@demo.example", groupIds: ["C1"] });
    for (const n of ["bob", "cy", "di"])
      await t.createUser({ name: n, email: `${n}@demo.example`, groupIds: [] });
    await expect(
      t.createUser({ name: "dup", email: "ann@demo.example", groupIds: [] }),
    ).rejects.toMatchObject({ kind: "conflict", code: "409/uniqueness" });
    expect(await collect(t.listUsers())).toHaveLength(4);
    expect(channels[1].members.has(a.id)).toBe(true);
    await t.disableUser(a.id);
    expect(await t.getUser(a.id)).toMatchObject({ enabled: false });
    expect(await t.getUser("UNOPE")).toBeNull();
  });

  it("writes the manager in the SCIM enterprise extension and reads it back", async () => {
    const t = make();
    const boss = await t.createUser({ name: "Boss", email: "boss@demo.example", groupIds: [] });
    const rep = await t.createUser({
      name: "Rep",
      email: "rep@demo.example",
      employeeNo: "E7",
      groupIds: [],
      managerId: boss.id,
    });
    expect(rep.managerId).toBe(boss.id);
    expect(await t.getUser(boss.id)).toMatchObject({ managerId: "" });
    await t.updateUser(rep.id, { managerId: null });
    expect(await t.getUser(rep.id)).toMatchObject({ managerId: "", employeeNo: "E7" });
    await t.updateUser(rep.id, { managerId: boss.id });
    expect((await t.getUser(rep.id))?.managerId).toBe(boss.id);
  });

  it("sets channel membership (invite + kick within the managed set)", async () => {
    const t = make();
    await t.setGroupMembership("U1", ["C2", "C3"], { managedGroupIds: ["C0", "C2", "C3"] });
    expect(channels.filter((c) => c.members.has("U1")).map((c) => c.id)).toEqual(["C2", "C3"]);
  });

  it("honours 429 + Retry-After", async () => {
    state.throttle = 2;
    const before = clock.sleeps.length;
    await collect(make().listGroups());
    expect(clock.sleeps.slice(before).every((ms) => ms >= 4_000)).toBe(true);
    expect(clock.sleeps.length - before).toBe(2);
  });

  it("DMs each recipient and reports unknown ones", async () => {
    const sent = await make().sendMessage({
      to: ["U1", "UGHOST"],
      format: "card",
      title: "Review",
      text: "Please fill in",
      url: "https://example.com",
    });
    expect(sent).toMatchObject({
      messageId: "DU1:1700000000.000100",
      invalidRecipients: ["UGHOST"],
    });
  });

  it("maps a bad bot token (HTTP 200, ok:false) to auth", async () => {
    expect(await make("xoxb-wrong").testConnection()).toMatchObject({
      ok: false,
      code: "invalid_auth",
    });
  });
});
