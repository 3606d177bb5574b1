// Hostile input against every public entry point: the real route handlers (imported, called with
// real Request objects) on the real test database with a real API token. Every input must get a
// 4xx JSON error — never a 5xx, never a hang — and leave no row behind.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import {
  HOSTILE_TEXT,
  WRONG_TYPES,
  type Input,
  json,
  enc,
  deep,
  deepObject,
  rawBodies,
  fieldInputs,
  forgedAuth,
  expectRefusedInput,
  runHostile,
  tried,
  rowCounts,
  type RouteHandler,
} from "./hostile-inputs";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
// /api/inngest as in production: signed requests only. Nothing listens on the base URL.
process.env.INNGEST_DEV = "0";
process.env.INNGEST_SIGNING_KEY = `signkey-test-${"ab".repeat(32)}`;
process.env.INNGEST_EVENT_KEY = "hostile-test-event-key";
process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";

const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

describe("hostile input at every public entry point", () => {
  let db: (typeof import("@/lib/core/db"))["db"];
  let token = "";
  let readToken = "";
  let hrConnectionId = "";

  const run = (
    endpoint: string,
    path: string,
    handler: RouteHandler,
    inputs: Input[],
    auth = token,
  ) => runHostile(db, { endpoint, path, handler, inputs, auth });
  const expectRefused = (
    endpoint: string,
    path: string,
    handler: RouteHandler,
    input: Input,
    auth: string,
  ) => expectRefusedInput({ endpoint, path, handler, input, auth });

  beforeAll(async () => {
    db = (await import("@/lib/core/db")).db;
    const { createToken } = await import("@/lib/tokens/commands/create-token");
    ({ token } = await createToken(
      {
        name: "hostile-suite",
        scopes: ["events:write", "notifications:write"],
        expiresInDays: null,
      },
      { actor: admin },
    ));
    ({ token: readToken } = await createToken(
      { name: "hostile-suite-read", scopes: ["read"], expiresInDays: null },
      { actor: admin },
    ));
    const { encryptSecrets } = await import("@/lib/core/crypto/encrypt-secrets");
    const hr = await db.connection.create({
      data: {
        kind: "HR_SOURCE",
        provider: "sandbox-hr",
        name: `Hostile HR ${randomBytes(3).toString("hex")}`,
        config: { baseUrl: "http://127.0.0.1:9" },
        secretsCipher: encryptSecrets({ token: "t", webhookSecret }),
      },
    });
    hrConnectionId = hr.id;
  });

  afterAll(async () => {
    if (hrConnectionId) await db?.connection.delete({ where: { id: hrConnectionId } });
    console.log(
      "hostile inputs tried per endpoint:\n" +
        Object.entries(tried)
          .map(([endpoint, n]) => `  ${endpoint.padEnd(32)} ${String(n).padStart(4)}`)
          .join("\n"),
    );
  });

  it("POST /api/v1/events", async () => {
    const { POST } = await import("@/app/api/v1/events/route");
    const valid = {
      id: "evt_hostile_1",
      type: "learning.exam.passed",
      timestamp: "2026-07-01T08:00:00+08:00",
      data: { employeeNo: "E1", examId: "X", score: 90, passedAt: "2026-07-01T08:00:00+08:00" },
    };
    const inputs: Input[] = [
      ...rawBodies(valid),
      ...fieldInputs(valid, ["id", "type", "timestamp", "data"]),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `data.employeeNo = control text #${i}`,
        body: json({ ...valid, data: { ...valid.data, employeeNo: t } }),
      })),
      { label: "internal type", body: json({ ...valid, type: "employee.deprovisioned" }) },
      { label: "internal type sync.completed", body: json({ ...valid, type: "sync.completed" }) },
      { label: "prototype pollution", body: '{"__proto__":{"admin":true},"id":"x"}' },
      { label: "constructor key", body: json({ ...valid, type: "constructor" }) },
      ...forgedAuth(token).map((i) => ({ ...i, body: json(valid) })),
    ];
    await run("POST /api/v1/events", "/api/v1/events", POST as RouteHandler, inputs);
  });

  it("POST /api/v1/notifications", async () => {
    const { POST } = await import("@/app/api/v1/notifications/route");
    const valid = {
      category: "no-such-category-hostile",
      recipients: { employeeNos: ["E1"] },
      title: "T",
      body: "B",
    };
    const inputs: Input[] = [
      ...rawBodies(valid),
      ...fieldInputs(valid, ["category", "recipients", "title"]),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `recipients.employeeNos.0 = control text #${i}`,
        body: json({ ...valid, recipients: { employeeNos: [t] } }),
      })),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `Idempotency-Key = hostile text #${i}`,
        body: json(valid),
        // Header values are bytes: keep what a client can actually send.
        headers: { "idempotency-key": `k${t.replace(/[^\u0020-\u007e]/g, "").slice(0, 4000)}` },
      })),
      ...forgedAuth(token).map((i) => ({ ...i, body: json(valid) })),
    ];
    await run("POST /api/v1/notifications", "/api/v1/notifications", POST as RouteHandler, inputs);
  });

  it("GET /api/v1/notifications/{id}", async () => {
    const { GET } = await import("@/app/api/v1/notifications/[id]/route");
    const inputs: Input[] = [
      ...HOSTILE_TEXT.map((t, i) => ({ label: `id = hostile text #${i}`, params: { id: t } })),
      ...HOSTILE_TEXT.map((t, i) => ({
        label: `?x = hostile text #${i}`,
        params: { id: "n_missing" },
        query: `?x=${enc(t.slice(0, 2000))}`,
      })),
      ...["%00", "%ff", "%c0%80", "%ed%a0%80", "%", "%zz", "%E2%80%AE"].map((q) => ({
        label: `raw query ${q}`,
        params: { id: "\u0000" },
        query: `?q=${q}`,
      })),
      ...Array.from({ length: 40 }, (_, i) => ({
        label: `unknown id #${i}`,
        params: { id: `ntf_${randomBytes(8).toString("hex")}${i % 2 ? "'--" : ""}` },
      })),
      ...forgedAuth(token).map((i) => ({ ...i, params: { id: "x" } })),
    ];
    await run(
      "GET /api/v1/notifications/{id}",
      "/api/v1/notifications/x",
      GET as RouteHandler,
      inputs,
    );
  });

  it("GET /api/v1/org-units", async () => {
    const { GET } = await import("@/app/api/v1/org-units/route");
    const inputs: Input[] = [
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `cursor = control text #${i}`,
        query: `?cursor=${enc(t)}`,
      })),
      { label: "cursor of 300 KB", query: `?cursor=${"x".repeat(300_000)}` },
      { label: "cursor=%00", query: "?cursor=%00" },
      ...HOSTILE_TEXT.slice(12).map((t, i) => ({
        label: `limit = hostile text #${i}`,
        query: `?limit=${enc(t.slice(0, 2000))}`,
      })),
      ...["0", "-1", "501", "1e9", "1.5", "NaN", "Infinity", "[]", "{}", "null", "true"].map(
        (v) => ({ label: `limit=${v}`, query: `?limit=${v}` }),
      ),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `unknown param = control text #${i}`,
        query: `?x${i}=${enc(t)}`,
      })),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) => ({
        label: `param name = control text #${i}`,
        query: `?${enc(`k${t}`)}=1`,
      })),
      // Invalid UTF-8 in a URL decodes to U+FFFD (a harmless cursor), so only limit gets those.
      ...["%00", "%1b", "%7f", "%08"].map((q) => ({
        label: `raw cursor ${q}`,
        query: `?cursor=${q}`,
      })),
      ...["%00", "%c0%80", "%ed%a0%80", "%ff%fe", "%1b", "%7f", "%08"].map((q) => ({
        label: `raw limit ${q}`,
        query: `?limit=${q}`,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        label: `limit ${1000 + i * 997}`,
        query: `?limit=${1000 + i * 997}`,
      })),
      ...forgedAuth(readToken),
      {
        label: "a write token lacks the read scope",
        headers: { authorization: `Bearer ${token}`, "x-skip-auth": "1" },
      },
    ];
    await run("GET /api/v1/org-units", "/api/v1/org-units", GET as RouteHandler, inputs, readToken);
  });

  it("POST /api/hooks/hr/{connectionId}", async () => {
    const { POST } = await import("@/app/api/hooks/hr/[connectionId]/route");
    const valid = {
      type: "employee.changed",
      id: "evt_hostile_hr",
      occurredAt: new Date().toISOString(),
      data: { employeeNo: "HX1", name: "N", status: "active", version: 1 },
    };
    const signed = (body: string | Uint8Array, secret = webhookSecret, at = new Date()): Input => {
      const id = `msg_${randomBytes(6).toString("hex")}`;
      const payload = typeof body === "string" ? body : Buffer.from(body);
      return {
        label: "",
        body,
        params: { connectionId: hrConnectionId },
        headers: {
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": new Webhook(secret).sign(id, at, payload),
        },
      };
    };
    const withLabel = (label: string, input: Input): Input => ({ ...input, label });
    const record = (patch: Record<string, unknown>) =>
      json({ ...valid, data: { ...valid.data, ...patch } });
    const inputs: Input[] = [
      // Correctly signed, hostile content: 400 naming the field (never queued, never 5xx).
      // The hook reads bytes whatever the content type, so the valid envelope itself is left out.
      ...rawBodies(valid)
        .filter(
          (i) => !i.headers?.["content-length"] && i.body !== undefined && i.body !== json(valid),
        )
        .map((i) => withLabel(`signed ${i.label}`, signed(i.body!))),
      ...HOSTILE_TEXT.slice(0, 12).map((t, i) =>
        withLabel(`signed employeeNo = control text #${i}`, signed(record({ employeeNo: t }))),
      ),
      ...HOSTILE_TEXT.map((t, i) =>
        withLabel(`signed version = hostile text #${i}`, signed(record({ version: t }))),
      ),
      ...HOSTILE_TEXT.slice(12).map((t, i) =>
        withLabel(`signed status = hostile text #${i}`, signed(record({ status: t }))),
      ),
      ...["two", "", " ", "1.2.3", "0x10", "NaN", "Infinity"].map((v) =>
        withLabel(`signed version = ${json(v)}`, signed(record({ version: v === "" ? [] : v }))),
      ),
      ...WRONG_TYPES.filter((v) => v !== null && typeof v !== "number").map((v) =>
        withLabel(`signed employeeNo = ${json(v)}`, signed(record({ employeeNo: v }))),
      ),
      ...["retired", "constructor", "__proto__", "toString", "ACTIVE!"].map((s) =>
        withLabel(`signed status = ${s}`, signed(record({ status: s }))),
      ),
      withLabel(
        "signed envelope of an unknown type",
        signed(json({ ...valid, type: "payroll.changed" })),
      ),
      withLabel("signed envelope without data", signed(json({ ...valid, data: undefined }))),
      withLabel(
        "signed envelope, occurredAt not a date",
        signed(json({ ...valid, occurredAt: "soon" })),
      ),
      // Forged or broken signatures: 401, and the same answer as an unknown connection.
      withLabel(
        "signed with another secret",
        signed(json(valid), `whsec_${randomBytes(24).toString("base64")}`),
      ),
      withLabel(
        "signature 10 minutes old",
        signed(json(valid), webhookSecret, new Date(Date.now() - 600_000)),
      ),
      withLabel(
        "signature from the future",
        signed(json(valid), webhookSecret, new Date(Date.now() + 600_000)),
      ),
      { label: "unsigned", body: json(valid), params: { connectionId: hrConnectionId } },
      {
        ...signed(json(valid)),
        label: "body changed after signing",
        body: json({ ...valid, data: { ...valid.data, name: "X" } }),
      },
      {
        ...signed(json(valid)),
        label: "signature header garbage",
        headers: { "webhook-id": "x", "webhook-timestamp": "1", "webhook-signature": "v1,%00" },
      },
      ...HOSTILE_TEXT.map((t, i) => ({
        ...signed(json(valid)),
        label: `connectionId = hostile text #${i}`,
        params: { connectionId: t },
      })),
      {
        ...signed(json(valid)),
        label: "unknown connection id",
        params: { connectionId: "conn_missing" },
      },
      {
        ...signed(`{"pad":"${"x".repeat(300 * 1024)}"}`),
        label: "signed body over 256 KB",
      },
    ];
    await run("POST /api/hooks/hr/{id}", "/api/hooks/hr/x", POST as RouteHandler, inputs, "");
  });

  it("/api/inngest (GET, POST)", async () => {
    const { GET, POST } = await import("@/app/api/inngest/route");
    const forgedSig = (_body: string) => ({
      "x-inngest-signature": `t=${Math.floor(Date.now() / 1000)}&s=${randomBytes(32).toString("hex")}`,
      "content-type": "application/json",
      "x-inngest-framework": "nextjs",
    });
    const stepBody = json({ event: { name: "x", data: {} }, steps: {}, ctx: { run_id: "r" } });
    const inputs: (Input & { handler: RouteHandler })[] = [
      ...HOSTILE_TEXT.map((t, i) => ({
        handler: POST as RouteHandler,
        label: `POST fnId = hostile text #${i}`,
        query: `?fnId=${enc(t.slice(0, 2000))}&stepId=step`,
        body: stepBody,
        headers: forgedSig(stepBody),
      })),
      ...rawBodies({ event: {} }).map((i) => ({
        ...i,
        handler: POST as RouteHandler,
        label: `POST forged signature, ${i.label}`,
        query: "?fnId=orgbridge-callback-deliver&stepId=step",
        headers: { ...forgedSig(""), ...(i.headers ?? {}) },
      })),
      ...["", "t=1&s=00", "s=deadbeef", "t=abc&s=", "%00", "t=9999999999&s=" + "0".repeat(64)].map(
        (sig, i) => ({
          handler: POST as RouteHandler,
          label: `POST signature header variant #${i}`,
          query: "?fnId=orgbridge-callback-deliver&stepId=step",
          body: stepBody,
          headers: { "x-inngest-signature": sig, "content-type": "application/json" },
        }),
      ),
      ...HOSTILE_TEXT.map((t, i) => ({
        handler: POST as RouteHandler,
        label: `POST forged signature, event name = hostile text #${i}`,
        query: "?fnId=orgbridge-callback-deliver&stepId=step",
        body: json({ event: { name: t, data: { t } }, steps: {}, ctx: { run_id: t } }),
        headers: forgedSig(""),
      })),
      ...Array.from({ length: 12 }, (_, i) => ({
        handler: POST as RouteHandler,
        label: `POST unsigned step call #${i}`,
        query: `?fnId=orgbridge-${["callback-deliver", "hr-incremental-sync", "x"][i % 3]}&stepId=s${i}`,
        body: stepBody,
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        handler: GET as RouteHandler,
        label: `GET forged signature #${i}`,
        headers: forgedSig(""),
        query: i % 2 ? "?deployId=%00" : "",
      })),
    ];
    expect(inputs.length).toBeGreaterThanOrEqual(100);
    const before = await rowCounts(db);
    for (const { handler, ...input } of inputs)
      await expectRefused("/api/inngest", "/api/inngest", handler, input, "");
    expect(await rowCounts(db)).toEqual(before);
  });

  // Registration must be signed (docs/security.md, "Background-function registration").
  it("/api/inngest PUT: an unsigned or forged registration is refused", async () => {
    const { PUT } = await import("@/app/api/inngest/route");
    const forged = `t=${Math.floor(Date.now() / 1000)}&s=${randomBytes(32).toString("hex")}`;
    await expectRefused(
      "/api/inngest",
      "/api/inngest",
      PUT as RouteHandler,
      {
        label: "PUT forged registration",
        method: "PUT",
        body: "",
        headers: { "x-inngest-signature": forged },
      },
      "",
    );
  });
});
