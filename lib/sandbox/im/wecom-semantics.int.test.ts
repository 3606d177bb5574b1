import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createSandboxDb, type SandboxDb } from "../shared/create-sandbox-db";
import { listInbox } from "./list-inbox";
import { resetSandboxIm } from "./reset-sandbox-im";
import { startSandboxIm, type SandboxImServer } from "./start-sandbox-im";

// Raw-HTTP checks of the WeCom rules the sandbox enforces (the connector contract covers the common path).
describe("sandbox/im WeCom semantics", () => {
  let server: SandboxImServer;
  let db: SandboxDb;
  let token: string;
  const creds = { corpId: "ww-sem", corpSecret: "sem-secret", agentId: 42 };

  const get = async (path: string, query: Record<string, string | number> = {}) => {
    const url = new URL(`${server.baseUrl}${path}`);
    for (const [k, v] of Object.entries({ access_token: token, ...query }))
      url.searchParams.set(k, String(v));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, any>;
  };
  const post = async (path: string, body: unknown, raw = false) => {
    const res = await fetch(`${server.baseUrl}${path}?access_token=${token}`, {
      method: "POST",
      body: raw ? (body as string) : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, any>;
  };

  beforeAll(async () => {
    db = createSandboxDb(inject("databaseUrl"), 2);
    await resetSandboxIm(db, { everything: true });
    server = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: inject("databaseUrl"),
      rateLimit: false,
      tokenTtlSeconds: 3_600,
    });
    token = (await get("/gettoken", { corpid: creds.corpId, corpsecret: creds.corpSecret }))
      .access_token;
  });
  afterAll(async () => {
    await server?.close();
    await db?.$disconnect();
  });

  it("hands back the live token on a repeated gettoken, and rejects wrong credentials with HTTP 200", async () => {
    const again = await get("/gettoken", { corpid: creds.corpId, corpsecret: creds.corpSecret });
    expect(again).toMatchObject({ errcode: 0, access_token: token });
    expect(again.expires_in).toBeLessThanOrEqual(3_600);
    expect(await get("/gettoken", { corpid: "other", corpsecret: creds.corpSecret })).toMatchObject(
      { errcode: 40013 },
    );
    expect(await get("/gettoken", { corpid: creds.corpId, corpsecret: "x" })).toMatchObject({
      errcode: 40001,
    });
    expect(await get("/user/get", { userid: "a", access_token: "forged" })).toMatchObject({
      errcode: 40014,
    });
  });

  it.each([
    ["root cannot be deleted", () => get("/department/delete", { id: 1 }), 60007],
    ["unknown department", () => get("/department/get", { id: 424242 }), 60003],
    ["missing parent", () => post("/department/create", { name: "x", parentid: 424242 }), 60004],
    [
      "illegal name characters",
      () => post("/department/create", { name: "a*b", parentid: 1 }),
      60009,
    ],
    ["empty name", () => post("/department/create", { name: "", parentid: 1 }), 60001],
    ["missing userid", () => post("/user/create", { name: "x", email: "x@e.example" }), 41009],
    [
      "bad userid",
      () => post("/user/create", { userid: "a b", name: "x", email: "x@e.example" }),
      40003,
    ],
    ["bad mobile", () => post("/user/create", { userid: "m1", name: "x", mobile: "abc" }), 60103],
    ["bad email", () => post("/user/create", { userid: "m1", name: "x", email: "nope" }), 60105],
    [
      "unknown department in member",
      () =>
        post("/user/create", {
          userid: "m1",
          name: "x",
          email: "m1@e.example",
          department: [424242],
        }),
      60123,
    ],
    ["list_id limit out of range", () => post("/user/list_id", { limit: 0 }), 40058],
    ["malformed JSON", () => post("/user/create", "{not json", true), 47001],
    [
      "wrong agentid",
      () =>
        post("/message/send", {
          touser: "@all",
          agentid: 1,
          msgtype: "text",
          text: { content: "x" },
        }),
      40056,
    ],
    [
      "empty content",
      () =>
        post("/message/send", {
          touser: "@all",
          agentid: 42,
          msgtype: "text",
          text: { content: "" },
        }),
      44004,
    ],
    [
      "unknown msgtype",
      () => post("/message/send", { touser: "@all", agentid: 42, msgtype: "voice" }),
      40008,
    ],
  ])("%s → errcode %i", async (_name, call, errcode) => {
    expect((await call()).errcode).toBe(errcode);
  });

  it("caps the tree at 15 levels and refuses cycles", async () => {
    let parent = 1;
    const chain: number[] = [];
    for (let level = 2; level <= 15; level++) {
      const res = await post("/department/create", { name: `L${level}`, parentid: parent });
      expect(res.errcode).toBe(0);
      chain.push((parent = res.id));
    }
    expect(await post("/department/create", { name: "L16", parentid: parent })).toMatchObject({
      errcode: 81002,
    });
    expect(await post("/department/update", { id: chain[0], parentid: chain[5] })).toMatchObject({
      errcode: 60010,
    });
    const sub = await get("/department/simplelist", { id: chain[10] });
    expect(sub.department_id.map((d: { id: number }) => d.id).sort()).toEqual(
      chain.slice(10).sort(),
    );
  });

  it("batch-deletes all or nothing, and pages list_id with a cursor", async () => {
    for (const id of ["b1", "b2", "b3"])
      expect(
        await post("/user/create", { userid: id, name: id, email: `${id}@e.example` }),
      ).toMatchObject({ errcode: 0 });
    expect(await post("/user/batchdelete", { useridlist: ["b1", "ghost"] })).toMatchObject({
      errcode: 40031,
    });
    const p1 = await post("/user/list_id", { limit: 2 });
    const p2 = await post("/user/list_id", { limit: 2, cursor: p1.next_cursor });
    expect([...p1.dept_user, ...p2.dept_user].map((r: { userid: string }) => r.userid)).toEqual([
      "b1",
      "b2",
      "b3",
    ]);
    expect(p2.next_cursor).toBe("");
    expect(await post("/user/batchdelete", { useridlist: ["B1", "b2"] })).toMatchObject({
      errcode: 0,
    });
    expect(await get("/user/get", { userid: "b1" })).toMatchObject({ errcode: 60111 });
  });

  it("delivers to @all and parties, reports 81013, and silently drops past 30 messages/min per member", async () => {
    await post("/user/create", { userid: "q1", name: "q1", email: "q1@e.example" });
    await post("/user/update", { userid: "b3", enable: 0 });
    const all = await post("/message/send", {
      touser: "@all",
      agentid: 42,
      msgtype: "markdown",
      markdown: { content: "**全员**" },
    });
    expect(all).toMatchObject({ errcode: 0, invaliduser: "" });
    expect(await listInbox(db, "b3")).toEqual([]);
    expect(
      await post("/message/send", {
        touser: "b3|ghost",
        agentid: 42,
        msgtype: "text",
        text: { content: "x" },
      }),
    ).toMatchObject({ errcode: 81013, invaliduser: "b3|ghost" });
    for (let i = 0; i < 31; i++)
      expect(
        (
          await post("/message/send", {
            touser: "q1",
            agentid: 42,
            msgtype: "text",
            text: { content: `m${i}` },
          })
        ).errcode,
      ).toBe(0);
    const inbox = await listInbox(db, "q1", { limit: 100 });
    expect(inbox).toHaveLength(30); // the @all markdown + 29 of the 31 texts
    expect(inbox.some((m) => m.text === "m30")).toBe(false);
  });

  it("answers unknown paths with 404", async () => {
    expect((await fetch(`${server.baseUrl}/nope`)).status).toBe(404);
  });
});
