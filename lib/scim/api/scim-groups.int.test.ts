// SCIM /Groups and discovery through the route handlers on a real PostgreSQL (request shapes as in
// scim-provider.int.test.ts).
import { describe, expect, it } from "vitest";
import { ENT, ERROR, GROUP, USER, setupScimWorld } from "./scim-test-env";
import { entraUser, expectScimError, patch } from "./scim-request-shapes";

const env = setupScimWorld();

describe("SCIM /Groups (Entra and Okta request shapes)", () => {
  it("creates a group, adds and removes members in both dialects, filters with excludedAttributes=members, deletes", async () => {
    const a = (await env.call("users", { method: "POST", body: entraUser("gm-a") })).json;
    const b = (await env.call("users", { method: "POST", body: entraUser("gm-b") })).json;
    const created = await env.call("groups", {
      method: "POST",
      body: {
        schemas: [GROUP],
        externalId: "grp-ext-1",
        displayName: "Platform Team",
        members: [],
      },
    });
    expect(created.status).toBe(201);
    const g = created.json;
    expectScimError(
      await env.call("groups", {
        method: "POST",
        body: { schemas: [GROUP], displayName: "platform team" },
      }),
      409,
      "uniqueness",
    );
    // Entra: Add members as a list.
    const added = await env.call("group", {
      method: "PATCH",
      id: g.id,
      body: patch({ op: "Add", path: "members", value: [{ value: a.id }, { value: b.id }] }),
    });
    expect(added.json.members.map((m: any) => m.value).sort()).toEqual([a.id, b.id].sort());
    // Okta: remove by value filter; Entra: remove with a value list.
    const removed = await env.call("group", {
      method: "PATCH",
      id: g.id,
      body: patch({ op: "remove", path: `members[value eq "${a.id}"]` }),
    });
    expect(removed.json.members.map((m: any) => m.value)).toEqual([b.id]);
    const entraRemove = await env.call("group", {
      method: "PATCH",
      id: g.id,
      body: patch({ op: "Remove", path: "members", value: [{ value: b.id }] }),
    });
    expect(entraRemove.json.members ?? []).toEqual([]);
    // Okta renames path-less, repeating the id.
    const renamed = await env.call("group", {
      method: "PATCH",
      id: g.id,
      body: patch({ op: "replace", value: { id: g.id, displayName: "Platform" } }),
    });
    expect(renamed.json.displayName).toBe("Platform");
    const listed = await env.call("groups", {
      path: `?filter=${encodeURIComponent('displayName eq "Platform"')}&excludedAttributes=members`,
    });
    expect(listed.json.totalResults).toBe(1);
    expect(listed.json.Resources[0].members).toBeUndefined();
    expectScimError(
      await env.call("group", {
        method: "PATCH",
        id: g.id,
        body: patch({ op: "Add", path: "members", value: [{ value: "no-such-user" }] }),
      }),
      400,
      "invalidValue",
    );
    expectScimError(
      await env.call("group", {
        method: "PATCH",
        id: g.id,
        body: patch({ op: "Add", path: "members", value: [{ value: a.id }] }),
        headers: { "if-match": 'W/"1"' },
      }),
      412,
    );
    expect((await env.call("group", { method: "DELETE", id: g.id })).status).toBe(204);
    expectScimError(await env.call("group", { id: g.id }), 404);
    const unit = env.events.filter((e) => e.name === "hr/org-unit.changed").at(-1)!;
    expect(unit.data.record).toMatchObject({ name: "Platform", active: false });
  });
});

describe("SCIM discovery", () => {
  it("serves ServiceProviderConfig, ResourceTypes and Schemas", async () => {
    const spc = await env.call("spc", { token: null });
    expect(spc.json).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
      bulk: { supported: false },
      sort: { supported: false },
    });
    const types = await env.call("types", { token: null });
    expect(types.json.Resources.map((r: any) => r.endpoint)).toEqual(["/Users", "/Groups"]);
    const schemas = await env.call("schemas", { token: null });
    expect(schemas.json.Resources.map((r: any) => r.id)).toEqual([USER, ENT, GROUP]);
  });
});
