import { describe, expect, it } from "vitest";
import { checkUrl, type Resolver } from "./ssrf-guard";

/** A fake DNS: names map to address lists; anything else is NXDOMAIN. */
const dns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = table[host];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const resolve = dns({
  "hooks.example.com": ["93.184.216.34"],
  "dual.example.com": ["93.184.216.34", "2606:2800:220:1::1"],
  "internal.example.com": ["10.0.0.5"],
  "sneaky.example.com": ["93.184.216.34", "192.168.0.10"],
  "loop.example.com": ["127.0.0.1"],
  "v6loop.example.com": ["::1"],
  "mapped.example.com": ["::ffff:127.0.0.1"],
  "nat64.example.com": ["64:ff9b::a9fe:a9fe"],
  "sixtofour.example.com": ["2002:c0a8:101::1"],
  "ula.example.com": ["fd00::1"],
  "cgnat.example.com": ["100.64.1.1"],
  "meta.example.com": ["169.254.169.254"],
  "empty.example.com": [],
  "127.0.0.1.nip.io": ["127.0.0.1"],
  "partner.corp": ["10.20.3.4"],
});

describe("checkUrl refuses", () => {
  // prettier-ignore
  it.each<[string, string, Record<string, unknown>?]>([
    // URL shape
    ["not a url", "invalid_url"],
    ["ftp://hooks.example.com/x", "scheme_not_allowed"],
    ["file:///etc/passwd", "scheme_not_allowed"],
    ["gopher://hooks.example.com", "scheme_not_allowed"],
    ["http://hooks.example.com/cb", "scheme_not_allowed"],
    ["https://user:pass@hooks.example.com/cb", "credentials_in_url"],
    ["https://token@hooks.example.com/cb", "credentials_in_url"],
    ["https://hooks.example.com./cb", "trailing_dot"],
    ["https://localhost./cb", "trailing_dot"],
    ["https://metadata.google.internal/computeMetadata/v1/", "metadata_host"],
    ["https://METADATA.GOOGLE.INTERNAL/", "metadata_host"],
    ["https://metadata.tencentyun.com/latest/meta-data/", "metadata_host"],
    ["https://localhost/cb", "loopback"],
    ["https://api.localhost/cb", "loopback"],
    // IPv4 literals, every notation the URL parser accepts
    ["https://127.0.0.1/", "loopback"],
    ["http://2130706433/", "loopback", { allowHttp: true }],
    ["https://2130706433/", "loopback"],
    ["https://0x7f.1/", "loopback"],
    ["https://0x7f000001/", "loopback"],
    ["https://0177.0.0.1/", "loopback"],
    ["https://127.1/", "loopback"],
    ["https://0/", "unspecified"],
    ["https://0.0.0.0:8080/", "unspecified"],
    ["https://10.1.2.3/", "private"],
    ["https://012.1.2.3/", "private"],
    ["https://172.16.5.4/", "private"],
    ["https://192.168.0.1/", "private"],
    ["https://3232235521/", "private"],
    ["https://100.64.0.1/", "cgnat"],
    ["https://169.254.169.254/latest/meta-data/", "metadata"],
    ["https://0xa9fea9fe/", "metadata"],
    ["https://169.254.1.1/", "link_local"],
    ["https://224.0.0.1/", "multicast"],
    ["https://255.255.255.255/", "broadcast"],
    ["https://240.0.0.1/", "reserved"],
    // IPv6 literals
    ["https://[::1]/", "loopback"],
    ["https://[::]/", "unspecified"],
    ["https://[fc00::1]/", "unique_local"],
    ["https://[fd12::1]/", "unique_local"],
    ["https://[fe80::1]/", "link_local"],
    ["https://[ff02::1]/", "multicast"],
    ["https://[::ffff:127.0.0.1]/", "loopback"],
    ["https://[::ffff:a9fe:a9fe]/", "metadata"],
    ["https://[64:ff9b::10.0.0.1]/", "private"],
    ["https://[2002:7f00:1::]/", "loopback"],
    ["https://[fd00:ec2::254]/", "metadata"],
    // Names resolving to blocked addresses (injected resolver)
    ["https://internal.example.com/", "private"],
    ["https://sneaky.example.com/", "private"],
    ["https://loop.example.com/", "loopback"],
    ["https://127.0.0.1.nip.io/", "loopback"],
    ["https://v6loop.example.com/", "loopback"],
    ["https://mapped.example.com/", "loopback"],
    ["https://nat64.example.com/", "metadata"],
    ["https://sixtofour.example.com/", "private"],
    ["https://ula.example.com/", "unique_local"],
    ["https://cgnat.example.com/", "cgnat"],
    ["https://meta.example.com/", "metadata"],
    // DNS trouble
    ["https://nxdomain.example.com/", "dns_failed"],
    ["https://empty.example.com/", "dns_failed"],
    // Options that do not reach
    ["https://127.0.0.1/", "loopback", { allowPrivate: true }],
    ["https://169.254.169.254/", "metadata", { allowPrivate: true }],
    ["https://internal.example.com/", "private", { allowList: ["hooks.example.com", "10.0.1.0/24"] }],
  ])("%s → %s", async (url, reason, options = {}) => {
    const result = await checkUrl(url, { resolve, ...options });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(10);
  });

  it("names the address and the embedded IPv4", async () => {
    const result = await checkUrl("https://sixtofour.example.com/", { resolve });
    expect(result).toMatchObject({
      ok: false,
      reason: "private",
      address: "2002:c0a8:101::1",
      embedded: "192.168.1.1",
    });
    expect(!result.ok && result.message).toBe(
      'host "sixtofour.example.com" resolves to 2002:c0a8:101::1 (embeds 192.168.1.1), which is private',
    );
  });
});

describe("checkUrl allows", () => {
  // prettier-ignore
  it.each<[string, Record<string, unknown>, string[]]>([
    ["https://hooks.example.com/cb", {}, ["93.184.216.34"]],
    ["https://dual.example.com/cb", {}, ["93.184.216.34", "2606:2800:220:1::1"]],
    ["https://93.184.216.34/cb", {}, ["93.184.216.34"]],
    ["https://[2606:4700:4700::1111]/cb", {}, ["2606:4700:4700::1111"]],
    ["http://hooks.example.com/cb", { allowHttp: true }, ["93.184.216.34"]],
    ["https://internal.example.com/", { allowList: ["10.0.0.0/8"] }, ["10.0.0.5"]],
    ["https://internal.example.com/", { allowList: ["Internal.Example.com"] }, ["10.0.0.5"]],
    ["https://internal.example.com/", { allowPrivate: true }, ["10.0.0.5"]],
    ["https://cgnat.example.com/", { allowPrivate: true }, ["100.64.1.1"]],
    ["https://ula.example.com/", { allowPrivate: true }, ["fd00::1"]],
    ["http://127.0.0.1:3000/cb", { allowHttp: true, allowList: ["127.0.0.1"] }, ["127.0.0.1"]],
    ["https://[::1]:3000/cb", { allowList: ["::1"] }, ["::1"]],
    ["https://[::1]:3000/cb", { allowList: ["[::1]"] }, ["::1"]],
    ["https://mapped.example.com/", { allowList: ["127.0.0.0/8"] }, ["::ffff:127.0.0.1"]],
    ["https://localhost/cb", { allowList: ["localhost"] }, ["127.0.0.1"]],
    ["https://partner.corp/cb", { allowList: ["10.20.0.0/16"] }, ["10.20.3.4"]],
  ])("%s with %o", async (url, options, addresses) => {
    const res = options.allowList?.toString().includes("localhost") ? dns({ localhost: ["127.0.0.1"] }) : resolve;
    const result = await checkUrl(url, { resolve: res, ...options });
    expect(result.ok ? result.addresses.map((a) => a.address) : result).toEqual(addresses);
  });

  it("does not call DNS for IP literals", async () => {
    let calls = 0;
    await checkUrl("https://93.184.216.34/", { resolve: async () => (calls++, []) });
    expect(calls).toBe(0);
  });
});

describe("allow-list entries with a port, aliases and metadata", () => {
  const receiver = { allowHttp: true, allowList: ["127.0.0.1:4010", "[::1]:4010"], resolve };

  // prettier-ignore
  it.each([
    // The database and the executor on the same loopback address stay out of reach.
    "http://127.0.0.1:54329/",
    "http://127.0.0.1:8288/e/key",
    "http://127.0.0.1/",
    // Aliases of 127.0.0.1, normalised by the URL parser before matching.
    "http://127.1:54329/",
    "http://0x7f000001:8288/",
    "http://2130706433:54329/",
    "http://0177.0.0.1:8288/",
    "http://[::ffff:127.0.0.1]:54329/",
    "http://[::1]:54329/",
    "http://loop.example.com:54329/",
  ])("%s is refused when only the receiver's port is allowed", async (url) => {
    const result = await checkUrl(url, receiver);
    expect(result).toMatchObject({ ok: false, reason: "loopback" });
  });

  // prettier-ignore
  it.each([
    "http://127.0.0.1:4010/callbacks",
    "http://127.1:4010/callbacks",
    "http://0x7f000001:4010/callbacks",
    "http://[::1]:4010/callbacks",
    "http://loop.example.com:4010/",
  ])("%s (the receiver's port) is allowed", async (url) => {
    expect((await checkUrl(url, receiver)).ok).toBe(true);
  });

  it("a host entry with a port exempts that port only; the default port counts", async () => {
    const options = { allowList: ["internal.example.com:8443"], resolve };
    expect((await checkUrl("https://internal.example.com:8443/", options)).ok).toBe(true);
    expect(await checkUrl("https://internal.example.com/", options)).toMatchObject({
      ok: false,
      reason: "private",
    });
    const https = { allowList: ["internal.example.com:443"], resolve };
    expect((await checkUrl("https://internal.example.com/", https)).ok).toBe(true);
  });

  // prettier-ignore
  it.each<[string, string[]]>([
    ["https://169.254.169.254/latest/meta-data/", ["169.254.169.254", "169.254.0.0/16", "0.0.0.0/0"]],
    ["https://[fd00:ec2::254]/", ["fd00::/8", "[fd00:ec2::254]", "::/0"]],
    ["https://100.100.100.200/", ["100.64.0.0/10", "100.100.100.200:443"]],
    ["https://meta.example.com/", ["meta.example.com", "169.254.169.254"]],
    ["https://metadata.google.internal/", ["metadata.google.internal"]],
    ["https://[::ffff:169.254.169.254]/", ["169.254.169.254", "::/0"]],
  ])("%s stays refused whatever the allow-list (%o) or allowPrivate say", async (url, allowList) => {
    const result = await checkUrl(url, { allowList, allowPrivate: true, resolve });
    expect(result.ok).toBe(false);
    expect(!result.ok && ["metadata", "metadata_host"]).toContain(!result.ok && result.reason);
  });
});
