import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collect } from "@/lib/connectors/core/collect";
import { createRestHrSource } from "@/lib/connectors/hr/rest/create-rest-hr-source";
import { sandboxHrRestConfig } from "@/lib/connectors/hr/sandbox/sandbox-hr-preset";
import type { HrSource } from "@/lib/connectors/types";
import { seedSandboxHr } from "./seed-sandbox-hr";
import { bulkHire } from "./simulator/bulk-simulations";
import { hireEmployee } from "./simulator/hire-employee";
import { moveDepartment } from "./simulator/move-department";
import { renameDepartment } from "./simulator/rename-department";
import type { SimulatorContext } from "./simulator/simulator-context";
import { terminateEmployee } from "./simulator/terminate-employee";
import { transferEmployee } from "./simulator/transfer-employee";
import { startSandboxHr, type SandboxHrServer } from "./start-sandbox-hr";

const secret = `whsec_${Buffer.from("sandbox-hr-webhook-secret-32byte").toString("base64")}`;

describe("sandbox HR + REST connector (sandbox preset)", () => {
  let server: SandboxHrServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: Record<string, string>; body: string }[] = [];
  let failNext = 0;
  let source: HrSource;
  let ctx: SimulatorContext;

  beforeAll(async () => {
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/hr`;
    server = await startSandboxHr({
      port: 0,
      databaseUrl: inject("databaseUrl"),
      webhook: { url: receiverUrl, secret },
    });
    await seedSandboxHr(server.db, { employees: 57, reset: true });
    ctx = { ...server.simulator, delivery: { baseDelayMs: 5 } };
    source = createRestHrSource(
      sandboxHrRestConfig(server.url),
      { token: "sandbox-hr-token", webhookSecret: secret },
      { provider: "sandbox-hr", pageSize: 10 },
    );
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it("lists the seeded company page by page to the end", async () => {
    const units = await collect(source.listOrgUnits());
    expect(units).toHaveLength(11);
    expect(units.find((u) => u.code === "RD-FE")).toMatchObject({
      name: "前端组",
      parentCode: "RD",
      active: true,
      version: 1,
    });
    const employees = await collect(source.listEmployees());
    expect(employees).toHaveLength(57);
    expect(new Set(employees.map((e) => e.employeeNo)).size).toBe(57);
    expect(employees.find((e) => e.employeeNo === "E00029")?.status).toBe("on_leave");
    expect((await source.testConnection()).ok).toBe(true);
  });

  it("serves page/size paging too, and rejects a wrong token", async () => {
    const res = await fetch(`${server.url}/api/employees?page=6&size=10`, {
      headers: { authorization: "Bearer sandbox-hr-token" },
    });
    const body = (await res.json()) as { items: unknown[]; next: string | null; total: number };
    expect(body).toMatchObject({ next: null, total: 57 });
    expect(body.items).toHaveLength(7);
    const bad = createRestHrSource(sandboxHrRestConfig(server.url), { token: "nope" });
    await expect(bad.listOrgUnitsPage()).rejects.toMatchObject({ kind: "auth" });
  });

  it("simulates changes: version bump, incremental listing, signed webhooks the connector accepts", async () => {
    const since = new Date().toISOString();
    const hired = await hireEmployee(ctx, {
      name: "新同事",
      unitCode: "RD-FE",
      email: "new@demo.orgbridge.example",
      mobile: "13700000001",
    });
    const moved = await transferEmployee(ctx, "E00020", { unitCode: "SALES-E", title: "客户经理" });
    const left = await terminateEmployee(ctx, "E00021", { reason: "个人原因" });
    const renamed = await renameDepartment(ctx, "RD-QA", "质量保障组", "Quality");
    const reparented = await moveDepartment(ctx, "MKT", "SALES");
    const deliveries = await Promise.all(
      [hired, moved, left, renamed, reparented].map((r) => r.delivery),
    );
    expect(deliveries.every((d) => d?.ok)).toBe(true);

    expect(moved.record.version).toBe(2);
    const changed = await collect(source.listEmployees({ updatedSince: since }));
    expect(changed.map((e) => e.employeeNo).sort()).toEqual(
      [hired.record.employeeNo, "E00020", "E00021"].sort(),
    );
    expect(changed.find((e) => e.employeeNo === "E00021")).toMatchObject({
      status: "terminated",
      terminationReason: "个人原因",
    });

    const events = received.map((r) => source.verifyWebhook(r.headers, r.body));
    expect(events.map((e) => e.type)).toEqual([
      "employee.changed",
      "employee.changed",
      "employee.changed",
      "org_unit.changed",
      "org_unit.changed",
    ]);
    expect(events[3].data).toMatchObject({ code: "RD-QA", name: "质量保障组", version: 2 });
    expect(events[4].data).toMatchObject({ code: "MKT", parentCode: "SALES" });
    expect(received[0].headers["webhook-id"]).toBe(hired.event.id);
  });

  it("refuses department cycles", async () => {
    await expect(moveDepartment(ctx, "RD", "RD-FE")).rejects.toThrow(/cycle/);
  });

  it("retries failed deliveries, and survives a dead receiver", async () => {
    failNext = 2;
    const before = received.length;
    const r = await hireEmployee(ctx, {
      name: "重试",
      unitCode: "HR",
      email: "retry@demo.orgbridge.example",
    });
    expect(await r.delivery).toMatchObject({ ok: true, attempts: 3 });
    expect(received.length).toBe(before + 1);

    const dead: SimulatorContext = {
      ...ctx,
      webhook: { url: "http://127.0.0.1:1/nowhere", secret },
      delivery: { attempts: 2, baseDelayMs: 1 },
    };
    const bulk = await bulkHire(dead, { count: 3, unitCode: "FIN" });
    const results = await Promise.all(bulk.map((b) => b.delivery));
    expect(results.every((d) => d && !d.ok && d.attempts === 2)).toBe(true);
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
  });

  it("drives the simulator over HTTP for e2e", async () => {
    const res = await fetch(`${server.url}/api/_simulate/rename-department`, {
      method: "POST",
      headers: { authorization: "Bearer sandbox-hr-token", "content-type": "application/json" },
      body: JSON.stringify({ code: "FIN", name: "财务与税务部" }),
    });
    expect(res.status).toBe(200);
    const missing = await fetch(`${server.url}/api/_simulate/terminate`, {
      method: "POST",
      headers: { authorization: "Bearer sandbox-hr-token", "content-type": "application/json" },
      body: JSON.stringify({ employeeNo: "NOPE" }),
    });
    expect(missing.status).toBe(404);
  });
});
