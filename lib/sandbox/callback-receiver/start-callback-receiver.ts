import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** What the sandbox receiver got: one row per request, verified with the standardwebhooks library. */
export type ReceivedCallback = {
  webhookId: string;
  type: string | null;
  /** The body's `timestamp` (when the event happened). */
  timestamp: string | null;
  data: unknown;
  /** Which configured secret verified the signature (index into `secrets`), or null. */
  verifiedWith: number | null;
  /** Why verification failed, when it did. */
  verifyError: string | null;
  headers: Record<string, string>;
  /** Status the receiver answered (0 when it hung up or never answered). */
  status: number;
  receivedAt: Date;
};

/** A scripted answer: a status with headers/body, hang up without answering, or never answer. */
export type ReceiverReply =
  { status: number; headers?: Record<string, string>; body?: string | Buffer } | "close" | "hang";

export type CallbackReceiverOptions = {
  /** Port; 0 = any free one. */
  port?: number;
  /** Interface. Default 127.0.0.1. */
  host?: string;
  /** Secrets to verify with (`whsec_…`), in order; a request verifies if any one does. */
  secrets?: string[];
  /** Decides the answer; default 204 when the signature verifies, 401 otherwise. */
  reply?: (call: ReceivedCallback, nth: number) => ReceiverReply | Promise<ReceiverReply>;
  /** Keep at most this many rows (oldest dropped). Default 10 000. */
  keep?: number;
};

export type CallbackReceiver = {
  url: string;
  port: number;
  received: ReceivedCallback[];
  /** Replace the secrets (e.g. after a rotation). */
  setSecrets: (secrets: string[]) => void;
  close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * A stand-in for an OA/SCRM/HR system receiving OrgBridge's data callbacks: verifies each
 * request with the `standardwebhooks` library (not OrgBridge's code, as a real receiver would),
 * records what arrived and answers as scripted. A sandbox: never the real thing.
 */
export async function startCallbackReceiver(
  options: CallbackReceiverOptions = {},
): Promise<CallbackReceiver> {
  let secrets = options.secrets ?? [];
  const keep = options.keep ?? 10_000;
  const received: ReceivedCallback[] = [];
  const sockets = new Set<import("node:net").Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    let verifiedWith: number | null = null;
    let verifyError: string | null = secrets.length === 0 ? "no secret configured" : null;
    for (const [i, secret] of secrets.entries()) {
      try {
        new Webhook(secret).verify(raw, headers);
        verifiedWith = i;
        verifyError = null;
        break;
      } catch (error) {
        verifyError = (error as Error).message;
      }
    }
    let body: { type?: string; timestamp?: string; data?: unknown } = {};
    try {
      body = JSON.parse(raw);
    } catch {
      body = {};
    }
    const call: ReceivedCallback = {
      webhookId: headers["webhook-id"] ?? "",
      type: body.type ?? null,
      timestamp: body.timestamp ?? null,
      data: body.data,
      verifiedWith,
      verifyError,
      headers,
      status: 0,
      receivedAt: new Date(),
    };
    received.push(call);
    if (received.length > keep) received.shift();
    const reply = options.reply
      ? await options.reply(call, received.length)
      : { status: verifiedWith === null ? 401 : 204 };
    if (reply === "hang") return;
    if (reply === "close") {
      req.socket.destroy();
      return;
    }
    call.status = reply.status;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  };

  const server = createServer((req, res) => {
    if (req.method === "GET") {
      // What arrived lately, newest first, for people looking at the demo.
      const recent = received
        .slice(-50)
        .reverse()
        .map(({ headers: _h, ...rest }) => rest);
      res
        .writeHead(200, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify({ sandbox: "callback receiver", received: recent }, null, 2));
      return;
    }
    handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/`,
    port,
    received,
    setSecrets: (next) => {
      secrets = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
