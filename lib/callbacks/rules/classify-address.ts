import ipaddr from "ipaddr.js";

/** Why an address may not receive callbacks. */
export type BlockedRange =
  | "loopback"
  | "private"
  | "cgnat"
  | "link_local"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "unique_local"
  | "site_local"
  | "reserved"
  | "invalid_address";

export type AddressVerdict = {
  /** The range that blocks the address. */
  range: BlockedRange;
  /** For IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4…), that address. */
  embedded?: string;
};

// Cloud metadata services reachable on otherwise public-looking addresses.
const METADATA_V4 = new Set([
  "169.254.169.254",
  "169.254.170.2",
  "168.63.129.16",
  "100.100.100.200",
]);

const V4_RANGES: Partial<Record<string, BlockedRange>> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link_local",
  loopback: "loopback",
  carrierGradeNat: "cgnat",
  private: "private",
  reserved: "reserved",
  as112: "reserved",
  amt: "reserved",
  benchmarking: "reserved",
};

const V6_RANGES: Partial<Record<string, BlockedRange>> = {
  unspecified: "unspecified",
  loopback: "loopback",
  linkLocal: "link_local",
  multicast: "multicast",
  uniqueLocal: "unique_local",
  deprecatedSiteLocal: "site_local",
  teredo: "reserved",
  discard: "reserved",
  benchmarking: "reserved",
  amt: "reserved",
  as112v6: "reserved",
  deprecatedOrchid: "reserved",
  orchid2: "reserved",
  droneRemoteIdProtocolEntityTags: "reserved",
  segmentRouting: "reserved",
  reserved: "reserved",
};

function classifyV4(ip: ipaddr.IPv4): BlockedRange | null {
  if (METADATA_V4.has(ip.toString())) return "metadata";
  return V4_RANGES[ip.range()] ?? null;
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that embed one. */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const range = ip.range();
  const fromWords = (hi: number, lo: number) =>
    new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052")
    return fromWords(p[6], p[7]);
  if (range === "6to4") return fromWords(p[1], p[2]);
  // Deprecated IPv4-compatible ::a.b.c.d (not :: or ::1, which have their own ranges).
  if (p.slice(0, 6).every((w) => w === 0) && (p[6] !== 0 || p[7] > 1)) return fromWords(p[6], p[7]);
  return null;
}

/**
 * Whether an IP address (already a literal, not a name) may receive callbacks: null when it
 * is public unicast, else the blocking range. IPv6 forms that embed an IPv4 address are
 * judged by that address (::ffff:127.0.0.1 is loopback, 64:ff9b::a00:1 is private).
 */
export function classifyAddress(address: string): AddressVerdict | null {
  const text = address.replace(/^\[|\]$/g, "");
  // Only canonical forms: resolvers and the URL parser hand us those; anything else is suspect.
  if (
    !ipaddr.IPv4.isValidFourPartDecimal(text) &&
    !(text.includes(":") && ipaddr.IPv6.isValid(text))
  ) {
    return { range: "invalid_address" };
  }
  const ip = ipaddr.parse(text);
  if (ip.kind() === "ipv4") {
    const range = classifyV4(ip as ipaddr.IPv4);
    return range ? { range } : null;
  }
  const v6 = ip as ipaddr.IPv6;
  if (v6.zoneId) return { range: "link_local" };
  const inner = embeddedV4(v6);
  if (inner) {
    const range = classifyV4(inner);
    return range ? { range, embedded: inner.toString() } : null;
  }
  if (v6.toNormalizedString() === "fd00:ec2:0:0:0:0:0:254") return { range: "metadata" };
  const range = V6_RANGES[v6.range()];
  return range ? { range } : null;
}
