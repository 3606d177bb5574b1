import { describe, expect, it } from "vitest";
import { imProviders } from "@/lib/connectors";
import { connectionFormSchema } from "../connection-form-schema";
import { describeProviderFields } from "../rules/describe-provider-fields";
import { formFieldFor } from "../rules/form-field-for";
import { fromFormValues } from "./from-form-values";
import { listProviderForms } from "./list-provider-forms";
import { mergeSecrets } from "../rules/merge-secrets";
import { toFormValues } from "./to-form-values";

const forms = listProviderForms();
const formOf = (provider: string) => forms.find((f) => f.provider === provider)!;

describe("listProviderForms", () => {
  it("covers every provider of both kinds", () => {
    expect(forms.map((f) => `${f.kind}:${f.provider}`)).toEqual(
      expect.arrayContaining([
        "HR_SOURCE:sandbox-hr",
        "HR_SOURCE:rest",
        "HR_SOURCE:scim",
        "IM_TARGET:wecom",
        "IM_TARGET:sandbox-im",
        "IM_TARGET:slack",
      ]),
    );
  });

  it("never carries a secret default to the browser", () => {
    const json = JSON.stringify(forms);
    expect(json).not.toContain("sandbox-secret");
    expect(json).not.toContain("sandbox-hr-token");
  });
});

describe("describeProviderFields", () => {
  it.each([
    ["baseUrl", { type: "url", required: false, default: "https://qyapi.weixin.qq.com/cgi-bin" }],
    ["corpId", { type: "string", required: true }],
    ["agentId", { type: "number", required: true }],
    ["rateLimit", { type: "json", required: false }],
  ])("wecom config %s", (key, expected) => {
    expect(formOf("wecom").configFields.find((f) => f.key === key)).toMatchObject({
      ...expected,
      secret: false,
    });
  });

  it("reads labels, help and secret flags from .meta()", () => {
    const [contact, agent] = formOf("wecom").secretFields;
    expect(contact).toMatchObject({
      key: "contactSecret",
      secret: true,
      required: true,
      label: { en: "Contact sync secret" },
    });
    expect(agent).toMatchObject({
      key: "agentSecret",
      secret: true,
      required: false,
      help: { en: expect.stringContaining("contact secret") },
    });
  });

  it.each([
    [{ type: "boolean" }, "boolean"],
    [{ type: "string", enum: ["a", "b"] }, "enum"],
    [{ type: ["string", "null"] }, "string"],
    [{ type: "integer" }, "number"],
    [{ anyOf: [{ const: false }, { type: "object" }] }, "json"],
    [{ type: "object" }, "json"],
  ])("maps %j to %s", (node, type) => {
    expect(describeProviderFields({ properties: { x: node } })[0]).toMatchObject({
      key: "x",
      type,
      label: { en: "x" },
    });
  });
});

describe("form values", () => {
  const wecom = formOf("wecom");

  it("round-trips a saved config; secrets start empty", () => {
    const values = toFormValues(wecom, {
      name: "W",
      enabled: true,
      config: { corpId: "ww1", agentId: 7, rateLimit: false },
    });
    expect(values.config).toMatchObject({
      corpId: "ww1",
      agentId: "7",
      rateLimit: "false",
      baseUrl: "https://qyapi.weixin.qq.com/cgi-bin",
    });
    expect(values.secrets).toEqual({ contactSecret: "", agentSecret: "" });
    const { input, badJson } = fromFormValues(
      { ...values, secrets: { contactSecret: "s", agentSecret: "" } },
      wecom,
      "c1",
    );
    expect(badJson).toEqual([]);
    expect(input).toMatchObject({
      id: "c1",
      kind: "IM_TARGET",
      provider: "wecom",
      config: { corpId: "ww1", agentId: 7, rateLimit: false },
      secrets: { contactSecret: "s" },
    });
  });

  it.each([
    ["{not json", ["rateLimit"]],
    ['{"perMinute": 5}', []],
    ["", []],
  ])("JSON field %s", (text, bad) => {
    const values = toFormValues(wecom);
    expect(
      fromFormValues({ ...values, config: { ...values.config, rateLimit: text } }, wecom).badJson,
    ).toEqual(bad);
  });
});

describe("connectionFormSchema (browser) agrees with the registry (server)", () => {
  const wecom = formOf("wecom");
  const base = { kind: "IM_TARGET" as const, provider: "wecom", name: "W", enabled: true };
  it.each([
    [{ baseUrl: "not a url", corpId: "c", agentId: 1 }, { contactSecret: "s" }],
    [{ corpId: "", agentId: 1 }, { contactSecret: "s" }],
    [{ corpId: "c", agentId: 1, rateLimit: { perMinute: -1 } }, { contactSecret: "s" }],
    [{ corpId: "c", agentId: 1 }, {}],
    [{ corpId: "c", agentId: 1 }, { contactSecret: "s" }],
  ])("config %j secrets %j", (config, secrets) => {
    const browser = connectionFormSchema(wecom, { editing: false }).safeParse({
      ...base,
      config,
      secrets,
    });
    const server =
      imProviders.wecom.configSchema.safeParse(config).success &&
      imProviders.wecom.secretsSchema.safeParse(secrets).success;
    expect(browser.success).toBe(server);
  });

  it("on edit no secret is required", () => {
    expect(
      connectionFormSchema(wecom, { editing: true }).safeParse({
        ...base,
        config: { corpId: "c", agentId: 1 },
        secrets: {},
      }).success,
    ).toBe(true);
  });
});

describe("formFieldFor", () => {
  it.each([
    ["name", "name", ""],
    ["config.baseUrl", "config.baseUrl", ""],
    ["config.rateLimit.perMinute", "config.rateLimit", "perMinute"],
    ["secrets.contactSecret", "secrets.contactSecret", ""],
    ["_", "_", ""],
  ])("%s → %s", (path, field, rest) => {
    expect(formFieldFor(path)).toEqual({ field, rest });
  });
});

describe("mergeSecrets", () => {
  it.each([
    [{ a: "old" }, { a: "" }, { a: "old" }],
    [{ a: "old" }, {}, { a: "old" }],
    [{ a: "old" }, { a: "new" }, { a: "new" }],
    [{}, { b: "x", c: "" }, { b: "x" }],
  ])("%j + %j → %j", (stored, entered, merged) => {
    expect(mergeSecrets(stored, entered)).toEqual(merged);
  });
});
