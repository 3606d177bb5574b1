// The SCIM 2.0 service provider through its route handlers on a real PostgreSQL, with request
// shapes modelled on Microsoft's SCIM validator (Entra provisioning) and Okta's SCIM 2.0 test spec.
import { describe, expect, it } from "vitest";
import { ENT, USER, setupScimWorld } from "./scim-test-env";
import { entraUser, expectScimError, patch } from "./scim-request-shapes";

const env = setupScimWorld();

describe("SCIM /Users (Entra and Okta request shapes)", () => {
  it("refuses requests without a token or with a wrong one: 401 in the error schema", async () => {
    expectScimError(await env.call("users", { token: null }), 401);
    expectScimError(await env.call("users", { token: `obscim_${"A".repeat(43)}` }), 401);
    expectScimError(await env.call("users", { token: "not-a-token" }), 401);
  });

  it("answers with application/scim+json and accepts application/json bodies too", async () => {
    const res = await env.call("users", {
      method: "POST",
      body: entraUser("json1"),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/scim+json");
    expect(res.headers.get("location")).toBe(`http://scim.test/scim/v2/Users/${res.json.id}`);
    expect(res.headers.get("etag")).toBe(res.json.meta.version);
  });

  it("Okta: looks the user up, creates it, reads it back and finds it by filter; a duplicate is 409 uniqueness", async () => {
    const userName = "okta.ann@example.com";
    const empty = await env.call("users", {
      path: `?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`,
    });
    expect(empty.json).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    const created = await env.call("users", {
      method: "POST",
      body: {
        schemas: [USER],
        userName,
        name: { givenName: "Ann", familyName: "Okta" },
        emails: [{ primary: true, value: userName, type: "work" }],
        displayName: "Ann Okta",
        locale: "en-US",
        externalId: "00u1okta",
        groups: [],
        active: true,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      schemas: [USER],
      userName,
      active: true,
      name: { givenName: "Ann" },
      meta: { resourceType: "User", version: 'W/"1"' },
    });
    const got = await env.call("user", { id: created.json.id });
    expect(got.json.userName).toBe(userName);
    // userName is case-insensitive (caseExact false), so Okta's lookup in another case finds it.
    const found = await env.call("users", {
      path: `?filter=${encodeURIComponent('userName eq "OKTA.ANN@EXAMPLE.COM"')}`,
    });
    expect(found.json.totalResults).toBe(1);
    expect(found.json.Resources[0].id).toBe(created.json.id);
    expectScimError(
      await env.call("users", {
        method: "POST",
        body: { schemas: [USER], userName: "Okta.Ann@example.com" },
      }),
      409,
      "uniqueness",
    );
    expectScimError(
      await env.call("users", {
        method: "POST",
        body: { schemas: [USER], userName: "other@example.com", externalId: "00u1okta" },
      }),
      409,
      "uniqueness",
    );
    expectScimError(await env.call("user", { id: "does-not-exist" }), 404);
  });

  it("filters as Entra and Okta send them: externalId eq, and/or, co, sw, pr; a bad filter is 400 invalidFilter", async () => {
    for (const n of ["flt-a", "flt-b"])
      expect((await env.call("users", { method: "POST", body: entraUser(n) })).status).toBe(201);
    const q = async (f: string) =>
      (await env.call("users", { path: `?filter=${encodeURIComponent(f)}` })).json;
    expect((await q('externalId eq "ext-flt-a"')).Resources.map((r: any) => r.userName)).toEqual([
      "flt-a@contoso.example",
    ]);
    expect((await q('externalId eq "EXT-FLT-A"')).totalResults).toBe(0); // externalId is case-exact
    expect(
      (await q('userName eq "flt-a@contoso.example" or userName eq "flt-b@contoso.example"'))
        .totalResults,
    ).toBe(2);
    expect(
      (await q('userName sw "flt-" and emails[type eq "work"].value co "contoso"')).totalResults,
    ).toBe(2);
    expect((await q('userName sw "flt-" and title pr')).totalResults).toBe(0);
    expect(
      (await q(`userName sw "flt-" and ${ENT}:employeeNumber eq "E-flt-b"`)).Resources.map(
        (r: any) => r.externalId,
      ),
    ).toEqual(["ext-flt-b"]);
    for (const bad of ["userName eq", 'userName xx "a"', '(userName eq "a"', '"a" eq userName'])
      expectScimError(
        await env.call("users", { path: `?filter=${encodeURIComponent(bad)}` }),
        400,
        "invalidFilter",
      );
  });

  it("pages 1-based with startIndex and count; attributes and excludedAttributes shape the resources", async () => {
    for (const n of ["pg-1", "pg-2", "pg-3"])
      await env.call("users", { method: "POST", body: entraUser(n) });
    const f = encodeURIComponent('userName sw "pg-"');
    const first = await env.call("users", { path: `?filter=${f}&startIndex=1&count=2` });
    expect(first.json).toMatchObject({ totalResults: 3, itemsPerPage: 2, startIndex: 1 });
    expect(first.json.Resources.map((r: any) => r.userName)).toEqual([
      "pg-1@contoso.example",
      "pg-2@contoso.example",
    ]);
    const last = await env.call("users", { path: `?filter=${f}&startIndex=3&count=2` });
    expect(last.json).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 3 });
    const zero = await env.call("users", { path: `?filter=${f}&count=0` });
    expect(zero.json).toMatchObject({ totalResults: 3, itemsPerPage: 0 });
    const unfiltered = await env.call("users", { path: "?startIndex=1&count=1" });
    expect(unfiltered.json.itemsPerPage).toBe(1);
    expect(unfiltered.json.totalResults).toBeGreaterThanOrEqual(3);
    const slim = await env.call("users", {
      path: `?filter=${f}&attributes=userName,${ENT}:department&count=1`,
    });
    expect(slim.json.Resources[0]).toEqual({
      schemas: [USER, ENT],
      id: expect.any(String),
      userName: "pg-1@contoso.example",
      [ENT]: { department: "Nowhere Dept" },
    });
    const lean = await env.call("users", {
      path: `?filter=${f}&excludedAttributes=emails,name,meta&count=1`,
    });
    expect(lean.json.Resources[0].emails).toBeUndefined();
    expect(lean.json.Resources[0].name).toBeUndefined();
    expect(lean.json.Resources[0].userName).toBe("pg-1@contoso.example");
    expectScimError(await env.call("users", { path: "?count=ten" }), 400, "invalidValue");
    expectScimError(await env.call("users", { path: "?sortBy=userName" }), 400, "invalidValue");
  });

  it('Entra PATCH: capitalised ops, filtered and extension paths, "False" as a string', async () => {
    const { json: u } = await env.call("users", { method: "POST", body: entraUser("ptc") });
    const res = await env.call("user", {
      method: "PATCH",
      id: u.id,
      body: patch(
        { op: "Replace", path: 'emails[type eq "work"].value', value: "new.ptc@contoso.example" },
        { op: "Replace", path: "name.givenName", value: "Renamed" },
        { op: "Add", path: `${ENT}:department`, value: "Sales" },
        { op: "Replace", path: "displayName", value: "Renamed User" },
        { op: "Replace", path: "active", value: "False" },
      ),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      emails: [{ type: "work", value: "new.ptc@contoso.example" }],
      name: { givenName: "Renamed", familyName: "User" },
      displayName: "Renamed User",
      active: false,
      [ENT]: { department: "Sales", employeeNumber: "E-ptc" },
      meta: { version: 'W/"2"' },
    });
    // The manager, as Entra sets it: a bare id.
    const { json: boss } = await env.call("users", { method: "POST", body: entraUser("boss") });
    const managed = await env.call("user", {
      method: "PATCH",
      id: u.id,
      body: patch({ op: "Add", path: `${ENT}:manager`, value: boss.id }),
    });
    expect(managed.json[ENT].manager).toMatchObject({
      value: boss.id,
      $ref: `http://scim.test/scim/v2/Users/${boss.id}`,
    });
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: patch({ op: "Replace", path: "id", value: "x" }),
      }),
      400,
      "mutability",
    );
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: patch({ op: "Replace", path: 'emails[type eq "work"', value: "x" }),
      }),
      400,
      "invalidPath",
    );
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: patch({ op: "Replace", path: "userName", value: 5 }),
      }),
      400,
      "invalidValue",
    );
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: patch({ op: "Replace", path: `${ENT}:employeeNumber`, value: "E-other" }),
      }),
      400,
      "mutability",
    );
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: patch({ op: "Move", path: "title", value: "x" }),
      }),
      400,
      "invalidSyntax",
    );
    expectScimError(
      await env.call("user", {
        method: "PATCH",
        id: u.id,
        body: { Operations: [{ op: "replace", path: "title", value: "x" }] },
      }),
      400,
      "invalidSyntax",
    );
  });

  it("Okta PATCH: path-less replace deactivates; PUT replaces; If-Match mismatch is 412", async () => {
    const { json: u } = await env.call("users", { method: "POST", body: entraUser("okp") });
    const off = await env.call("user", {
      method: "PATCH",
      id: u.id,
      body: patch({ op: "replace", value: { active: false } }),
    });
    expect(off.json.active).toBe(false);
    expect(off.json.displayName).toBe("User okp");
    const stale = await env.call("user", {
      method: "PUT",
      id: u.id,
      body: { ...entraUser("okp"), title: "Engineer" },
      headers: { "if-match": u.meta.version },
    });
    expectScimError(stale, 412);
    const put = await env.call("user", {
      method: "PUT",
      id: u.id,
      body: {
        schemas: [USER],
        userName: "okp@contoso.example",
        externalId: "ext-okp",
        title: "Engineer",
        active: true,
      },
      headers: { "if-match": off.json.meta.version },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ title: "Engineer", active: true, meta: { version: 'W/"3"' } });
    expect(put.json.emails).toBeUndefined(); // PUT replaces: what it leaves out is gone
    expect(put.headers.get("etag")).toBe('W/"3"');
    const notModified = await env.call("user", { id: u.id, headers: { "if-none-match": 'W/"3"' } });
    expect(notModified.status).toBe(304);
  });

  it("DELETE is a leaver: 204, then 404; the employee record is sent as terminated", async () => {
    const { json: u } = await env.call("users", { method: "POST", body: entraUser("gone") });
    expect((await env.call("user", { method: "DELETE", id: u.id })).status).toBe(204);
    expectScimError(await env.call("user", { id: u.id }), 404);
    expectScimError(await env.call("user", { method: "DELETE", id: u.id }), 404);
    const last = env.events
      .filter(
        (e) => e.name === "hr/employee.changed" && (e.data.record as any).employeeNo === "E-gone",
      )
      .at(-1)!;
    expect(last.data.record).toMatchObject({
      status: "terminated",
      terminationDate: new Date().toISOString().slice(0, 10),
    });
    // The userName is free again.
    expect((await env.call("users", { method: "POST", body: entraUser("gone") })).status).toBe(201);
  });
});
