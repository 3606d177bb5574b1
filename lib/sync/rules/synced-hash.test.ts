import { describe, expect, it } from "vitest";
import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import { dropManagerSlot } from "./drop-manager-slot";
import { parseSyncedHash, parseSyncedProtection, syncedFieldsHash } from "./parse-synced-hash";
import { stableHash } from "./stable-hash";

describe("synced hash", () => {
  it("round-trips, including an accepted IM value", () => {
    const hashes = hashFieldValues({ name: "张三", email: "A@x.com", mobile: "+86 138-0000-0000" });
    hashes.email = { hr: hashes.email.hr, im: stableHash("other@x.com") };
    const encoded = encodeSyncedHash(hashes);
    expect(encoded).toMatch(
      /^v1\|[0-9a-f]{14}\|[0-9a-f]{14}>[0-9a-f]{14}\|[0-9a-f]{14}\|[0-9a-f]{14}$/,
    );
    expect(parseSyncedHash(encoded)).toEqual(hashes);
  });

  it("normalises contacts before hashing", () => {
    expect(hashFieldValues({ email: "A@X.com", mobile: "+86 138-0000-0000" })).toEqual(
      hashFieldValues({ email: "a@x.com", mobile: "+8613800000000" }),
    );
  });

  it.each([undefined, "", "v0|a|b|c|d", "v1|a|b", "sha256:abc"])(
    "unknown format %j reads as never synced",
    (v) => {
      expect(parseSyncedHash(v)).toBeNull();
    },
  );

  it("stableHash is deterministic and discriminates", () => {
    expect(stableHash("abc")).toBe(stableHash("abc"));
    expect(stableHash("abc")).not.toBe(stableHash("abd"));
    expect(stableHash("")).toHaveLength(14);
  });
});

describe("synced hash with a manager slot", () => {
  const fields = hashFieldValues({ name: "张三", email: "a@x.com" });
  const manager = { hr: stableHash("M9"), im: stableHash("M8") };

  it("round-trips a sixth slot, and reads a five-slot hash (stored before managers) without one", () => {
    const encoded = encodeSyncedHash({ ...fields, manager });
    expect(encoded.split("|")).toHaveLength(6);
    expect(parseSyncedHash(encoded)).toEqual({ ...fields, manager });
    const old = encodeSyncedHash(fields);
    expect(old.split("|")).toHaveLength(5);
    expect(parseSyncedHash(old)).toEqual(fields);
    expect(parseSyncedHash(`${encoded}|x`)).toBeNull();
  });

  it("sits between the fields and the protection switches, each read and dropped on its own", () => {
    const encoded = encodeSyncedHash({ ...fields, manager }, { hideMobile: true });
    expect(encoded).toMatch(/\|m:[0-9a-f]{14}>[0-9a-f]{14}\|p:hm$/);
    expect(parseSyncedHash(encoded)).toEqual({ ...fields, manager });
    expect(parseSyncedProtection(encoded)).toEqual({ hideMobile: true });
    expect(syncedFieldsHash(encoded)).toBe(encodeSyncedHash(fields));
    expect(dropManagerSlot(encoded)).toBe(encodeSyncedHash(fields, { hideMobile: true }));
  });
});
