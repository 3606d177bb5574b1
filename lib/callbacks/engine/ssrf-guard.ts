import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { classifyAddress, type BlockedRange } from "../rules/classify-address";
import {
  METADATA_HOSTS,
  parseAllowListEntry,
  type AllowListEntry,
} from "../rules/parse-allow-list-entry";

/** A resolved address, as node:dns lookup({ all: true }) returns it. */
export type ResolvedAddress = { address: string; family: number };

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type CheckUrlOptions = {
  /**
   * Hosts (exact, case-insensitive), IPs or CIDRs an admin allowed despite the ranges, each
   * optionally for one port only ("127.0.0.1:4010", "[::1]:4010", "10.20.0.0/16"). Never
   * re-allows cloud metadata services.
   */
  allowList?: readonly string[];
  /** Accept plain http:// (embedded sandboxes, local receivers). Default false. */
  allowHttp?: boolean;
  /** Accept private networks (10/8, 172.16/12, 192.168/16, CGNAT, fc00::/7) — the endpoint's allowPrivate flag. Never loopback, link-local or metadata. */
  allowPrivate?: boolean;
  /** DNS resolver; default node:dns/promises lookup with all addresses. */
  resolve?: Resolver;
};

export type UrlRefusalReason =
  | "invalid_url"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "trailing_dot"
  | "metadata_host"
  | "dns_failed"
  | BlockedRange;

/** Why a URL may not be called, for the console and the attempt log. */
export type UrlRefusal = {
  ok: false;
  reason: UrlRefusalReason;
  /** The offending address, when an address decided it. */
  address?: string;
  /** The IPv4 address hidden inside an IPv6 one, when that decided it. */
  embedded?: string;
  /** One English sentence. */
  message: string;
};

/** A URL that may be called, and the checked addresses to connect to (pin them). */
export type UrlApproval = {
  ok: true;
  url: URL;
  /** Host without IPv6 brackets. */
  hostname: string;
  /** Every address the host resolved to, all checked; connect only to these. */
  addresses: ResolvedAddress[];
};

const PRIVATE_RANGES = new Set<BlockedRange>(["private", "cgnat", "unique_local"]);

const defaultResolve: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

const refuse = (
  reason: UrlRefusalReason,
  message: string,
  extra: Partial<UrlRefusal> = {},
): UrlRefusal => ({
  ok: false,
  reason,
  message,
  ...extra,
});

/** The allow-list as parsed entries; unusable ones are skipped (the schema refuses them on save). */
function parseAllowList(allowList: readonly string[]): AllowListEntry[] {
  return allowList.flatMap((e) => {
    const parsed = parseAllowListEntry(e);
    return "problem" in parsed ? [] : [parsed];
  });
}

function addressAllowed(address: string, port: number, entries: readonly AllowListEntry[]) {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.kind !== "net" || (entry.port !== undefined && entry.port !== port)) continue;
    const { net, prefix } = entry;
    if (net.kind() === ip.kind() && ip.match(net, prefix)) return true;
    // An IPv4 entry also covers its IPv4-mapped IPv6 form (dual-stack resolvers return those).
    if (
      ip.kind() === "ipv6" &&
      net.kind() === "ipv4" &&
      (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ) {
      if ((ip as ipaddr.IPv6).toIPv4Address().match(net, prefix)) return true;
    }
  }
  return false;
}

/**
 * Decide whether OrgBridge may POST to `url`: https only (unless allowed), no credentials in
 * the URL, no trailing-dot or metadata host names, and every address the host resolves to
 * outside loopback, private, CGNAT, link-local, metadata, multicast, broadcast and reserved
 * ranges (IPv4 and IPv6, including IPv6 forms that embed IPv4). Decimal, hex and octal IPv4
 * forms are normalised by the URL parser first, so http://2130706433 is judged as 127.0.0.1 —
 * and an allow-list entry with a port only exempts that port. Metadata services stay refused
 * whatever the allow-list says.
 */
export async function checkUrl(
  url: string | URL,
  options: CheckUrlOptions = {},
): Promise<UrlApproval | UrlRefusal> {
  const {
    allowList = [],
    allowHttp = false,
    allowPrivate = false,
    resolve = defaultResolve,
  } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse("invalid_url", `"${String(url)}" is not a valid URL`);
  }
  if (parsed.protocol !== "https:" && !(allowHttp && parsed.protocol === "http:")) {
    return refuse(
      "scheme_not_allowed",
      `scheme ${parsed.protocol.replace(/:$/, "")} is not allowed; use https`,
    );
  }
  if (parsed.username || parsed.password) {
    return refuse(
      "credentials_in_url",
      "credentials in the URL are not allowed; use a custom header",
    );
  }
  const hostname = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (hostname.endsWith(".")) {
    return refuse("trailing_dot", `host "${hostname}" ends with a dot; remove it`);
  }
  const port = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
  const entries = parseAllowList(allowList);
  const hostAllowed = entries.some(
    (e) => e.kind === "host" && e.host === hostname && (e.port === undefined || e.port === port),
  );
  // No allow-list entry opens a metadata service: those hand out cloud credentials.
  if (METADATA_HOSTS.has(hostname)) {
    return refuse("metadata_host", `host "${hostname}" is a cloud metadata service`);
  }
  if (!hostAllowed && (hostname === "localhost" || hostname.endsWith(".localhost"))) {
    return refuse("loopback", `host "${hostname}" is loopback`);
  }

  let addresses: ResolvedAddress[];
  if (
    ipaddr.isValid(hostname) &&
    (hostname.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(hostname))
  ) {
    addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return refuse("dns_failed", `host "${hostname}" did not resolve${code ? ` (${code})` : ""}`);
    }
    if (addresses.length === 0) return refuse("dns_failed", `host "${hostname}" has no addresses`);
  }

  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (!verdict) continue;
    const exempt =
      verdict.range !== "metadata" &&
      (hostAllowed ||
        addressAllowed(address, port, entries) ||
        (allowPrivate && PRIVATE_RANGES.has(verdict.range)));
    if (exempt) continue;
    const via = verdict.embedded ? ` (embeds ${verdict.embedded})` : "";
    const named =
      address === hostname ? `address ${address}` : `host "${hostname}" resolves to ${address}`;
    return refuse(verdict.range, `${named}${via}, which is ${verdict.range.replace(/_/g, "-")}`, {
      address,
      ...(verdict.embedded ? { embedded: verdict.embedded } : {}),
    });
  }
  return { ok: true, url: parsed, hostname, addresses };
}
