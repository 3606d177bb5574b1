import { z } from "zod";
import { ConnectorError } from "./core/connector-error";
import type { ConnectorRuntimeOptions } from "./core/runtime-options";
import { createRestHrSource } from "./hr/rest/create-rest-hr-source";
import { restHrConfigSchema, restHrSecretsSchema } from "./hr/rest/rest-hr-schema";
import {
  sandboxHrConfigSchema,
  sandboxHrRestConfig,
  sandboxHrSecretsSchema,
} from "./hr/sandbox/sandbox-hr-preset";
import { createScimHrSource } from "./hr/scim/create-scim-hr-source";
import { scimHrConfigSchema, scimHrSecretsSchema } from "./hr/scim/scim-hr-schema";
import { agoraConfigSchema, agoraSecretsSchema } from "./im/agora/agora-schema";
import { agoraCapabilities, createAgoraTarget } from "./im/agora/create-agora-target";
import { createDingtalkTarget, dingtalkCapabilities } from "./im/dingtalk/create-dingtalk-target";
import { dingtalkConfigSchema, dingtalkSecretsSchema } from "./im/dingtalk/dingtalk-schema";
import { createFeishuTarget, feishuCapabilities } from "./im/feishu/create-feishu-target";
import { feishuConfigSchema, feishuSecretsSchema } from "./im/feishu/feishu-schema";
import { createSlackTarget, slackCapabilities } from "./im/slack/create-slack-target";
import { slackConfigSchema, slackSecretsSchema } from "./im/slack/slack-schema";
import { createWecomTarget, wecomCapabilities } from "./im/wecom/create-wecom-target";
import {
  WECOM_DEFAULT_RATE_LIMIT,
  wecomConfigSchema,
  wecomSecretsSchema,
} from "./im/wecom/wecom-schema";
import { SANDBOX_IM_DEFAULTS } from "./sandbox-defaults";
import type { HrSource, ImCapabilities, ImTarget } from "./types";

type Label = { zh: string; en: string };

export type ImProviderDefinition = {
  label: Label;
  configSchema: z.ZodType;
  secretsSchema: z.ZodType;
  capabilities: ImCapabilities;
  create: (config: any, secrets: any, runtime?: ConnectorRuntimeOptions) => ImTarget;
};

export type HrProviderDefinition = {
  label: Label;
  configSchema: z.ZodType;
  secretsSchema: z.ZodType;
  create: (config: any, secrets: any, runtime?: ConnectorRuntimeOptions) => HrSource;
};

/** The sandbox IM speaks WeCom's API: same connector, sandbox defaults. */
const sandboxImConfigSchema = wecomConfigSchema.extend({
  baseUrl: z
    .url()
    .default(`http://127.0.0.1:${SANDBOX_IM_DEFAULTS.port}/cgi-bin`)
    .meta({ label: { zh: "沙箱 IM 地址", en: "Sandbox IM URL" } }),
  corpId: z
    .string()
    .min(1)
    .default(SANDBOX_IM_DEFAULTS.corpId)
    .meta({ label: { zh: "企业 ID (corpid)", en: "Corp ID (corpid)" } }),
  agentId: z.coerce
    .number()
    .int()
    .positive()
    .default(SANDBOX_IM_DEFAULTS.agentId)
    .meta({ label: { zh: "应用 AgentId", en: "App AgentId" } }),
});
const sandboxImSecretsSchema = wecomSecretsSchema.extend({
  contactSecret: z
    .string()
    .min(1)
    .default(SANDBOX_IM_DEFAULTS.corpSecret)
    .meta({ label: { zh: "通讯录同步 Secret", en: "Contact sync secret" }, secret: true }),
});

export const imProviders = {
  wecom: {
    label: { zh: "企业微信", en: "WeCom" },
    configSchema: wecomConfigSchema,
    secretsSchema: wecomSecretsSchema,
    capabilities: wecomCapabilities,
    create: createWecomTarget,
  },
  "sandbox-im": {
    label: { zh: "沙箱 IM（企业微信接口）", en: "Sandbox IM (WeCom API)" },
    configSchema: sandboxImConfigSchema,
    secretsSchema: sandboxImSecretsSchema,
    capabilities: wecomCapabilities,
    create: (config, secrets, runtime) =>
      createWecomTarget({ rateLimit: WECOM_DEFAULT_RATE_LIMIT, ...config }, secrets, runtime),
  },
  feishu: {
    label: { zh: "飞书 / Lark", en: "Feishu / Lark" },
    configSchema: feishuConfigSchema,
    secretsSchema: feishuSecretsSchema,
    capabilities: feishuCapabilities,
    create: createFeishuTarget,
  },
  dingtalk: {
    label: { zh: "钉钉", en: "DingTalk" },
    configSchema: dingtalkConfigSchema,
    secretsSchema: dingtalkSecretsSchema,
    capabilities: dingtalkCapabilities,
    create: createDingtalkTarget,
  },
  slack: {
    label: { zh: "Slack", en: "Slack" },
    configSchema: slackConfigSchema,
    secretsSchema: slackSecretsSchema,
    capabilities: slackCapabilities,
    create: createSlackTarget,
  },
  agora: {
    label: { zh: "声网即时通讯", en: "Agora Chat" },
    configSchema: agoraConfigSchema,
    secretsSchema: agoraSecretsSchema,
    capabilities: agoraCapabilities,
    create: createAgoraTarget,
  },
} satisfies Record<string, ImProviderDefinition>;

export const hrProviders = {
  rest: {
    label: { zh: "通用 REST 接口", en: "Generic REST API" },
    configSchema: restHrConfigSchema,
    secretsSchema: restHrSecretsSchema,
    create: createRestHrSource,
  },
  scim: {
    label: { zh: "SCIM 2.0", en: "SCIM 2.0" },
    configSchema: scimHrConfigSchema,
    secretsSchema: scimHrSecretsSchema,
    create: createScimHrSource,
  },
  "sandbox-hr": {
    label: { zh: "沙箱 HR", en: "Sandbox HR" },
    configSchema: sandboxHrConfigSchema,
    secretsSchema: sandboxHrSecretsSchema,
    create: (
      config: z.infer<typeof sandboxHrConfigSchema>,
      secrets: z.infer<typeof sandboxHrSecretsSchema>,
      runtime?: ConnectorRuntimeOptions,
    ) =>
      createRestHrSource(
        sandboxHrRestConfig(config.baseUrl),
        { token: secrets.token, webhookSecret: secrets.webhookSecret },
        { ...runtime, provider: "sandbox-hr" },
      ),
  },
} satisfies Record<string, HrProviderDefinition>;

export type ImProvider = keyof typeof imProviders;
export type HrProvider = keyof typeof hrProviders;

export const isImProvider = (p: string): p is ImProvider => Object.hasOwn(imProviders, p);
export const isHrProvider = (p: string): p is HrProvider => Object.hasOwn(hrProviders, p);

function parse(schema: z.ZodType, value: unknown, provider: string, what: "config" | "secrets") {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  // Issues name the field, never echo the value (secrets).
  const fields = parsed.error.issues
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  throw new ConnectorError({
    kind: "invalid",
    platform: provider,
    code: `bad_${what}`,
    message: `Invalid ${provider} ${what}: ${fields}`,
  });
}

/** Builds an IM target from a Connection's provider, config and decrypted secrets (validated by the provider's schemas). */
export function createImTarget(
  provider: string,
  config: unknown,
  secrets: unknown,
  runtime?: ConnectorRuntimeOptions,
): ImTarget {
  if (!isImProvider(provider))
    throw new ConnectorError({
      kind: "invalid",
      platform: provider,
      code: "unknown_provider",
      message: `Unknown IM provider "${provider}"`,
    });
  const def: ImProviderDefinition = imProviders[provider];
  return def.create(
    parse(def.configSchema, config, provider, "config"),
    parse(def.secretsSchema, secrets, provider, "secrets"),
    runtime,
  );
}

/** Builds an HR source from a Connection's provider, config and decrypted secrets. */
export function createHrSource(
  provider: string,
  config: unknown,
  secrets: unknown,
  runtime?: ConnectorRuntimeOptions,
): HrSource {
  if (!isHrProvider(provider))
    throw new ConnectorError({
      kind: "invalid",
      platform: provider,
      code: "unknown_provider",
      message: `Unknown HR provider "${provider}"`,
    });
  const def: HrProviderDefinition = hrProviders[provider];
  return def.create(
    parse(def.configSchema, config, provider, "config"),
    parse(def.secretsSchema, secrets, provider, "secrets"),
    runtime,
  );
}

/** JSON Schemas (with `label`/`help`/`secret` from .meta()) for generating the console's connection forms. */
export function providerFormSchemas(
  kind: "hr" | "im",
  provider: string,
): { config: object; secrets: object } {
  const def =
    kind === "im"
      ? isImProvider(provider)
        ? imProviders[provider]
        : undefined
      : isHrProvider(provider)
        ? hrProviders[provider]
        : undefined;
  if (!def) throw new Error(`Unknown ${kind} provider "${provider}"`);
  const toJson = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
  return { config: toJson(def.configSchema), secrets: toJson(def.secretsSchema) };
}
