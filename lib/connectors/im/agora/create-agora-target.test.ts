import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createAgoraTarget } from "./create-agora-target";

// Recorded shapes (Easemob-compatible): {entities|data, cursor}; errors {error, error_description}; 401 bad token; 429/403 quota.
describe("Agora Chat connector contract (fake REST)", () => {
  let server: FakeServer;
  const clock = createFakeClock();
  const state = { rejectToken: 0, throttle: 0 };
  const users = new Map<string, { username: string; nickname: string; activated: boolean }>();
  const groups = new Map<string, Set<string>>([
    ["g1", new Set()],
    ["g2", new Set()],
    ["g3", new Set()],
  ]);

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      const p = req.path.replace("/org1/app1", "");
      if (!String(req.headers.authorization).startsWith("Bearer 007"))
        return {
          status: 401,
          body: { error: "unauthorized", error_description: "Unable to authenticate" },
        };
      if (state.rejectToken > 0) {
        state.rejectToken--;
        return { status: 401, body: { error: "unauthorized", error_description: "token expired" } };
      }
      if (state.throttle > 0) {
        state.throttle--;
        return {
          status: 429,
          headers: { "retry-after": "1" },
          body: { error: "reach_limit", error_description: "This request has reached api limit" },
        };
      }
      const limit = Number(req.query.get("limit") ?? 10);
      const page = <T>(all: T[], key: string) => {
        const start = Number(req.query.get("cursor") ?? 0);
        const more = start + limit < all.length;
        return {
          body: {
            [key]: all.slice(start, start + limit),
            cursor: more ? String(start + limit) : undefined,
          },
        };
      };
      if (p === "/users" && req.method === "GET") return page([...users.values()], "entities");
      if (p === "/users" && req.method === "POST") {
        if (users.has(req.body.username))
          return {
            status: 400,
            body: {
              error: "duplicate_unique_property_exists",
              error_description: "Username already exists",
            },
          };
        users.set(req.body.username, {
          username: req.body.username,
          nickname: req.body.nickname,
          activated: true,
        });
        return { body: { entities: [users.get(req.body.username)] } };
      }
      if (p === "/chatgroups" && req.method === "GET")
        return page(
          [...groups.keys()].map((groupid) => ({ groupid, groupname: groupid.toUpperCase() })),
          "data",
        );
      if (p === "/messages/users")
        return {
          body: {
            data: Object.fromEntries(
              req.body.to.filter((u: string) => users.has(u)).map((u: string) => [u, `msg-${u}`]),
            ),
          },
        };
      let m = p.match(/^\/users\/([^/]+)(\/.*)?$/);
      if (m) {
        const u = users.get(decodeURIComponent(m[1]));
        if (!u)
          return {
            status: 404,
            body: { error: "service_resource_not_found", error_description: "user not found" },
          };
        if (m[2] === "/deactivate") u.activated = false;
        if (m[2] === "/joined_chatgroups")
          return {
            body: {
              data: [...groups]
                .filter(([, s]) => s.has(u.username))
                .map(([groupid]) => ({ groupid })),
            },
          };
        if (req.method === "DELETE") users.delete(u.username);
        return { body: { entities: [u] } };
      }
      m = p.match(/^\/chatgroups\/([^/]+)\/users\/([^/]+)$/);
      if (m) {
        const set = groups.get(m[1])!;
        if (req.method === "POST") set.add(m[2]);
        else set.delete(m[2]);
        return { body: { data: { result: true } } };
      }
      return { status: 404, body: { error: "not_found" } };
    });
  });
  afterAll(() => server.close());

  const make = () =>
    createAgoraTarget(
      {
        baseUrl: server.url,
        orgName: "org1",
        appName: "app1",
        appId: "970CA35de60c44645bbae8a215061b33",
        rateLimit: false,
      },
      { appCertificate: "5CFd2fd1755d40ecb72977518be15d3b" },
      { clock, pageSize: 2 },
    );

  it("creates lowercase users, maps duplicates, pages the listing", async () => {
    const t = make();
    await t.createUser({ id: "Zhang.San", name: "张三", groupIds: ["g1", "g2"] });
    for (const id of ["b", "c", "d"]) await t.createUser({ id, name: id, groupIds: [] });
    await expect(t.createUser({ id: "zhang.san", name: "x", groupIds: [] })).rejects.toMatchObject({
      kind: "conflict",
    });
    expect((await collect(t.listUsers())).map((u) => u.id)).toEqual(["zhang.san", "b", "c", "d"]);
    expect(await t.getUser("ZHANG.SAN")).toMatchObject({
      name: "张三",
      groupIds: ["g1", "g2"],
      enabled: true,
    });
    expect(await collect(t.listGroups())).toHaveLength(3);
  });

  it("moves memberships, deactivates and deletes", async () => {
    const t = make();
    await t.setGroupMembership("zhang.san", ["g3"], { managedGroupIds: ["g1", "g3"] });
    expect((await t.getUser("zhang.san"))?.groupIds).toEqual(["g2", "g3"]);
    await t.disableUser("b");
    expect((await t.getUser("b"))?.enabled).toBe(false);
    await t.deleteUser("c");
    expect(await t.getUser("c")).toBeNull();
  });

  it("re-mints the token once on 401 and backs off on 429", async () => {
    const t = make();
    state.rejectToken = 1;
    expect(await t.getUser("d")).not.toBeNull();
    state.throttle = 2;
    const before = clock.sleeps.length;
    expect(await t.getUser("d")).not.toBeNull();
    expect(clock.sleeps.length - before).toBe(2);
  });

  it("sends to many users per call and reports the unknown ones", async () => {
    const sent = await make().sendMessage({
      to: ["Zhang.San", "ghost"],
      format: "text",
      text: "hi",
    });
    expect(sent).toMatchObject({ messageIds: ["msg-zhang.san"], invalidRecipients: ["ghost"] });
  });
});
