import { describe, expect, it } from "vitest";
import { OAuthError } from "./oauth-error";
import { parseTokenRequest } from "./parse-token-request";

const FORM = "application/x-www-form-urlencoded";
const basic = (raw: string) => `Basic ${Buffer.from(raw).toString("base64")}`;

function refusal(input: Parameters<typeof parseTokenRequest>[0]) {
  try {
    parseTokenRequest(input);
  } catch (err) {
    if (err instanceof OAuthError) return [err.code, err.status];
    throw err;
  }
  return null;
}

describe("parseTokenRequest", () => {
  it("reads HTTP Basic credentials, form-decoding them (RFC 6749 §2.3.1)", () => {
    expect(
      parseTokenRequest({
        contentType: `${FORM}; charset=UTF-8`,
        body: "grant_type=client_credentials&scope=org%3Aread+employees%3Aread",
        authorization: basic("obc_a%3Ab:s%2Bcret"),
      }),
    ).toEqual({
      clientId: "obc_a:b",
      clientSecret: "s+cret",
      scope: ["org:read", "employees:read"],
      via: "basic",
    });
  });

  it("reads client_id and client_secret from the body; no scope means null (all granted)", () => {
    expect(
      parseTokenRequest({
        contentType: FORM,
        body: "grant_type=client_credentials&client_id=a&client_secret=b",
        authorization: null,
      }),
    ).toEqual({ clientId: "a", clientSecret: "b", scope: null, via: "body" });
  });

  it.each([
    [
      "JSON content type",
      { contentType: "application/json", body: "{}" },
      ["invalid_request", 400],
    ],
    ["no grant_type", { body: "scope=x" }, ["invalid_request", 400]],
    ["password grant", { body: "grant_type=password" }, ["unsupported_grant_type", 400]],
    [
      "repeated parameter",
      { body: "grant_type=client_credentials&scope=a&scope=b" },
      ["invalid_request", 400],
    ],
    [
      "NUL in a value",
      { body: "grant_type=client_credentials&scope=a%00" },
      ["invalid_request", 400],
    ],
    [
      "an escape character",
      { body: "grant_type=client_credentials&scope=a%1b" },
      ["invalid_request", 400],
    ],
    ["empty scope", { body: "grant_type=client_credentials&scope=++" }, ["invalid_scope", 400]],
    [
      "no credentials at all",
      { body: "grant_type=client_credentials", authorization: null },
      ["invalid_client", 401],
    ],
    [
      "a secret without an id",
      { body: "grant_type=client_credentials&client_secret=b", authorization: null },
      ["invalid_client", 401],
    ],
    [
      "Basic and body both",
      { body: "grant_type=client_credentials&client_id=a" },
      ["invalid_request", 400],
    ],
    [
      "Basic without a colon",
      { body: "grant_type=client_credentials", authorization: basic("nocolon") },
      ["invalid_client", 401],
    ],
    [
      "Basic with broken escapes",
      { body: "grant_type=client_credentials", authorization: basic("%zz:x") },
      ["invalid_client", 401],
    ],
    [
      "Bearer instead of Basic",
      { body: "grant_type=client_credentials", authorization: "Bearer x" },
      ["invalid_client", 401],
    ],
  ])("refuses %s", (_name, partial, expected) => {
    expect(
      refusal({ contentType: FORM, authorization: basic("a:b"), ...partial } as never),
    ).toEqual(expected);
  });
});
