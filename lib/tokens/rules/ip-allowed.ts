import ipaddr from "ipaddr.js";

/** Whether `ip` falls in one of the CIDRs (or exact addresses). An empty list allows every address. */
export function ipAllowed(ip: string | null | undefined, allowList: readonly string[]): boolean {
  if (!allowList.length) return true;
  if (!ip || !ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  return allowList.some((entry) => {
    try {
      const [range, bits] = entry.includes("/")
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.parse(entry), entry.includes(":") ? 128 : 32];
      return range.kind() === addr.kind() && addr.match(range, bits);
    } catch {
      return false;
    }
  });
}

/** Validates one allow-list entry: an IPv4/IPv6 address or CIDR. */
export function isValidCidr(entry: string): boolean {
  try {
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return true;
  } catch {
    return false;
  }
}
