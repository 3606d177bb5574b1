import { describe, expect, inject, it } from "vitest";
import { createWecomTarget } from "@/lib/connectors/im/wecom/create-wecom-target";
import { describeWecomContract } from "@/lib/connectors/testing/wecom-contract";
import { createSandboxDb } from "../shared/create-sandbox-db";
import { listInbox } from "./list-inbox";
import { listSandboxDirectory } from "./list-sandbox-directory";
import { renameDepartmentManually } from "./rename-department-manually";
import { startSandboxIm } from "./start-sandbox-im";

const creds = { corpId: "ww-sandbox", corpSecret: "sandbox-secret", agentId: 1000002 };

describeWecomContract("sandbox/im server", async () => {
  const server = await startSandboxIm({
    ...creds,
    port: 0,
    databaseUrl: inject("databaseUrl"),
    rateLimit: false,
  });
  return { ...creds, baseUrl: server.baseUrl, faults: server.faults, close: server.close };
});

describe("sandbox/im specifics", () => {
  it("answers 45009 past the configured rate; the connector backs off and completes", async () => {
    const server = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: inject("databaseUrl"),
      rateLimit: { perMinute: 5, windowSeconds: 1 },
      recordRequests: true,
    });
    try {
      const target = createWecomTarget(
        { baseUrl: server.baseUrl, corpId: creds.corpId, agentId: creds.agentId, rateLimit: false },
        { contactSecret: creds.corpSecret },
        { retry: { baseDelayMs: 200, maxAttempts: 10 } },
      );
      const tag = `rl${Date.now()}`;
      for (let i = 0; i < 8; i++)
        await target.createUser({
          id: `${tag}-${i}`,
          name: `u${i}`,
          email: `${tag}-${i}@example.com`,
          groupIds: ["1"],
        });
      const creates = server.requests().filter((r) => r.path.endsWith("/user/create"));
      expect(creates.filter((r) => r.errcode === 45009).length).toBeGreaterThan(0);
      expect(creates.filter((r) => r.errcode === 0)).toHaveLength(8);
    } finally {
      await server.close();
    }
  });

  it("serves the directory tree, inboxes, and out-of-band renames", async () => {
    const server = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: inject("databaseUrl"),
      rateLimit: false,
    });
    const db = createSandboxDb(inject("databaseUrl"), 2);
    try {
      const target = createWecomTarget(
        { baseUrl: server.baseUrl, corpId: creds.corpId, agentId: creds.agentId, rateLimit: false },
        { contactSecret: creds.corpSecret },
      );
      const tag = `dir${Date.now()}`;
      const sales = await target.createGroup({ name: `${tag}-销售部` });
      const east = await target.createGroup({ name: `${tag}-华东区`, parentId: sales.id });
      await target.createUser({
        id: `${tag}-a`,
        name: "王五",
        mobile: `138${Date.now() % 100_000_000}`,
        groupIds: [east.id],
      });
      await target.sendMessage({ to: [`${tag}-a`], format: "text", text: "欢迎加入" });

      const tree = await listSandboxDirectory(db);
      expect(tree.id).toBe(1);
      const salesNode = tree.children.find((c) => c.id === Number(sales.id));
      expect(salesNode?.children[0]).toMatchObject({
        name: `${tag}-华东区`,
        members: [expect.objectContaining({ userid: `${tag}-a`, name: "王五", isMain: true })],
      });

      const inbox = await listInbox(db, `${tag}-A`);
      expect(inbox).toEqual([expect.objectContaining({ msgtype: "text", text: "欢迎加入" })]);

      const renamed = await renameDepartmentManually(db, Number(east.id), `${tag}-华东大区`);
      expect(renamed).toMatchObject({ before: `${tag}-华东区`, after: `${tag}-华东大区` });
      const groups = [];
      for await (const g of target.listGroups()) groups.push(g);
      expect(groups.find((g) => g.id === east.id)?.name).toBe(`${tag}-华东大区`);
      await expect(renameDepartmentManually(db, 999_999, "x")).rejects.toThrow(/not found/);
    } finally {
      await db.$disconnect();
      await server.close();
    }
  });
});
