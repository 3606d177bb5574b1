import ipaddr from "ipaddr.js";

/** One address as written in X-Forwarded-For or by the socket ("[::1]:443", "1.2.3.4:80" too), normalised; null when it is not one. */
export function normaliseIp(raw: string | null | undefined): string | null {
  let value = raw?.trim();
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value))
    value = value.slice(0, value.lastIndexOf(":"));
  // Only dotted quads and IPv6: ipaddr.js would also read "1.2.3" or "0x7f.1" as addresses.
  if (!ipaddr.IPv4.isValidFourPartDecimal(value) && !ipaddr.IPv6.isValid(value)) return null;
  // process() turns ::ffff:1.2.3.4 into 1.2.3.4, so one client has one spelling in checks and logs.
  return ipaddr.process(value).toString();
}

function inRanges(ip: string, ranges: readonly string[]): boolean {
  const addr = ipaddr.process(ip);
  return ranges.some((entry) => {
    try {
      const [range, bits] = entry.includes("/")
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.process(entry), entry.includes(":") ? 128 : 32];
      const r = range.kind() === "ipv6" ? ipaddr.process(range.toString()) : range;
      if (r.kind() !== addr.kind()) return false;
      // A mapped range (::ffff:10.0.0.0/104) applies to the IPv4 addresses it maps.
      const b = r.kind() !== range.kind() ? bits - 96 : bits;
      return addr.match(r, b);
    } catch {
      return false;
    }
  });
}

export type ClientIpInput = {
  /** The TCP peer: who actually connected to this server. */
  peer: string | null | undefined;
  /** X-Forwarded-For as received (comma-separated; several headers joined). */
  forwardedFor: string | null | undefined;
  /** TRUSTED_PROXIES: CIDRs or addresses whose forwarding headers are believed. */
  trustedProxies: readonly string[];
};

/**
 * The client's address. X-Forwarded-For is written by whoever sent the request,
 * so it is read only as far as trusted proxies vouch for it: from the peer
 * leftwards, each hop is believed only when the hop after it is a trusted proxy.
 * Unreadable hops or no peer give null (unknown), never a guess.
 */
export function resolveClientIp({
  peer,
  forwardedFor,
  trustedProxies,
}: ClientIpInput): string | null {
  let current = normaliseIp(peer);
  if (!current) return null;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  while (hops.length && inRanges(current, trustedProxies)) {
    current = normaliseIp(hops.pop());
    if (!current) return null;
  }
  return current;
}
