import { describe, expect, test } from "vitest";
import { normaliseIp, resolveClientIp } from "./resolve-client-ip";

describe("resolveClientIp", () => {
  test.each([
    // No trusted proxies (the default): forwarding headers are ignored, the peer is the client.
    ["forged XFF, no proxies", "203.0.113.9", "10.1.2.3", [], "203.0.113.9"],
    ["forged comma list, no proxies", "203.0.113.9", "10.1.2.3, 10.0.0.1", [], "203.0.113.9"],
    ["forged mapped form, no proxies", "203.0.113.9", "::ffff:10.1.2.3", [], "203.0.113.9"],
    ["mapped peer is normalised", "::ffff:203.0.113.9", null, [], "203.0.113.9"],
    ["IPv6 peer", "2001:db8::1", "10.1.2.3", [], "2001:db8::1"],
    // One trusted proxy: the last XFF hop is the client; anything further left is the client's own claim.
    ["proxy vouches for the client", "10.0.0.5", "198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"],
    [
      "client prepends a forged hop",
      "10.0.0.5",
      "10.9.9.9, 198.51.100.7",
      ["10.0.0.0/8"],
      "198.51.100.7",
    ],
    [
      "client prepends a forged allow-listed hop",
      "10.0.0.5",
      "192.0.2.1,198.51.100.7",
      ["10.0.0.0/8"],
      "198.51.100.7",
    ],
    ["proxy hop in mapped form", "::ffff:10.0.0.5", "198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"],
    [
      "client hop in mapped form",
      "10.0.0.5",
      "::ffff:198.51.100.7",
      ["10.0.0.0/8"],
      "198.51.100.7",
    ],
    ["client hop with a port", "10.0.0.5", "198.51.100.7:51234", ["10.0.0.0/8"], "198.51.100.7"],
    ["bracketed IPv6 hop", "10.0.0.5", "[2001:db8::7]:443", ["10.0.0.0/8"], "2001:db8::7"],
    // Two trusted proxies in a row.
    ["two proxies", "10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.9", ["10.0.0.0/8"], "198.51.100.7"],
    ["exact-address proxy entry", "192.0.2.10", "198.51.100.7", ["192.0.2.10"], "198.51.100.7"],
    ["IPv6 proxy range", "fd00::1", "198.51.100.7", ["fd00::/8"], "198.51.100.7"],
    // A peer that is not a trusted proxy does not get its XFF believed.
    ["untrusted peer", "192.0.2.99", "198.51.100.7", ["10.0.0.0/8"], "192.0.2.99"],
    // Everything trusted (an internal health check): the leftmost hop.
    ["all hops trusted", "10.0.0.5", "10.0.0.6", ["10.0.0.0/8"], "10.0.0.6"],
    ["trusted peer, no XFF", "10.0.0.5", null, ["10.0.0.0/8"], "10.0.0.5"],
  ])("%s", (_name, peer, forwardedFor, trustedProxies, want) => {
    expect(resolveClientIp({ peer, forwardedFor, trustedProxies })).toBe(want);
  });

  test.each([
    ["no peer (server did not stamp it)", null, "198.51.100.7", []],
    ["garbage peer", "not-an-ip", null, []],
    ["trusted proxy forwards garbage", "10.0.0.5", "unknown", ["10.0.0.0/8"]],
    ["trusted proxy forwards a name", "10.0.0.5", "evil.example", ["10.0.0.0/8"]],
  ])("unknown when %s", (_name, peer, forwardedFor, trustedProxies) => {
    expect(resolveClientIp({ peer, forwardedFor, trustedProxies })).toBeNull();
  });
});

describe("normaliseIp", () => {
  test.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    [" 10.0.0.1 ", "10.0.0.1"],
    ["10.0.0.1:8080", "10.0.0.1"],
    ["[::1]:3000", "::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["", null],
    ["1.2.3", null],
    ["999.1.1.1", null],
  ])("%j → %j", (raw, want) => {
    expect(normaliseIp(raw)).toBe(want);
  });
});
