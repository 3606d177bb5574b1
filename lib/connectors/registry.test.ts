import { describe, expect, it } from "vitest";
import {
  createHrSource,
  createImTarget,
  hrProviders,
  imProviders,
  providerFormSchemas,
} from "./registry";

describe("connector registry", () => {
  it.each(Object.keys(imProviders))(
    "IM provider %s has bilingual labels on every config and secret field",
    (provider) => {
      const { config, secrets } = providerFormSchemas("im", provider) as {
        config: { properties: Record<string, { label?: unknown }> };
        secrets: { properties: Record<string, { label?: unknown; secret?: boolean }> };
      };
      for (const [name, prop] of Object.entries({ ...config.properties, ...secrets.properties }))
        expect(prop.label, name).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
      expect(Object.values(secrets.properties).every((p) => p.secret)).toBe(true);
    },
  );

  it.each(Object.keys(hrProviders))("HR provider %s has form schemas", (provider) => {
    expect(providerFormSchemas("hr", provider).config).toHaveProperty("properties");
  });

  it("states per platform whether it has a manager field (Agora Chat has none)", () => {
    expect(
      Object.fromEntries(
        Object.entries(imProviders).map(([p, def]) => [p, def.capabilities.managerField]),
      ),
    ).toEqual({
      wecom: true,
      "sandbox-im": true,
      feishu: true,
      dingtalk: true,
      slack: true,
      agora: false,
    });
  });

  it("builds targets and sources from stored config", () => {
    expect(
      createImTarget("wecom", { corpId: "ww1", agentId: "1000002" }, { contactSecret: "s" })
        .capabilities.groupKind,
    ).toBe("department");
    expect(createImTarget("sandbox-im", {}, {}).provider).toBe("wecom");
    expect(createHrSource("sandbox-hr", {}, {}).provider).toBe("sandbox-hr");
  });

  it.each([
    ["unknown provider", () => createImTarget("icq", {}, {}), "unknown_provider"],
    [
      "missing field, named without its value",
      () => createImTarget("wecom", { agentId: 1 }, { contactSecret: "topsecret" }),
      "bad_config",
    ],
    ["missing secret", () => createImTarget("feishu", { appId: "cli" }, {}), "bad_secrets"],
  ])("rejects %s", (_name, build, code) => {
    let err: unknown;
    try {
      build();
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ kind: "invalid", code });
    expect(String((err as Error).message)).not.toContain("topsecret");
  });
});
