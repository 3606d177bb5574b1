import type { LookupFunction } from "node:net";
import http from "node:http";
import https from "node:https";
import type { NetworkErrorKind } from "../rules/classify-attempt";
import {
  checkUrl,
  type CheckUrlOptions,
  type ResolvedAddress,
  type UrlRefusal,
} from "./ssrf-guard";
import { truncateBody } from "../rules/truncate-body";
import type { CallbackAgents } from "./callback-agents";

export type SafeFetchOptions = {
  /** Where to POST. */
  url: string;
  /** Exact body bytes (e.g. from signCallback). */
  body: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Whole-exchange limit: connect, send, headers and body excerpt. Default 15 000 ms. */
  timeoutMs?: number;
  /** Most response-body bytes read before hanging up. Default 4096. */
  maxBodyBytes?: number;
  /** SSRF guard settings; checked now, at send time, for every hop. */
  guard?: CheckUrlOptions;
  /** How many 307/308 redirects to follow (each target re-checked). Default 0: a redirect is returned as the result. */
  maxRedirects?: number;
  /** Caller's cancellation. */
  signal?: AbortSignal;
  /** Keep-alive pools keyed by the checked address; default none (a fresh connection per POST). */
  agents?: CallbackAgents;
};

/** The receiver answered (any status). */
export type SafeFetchResponse = {
  ok: true;
  status: number;
  /** Response headers, lower-case names, repeated ones joined with ", ". */
  headers: Record<string, string>;
  /** First `maxBodyBytes` of the body as UTF-8 text. */
  bodyExcerpt: string;
  /** Whether the body was longer and we hung up. */
  bodyTruncated: boolean;
  latencyMs: number;
  /** The checked address the connection went to. */
  address: string;
  /** URLs followed to get here, in order (empty when none). */
  redirects: string[];
  /** A redirect's target that the guard refused (the redirect itself is then the result). */
  redirectRefusal?: UrlRefusal;
};

/** No usable answer: network trouble, or the guard refused the URL. */
export type SafeFetchFailure = {
  ok: false;
  error: {
    kind: NetworkErrorKind | "blocked";
    message: string;
    /** Set for "blocked". */
    refusal?: UrlRefusal;
    /** Status, when the connection broke after the status line arrived. */
    status?: number;
  };
  latencyMs: number;
};

function networkKind(error: unknown, timedOut: boolean): NetworkErrorKind {
  if (timedOut) return "timeout";
  const code = String((error as { code?: string })?.code ?? "");
  if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return "refused";
  if (
    code === "ECONNRESET" ||
    code === "EPIPE" ||
    code === "ECONNABORTED" ||
    code === "ERR_STREAM_PREMATURE_CLOSE"
  )
    return "reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "ETIMEDOUT") return "timeout";
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "tls";
  return "other";
}

/** A lookup that answers only with the address the guard checked: no second DNS query, no rebinding. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

type Hop = {
  status: number;
  headers: Record<string, string>;
  bodyExcerpt: string;
  bodyTruncated: boolean;
};

function postOnce(
  url: URL,
  hostname: string,
  pinned: ResolvedAddress,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<Hop> {
  const { body, headers = {}, maxBodyBytes = 4096 } = options;
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request({
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(pinned),
      // A pooled socket only from the pool of this very address; without pools, none at all.
      agent: options.agents ? options.agents.agentFor(url, hostname, pinned) : false,
      signal,
      ...(url.protocol === "https:" && !hostname.includes(":") && !/^\d+(\.\d+){3}$/.test(hostname)
        ? { servername: hostname }
        : {}),
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const headersOut: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headersOut[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const finish = (truncated: boolean) => {
        if (settled) return;
        settled = true;
        const raw = Buffer.concat(chunks);
        const excerpt = truncateBody(raw, { maxBytes: maxBodyBytes });
        resolve({
          status: res.statusCode ?? 0,
          headers: headersOut,
          bodyExcerpt: excerpt.text,
          bodyTruncated: truncated || excerpt.truncated,
        });
      };
      res.on("data", (chunk: Buffer) => {
        if (settled) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxBodyBytes) {
          finish(true);
          res.destroy(); // stop reading a huge body; we have what the log keeps
        }
      });
      res.on("end", () => finish(false));
      const broken = (error?: unknown) => {
        if (settled) return;
        settled = true;
        reject(
          Object.assign(
            error instanceof Error ? error : new Error("connection closed mid-response"),
            {
              code: (error as { code?: string })?.code ?? "ECONNRESET",
              status: res.statusCode,
            },
          ),
        );
      };
      res.on("aborted", () => broken());
      res.on("error", broken);
      res.on("close", () => {
        if (!res.complete) broken();
      });
    });
    req.end(body);
  });
}

/**
 * POST once to a callback URL, safely: the SSRF guard runs now, the connection goes to the
 * address it checked (custom lookup, so DNS cannot be rebound between check and connect),
 * redirects are not followed unless asked (and then re-checked), at most `maxBodyBytes` of the
 * answer is read, and the whole exchange is bounded by `timeoutMs`.
 */
export async function safeFetch(
  options: SafeFetchOptions,
): Promise<SafeFetchResponse | SafeFetchFailure> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const redirects: string[] = [];
  let url = options.url;
  let redirectsLeft = options.maxRedirects ?? 0;

  for (;;) {
    const check = await checkUrl(url, options.guard);
    if (!check.ok) {
      const kind = check.reason === "dns_failed" ? "dns" : "blocked";
      return {
        ok: false,
        error: { kind, message: check.message, ...(kind === "blocked" ? { refusal: check } : {}) },
        latencyMs: elapsed(),
      };
    }
    const pinned = check.addresses[0];
    let hop: Hop;
    try {
      hop = await postOnce(check.url, check.hostname, pinned, options, signal);
    } catch (error) {
      const kind = networkKind(error, timeout.aborted);
      const status = (error as { status?: number }).status;
      return {
        ok: false,
        error: {
          kind,
          message:
            kind === "timeout"
              ? `no complete answer within ${options.timeoutMs ?? 15_000} ms`
              : (error as Error).message || kind,
          ...(status ? { status } : {}),
        },
        latencyMs: elapsed(),
      };
    }
    const result: SafeFetchResponse = {
      ok: true,
      ...hop,
      latencyMs: elapsed(),
      address: pinned.address,
      redirects: [...redirects],
    };
    const location = hop.headers.location;
    // Only 307/308 keep POST and its body; other redirects would turn the callback into a GET.
    if (redirectsLeft <= 0 || !location || (hop.status !== 307 && hop.status !== 308))
      return result;
    let next: string;
    try {
      next = new URL(location, check.url).toString();
    } catch {
      return result;
    }
    const target = await checkUrl(next, options.guard);
    if (!target.ok) return { ...result, redirectRefusal: target };
    redirects.push(next);
    redirectsLeft--;
    url = next;
  }
}
