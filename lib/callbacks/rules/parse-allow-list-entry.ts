import ipaddr from "ipaddr.js";

const HOST =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Cloud metadata services: no allow-list entry may name them (checkUrl refuses them regardless). */
export const METADATA_HOSTS = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.tencentyun.com",
  "metadata.azure.internal",
]);

export type AllowListEntry =
  | { kind: "host"; host: string; port?: number }
  | { kind: "net"; net: ipaddr.IPv4 | ipaddr.IPv6; prefix: number; port?: number };

const portOf = (text: string | undefined): number | null | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
};

/**
 * An allow-list entry parsed, or why it is unusable. Forms: a host name (`oa.example.com`,
 * `oa.example.com:8443`), a dotted IPv4 address (`127.0.0.1`, `127.0.0.1:4010`), an IPv6 address
 * (`::1`, `[::1]`, `[::1]:4010`) or a CIDR without port (`10.20.0.0/16`, `fd00::/8`). No port
 * means every port. IPv4 must be the canonical dotted form: aliases such as `127.1` or
 * `0x7f000001` are refused here (URLs are normalised by the URL parser before matching).
 */
/** Why an entry is unusable, with its message key (`validation.custom.allowList.*`). */
export type AllowListEntryProblem = {
  problem: string;
  key: "cidr" | "port" | "dottedIpv4" | "ipv6" | "trailingDot" | "hostIpOrCidr";
};

export function parseAllowListEntry(input: string): AllowListEntry | AllowListEntryProblem {
  const entry = input.trim().toLowerCase();
  if (entry.includes("/")) {
    try {
      const [net, prefix] = ipaddr.parseCIDR(entry);
      return { kind: "net", net, prefix };
    } catch {
      return {
        problem: `"${input}" is not a valid CIDR (e.g. 10.20.0.0/16 or fd00::/8)`,
        key: "cidr",
      };
    }
  }
  let host = entry;
  let portText: string | undefined;
  const bracketed = entry.match(/^\[([^\]]+)\](?::(.*))?$/);
  if (bracketed) [, host, portText] = bracketed;
  else if ((entry.match(/:/g) ?? []).length === 1) [host, portText] = entry.split(":");
  const port = portOf(portText);
  if (port === null) return { problem: `"${input}" has a port that is not 1–65535`, key: "port" };
  if (ipaddr.isValid(host)) {
    if (!host.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(host))
      return { problem: `"${input}" is not a dotted IPv4 address`, key: "dottedIpv4" };
    const net = ipaddr.parse(host);
    return { kind: "net", net, prefix: net.kind() === "ipv4" ? 32 : 128, port };
  }
  if (bracketed) return { problem: `"${input}" is not an IPv6 address`, key: "ipv6" };
  if (host.endsWith("."))
    return { problem: `"${input}" ends with a dot; remove it`, key: "trailingDot" };
  if (!HOST.test(host))
    return {
      problem: `"${input}" is neither a host name, an IP address nor a CIDR`,
      key: "hostIpOrCidr",
    };
  return { kind: "host", host, port };
}
