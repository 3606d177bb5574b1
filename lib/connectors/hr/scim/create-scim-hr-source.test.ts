import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../../core/collect";
import { createFakeClock } from "../../testing/fake-clock";
import { startFakeServer, type FakeServer } from "../../testing/start-fake-server";
import { createScimHrSource } from "./create-scim-hr-source";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("SCIM 2.0 HR source contract (fake SCIM server)", () => {
  let server: FakeServer;
  const clock = createFakeClock();
  let throttle = 0;
  const users = Array.from({ length: 7 }, (_, i) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
    id: `2819c223-${i}`,
    userName: `user${i}@corp.example`,
    displayName: `用户${i}`,
    active: i !== 6,
    emails: [{ value: `user${i}@corp.example`, primary: true }],
    phoneNumbers: [{ value: `+86 138 0000 000${i}`, type: "mobile" }],
    [ENT]: { employeeNumber: `E${i}`, department: i % 2 ? "RD" : "HQ" },
    meta: { resourceType: "User", lastModified: `2024-02-0${i + 1}T00:00:00Z` },
  }));

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      if (req.headers.authorization !== "Bearer scim-token")
        return {
          status: 401,
          body: {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
            status: "401",
            detail: "Unauthorized",
          },
        };
      if (throttle > 0) {
        throttle--;
        return {
          status: 429,
          headers: { "retry-after": "5" },
          body: { status: "429", detail: "Too many requests" },
        };
      }
      const start = Number(req.query.get("startIndex"));
      const count = Number(req.query.get("count"));
      const all = req.path.endsWith("/Users")
        ? users
        : [
            { id: "g1", externalId: "HQ", displayName: "总部" },
            { id: "g2", externalId: "RD", displayName: "研发", parent: "HQ" },
          ];
      return {
        body: {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          totalResults: all.length,
          itemsPerPage: count,
          startIndex: start,
          Resources: all.slice(start - 1, start - 1 + count),
        },
      };
    });
  });
  afterAll(() => server.close());

  const make = (token = "scim-token") =>
    createScimHrSource(
      {
        baseUrl: `${server.url}/scim/v2`,
        pageSize: 3,
        parentAttribute: "parent",
        rateLimit: false,
      },
      { token },
      { clock },
    );

  it("pages with 1-based startIndex to totalResults and maps the enterprise extension", async () => {
    const all = await collect(make().listEmployees());
    expect(all).toHaveLength(7);
    expect(all[1]).toMatchObject({
      employeeNo: "E1",
      name: "用户1",
      email: "user1@corp.example",
      unitCode: "RD",
      status: "active",
    });
    expect(all[6].status).toBe("terminated");
    expect(
      server.requests
        .filter((r) => r.path.endsWith("/Users"))
        .map((r) => r.query.get("startIndex")),
    ).toEqual(["1", "4", "7"]);
  });

  it("maps groups to org units with a configured parent attribute", async () => {
    expect(await collect(make().listOrgUnits())).toEqual([
      expect.objectContaining({ code: "HQ", parentCode: undefined }),
      expect.objectContaining({ code: "RD", parentCode: "HQ" }),
    ]);
  });

  it("filters client-side by lastModified when the server cannot", async () => {
    expect(
      (await collect(make().listEmployees({ updatedSince: "2024-02-05T00:00:00Z" }))).map(
        (e) => e.employeeNo,
      ),
    ).toEqual(["E4", "E5", "E6"]);
  });

  it("backs off on 429 and maps 401", async () => {
    throttle = 1;
    const before = clock.sleeps.length;
    await make().listOrgUnitsPage();
    expect(clock.sleeps.slice(before)).toEqual([expect.any(Number)]);
    expect(clock.sleeps.at(-1)).toBeGreaterThanOrEqual(5_000);
    await expect(make("bad").listOrgUnitsPage()).rejects.toMatchObject({ kind: "auth" });
  });
});
