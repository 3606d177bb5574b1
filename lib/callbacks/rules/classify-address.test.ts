import { describe, expect, it } from "vitest";
import { parseAllowListEntry } from "./parse-allow-list-entry";
import { classifyAddress } from "./classify-address";

describe("classifyAddress", () => {
  // prettier-ignore
  it.each<[string, string | null, string?]>([
    // IPv4
    ["127.0.0.1", "loopback"], ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"], ["10.255.255.255", "private"],
    ["172.16.0.1", "private"], ["172.31.255.255", "private"], ["172.15.255.255", null], ["172.32.0.1", null],
    ["192.168.1.1", "private"], ["192.169.0.1", null],
    ["100.64.0.1", "cgnat"], ["100.127.255.255", "cgnat"], ["100.63.255.255", null], ["100.128.0.0", null],
    ["169.254.0.1", "link_local"], ["169.254.169.254", "metadata"], ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"], ["168.63.129.16", "metadata"],
    ["0.0.0.0", "unspecified"], ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"], ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"], ["192.0.2.1", "reserved"], ["198.18.0.1", "reserved"], ["192.0.0.170", "reserved"],
    ["8.8.8.8", null], ["1.1.1.1", null], ["203.0.114.1", null], ["101.6.6.6", null],
    // IPv6
    ["::1", "loopback"], ["::", "unspecified"],
    ["fc00::1", "unique_local"], ["fd12:3456::1", "unique_local"], ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link_local"], ["febf::1", "link_local"], ["fe80::1%eth0", "link_local"],
    ["fec0::1", "site_local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"], ["2001::1", "reserved"],
    ["2606:4700:4700::1111", null], ["2400:3200::1", null],
    // IPv6 carrying IPv4
    ["::ffff:127.0.0.1", "loopback", "127.0.0.1"], ["::ffff:7f00:1", "loopback", "127.0.0.1"],
    ["::ffff:10.1.2.3", "private", "10.1.2.3"], ["::ffff:169.254.169.254", "metadata", "169.254.169.254"],
    ["::ffff:8.8.8.8", null],
    ["::ffff:0:127.0.0.1", "loopback", "127.0.0.1"],
    ["64:ff9b::a00:1", "private", "10.0.0.1"], ["64:ff9b::7f00:1", "loopback", "127.0.0.1"], ["64:ff9b::808:808", null],
    ["64:ff9b:1::a9fe:a9fe", "metadata", "169.254.169.254"],
    ["2002:a00:1::1", "private", "10.0.0.1"], ["2002:7f00:1::", "loopback", "127.0.0.1"], ["2002:c0a8:101::1", "private", "192.168.1.1"],
    ["2002:808:808::1", null],
    ["::127.0.0.1", "loopback", "127.0.0.1"], ["::a00:1", "private", "10.0.0.1"],
    // Not canonical: never trusted
    ["2130706433", "invalid_address"], ["0x7f.1", "invalid_address"], ["127.1", "invalid_address"], ["017700000001", "invalid_address"], ["example.com", "invalid_address"],
  ])("%s → %s", (address, range, embedded) => {
    const verdict = classifyAddress(address);
    expect(verdict?.range ?? null).toBe(range);
    if (embedded) expect(verdict?.embedded).toBe(embedded);
  });
});

describe("parseAllowListEntry", () => {
  // prettier-ignore
  it.each<[string, unknown]>([
    ["127.0.0.1", { kind: "net", prefix: 32, port: undefined }],
    ["127.0.0.1:4010", { kind: "net", prefix: 32, port: 4010 }],
    ["[::1]:4010", { kind: "net", prefix: 128, port: 4010 }],
    ["[::1]", { kind: "net", prefix: 128, port: undefined }],
    ["::1", { kind: "net", prefix: 128, port: undefined }],
    ["10.20.0.0/16", { kind: "net", prefix: 16 }],
    ["OA.Example.com:8443", { kind: "host", host: "oa.example.com", port: 8443 }],
    ["oa.example.com", { kind: "host", host: "oa.example.com", port: undefined }],
  ])("%s", (entry, expected) => {
    expect(parseAllowListEntry(entry)).toMatchObject(expected as object);
  });

  // prettier-ignore
  it.each<[string, RegExp]>([
    ["127.0.0.1:0", /port/],
    ["127.0.0.1:65536", /port/],
    ["127.0.0.1:http", /port/],
    ["[::1]:", /port/],
    ["127.1", /dotted/],
    ["0x7f000001", /dotted/],
    ["127.1:4010", /dotted/],
    ["[nope]:1", /IPv6/],
    ["10.0.0.0/8:80", /CIDR/],
  ])("refuses %s", (entry, problem) => {
    const parsed = parseAllowListEntry(entry);
    expect("problem" in parsed && parsed.problem).toMatch(problem);
  });

  it("reports the port-less IPv4 entry as the canonical network", () => {
    const parsed = parseAllowListEntry("127.0.0.1:4010");
    expect("net" in parsed && parsed.net.toString()).toBe("127.0.0.1");
  });
});
