import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

export const WECOM_DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com/cgi-bin";

/** WeCom documents 10,000 calls/min and 150,000 calls/hour per API per company; exceeding blocks the API. The client applies this budget to each API. */
export const WECOM_DEFAULT_RATE_LIMIT = { perMinute: 10_000, perHour: 150_000 };

/** WeCom's limit per calling IP over all APIs. */
export const WECOM_PER_IP_RATE_LIMIT = { perMinute: 20_000 };

export const wecomConfigSchema = z.object({
  baseUrl: z.url().default(WECOM_DEFAULT_BASE_URL).meta(field("接口地址", "API base URL")),
  corpId: z.string().min(1).meta(field("企业 ID (corpid)", "Corp ID (corpid)")),
  agentId: z.coerce
    .number()
    .int()
    .positive()
    .meta(
      field("应用 AgentId", "App AgentId", {
        help: { zh: "发送消息的自建应用", en: "The self-built app that sends messages" },
      }),
    ),
  rateLimit: rateLimitSchema.default(WECOM_DEFAULT_RATE_LIMIT).meta(
    field("速率限制", "Rate limit", {
      help: {
        zh: "每个接口各自的额度（企业微信按接口计）；所有接口合计另限每分钟 20,000 次（每 IP）",
        en: "Applies to each API (WeCom counts per API); all calls together also stay within 20,000/min (per IP)",
      },
    }),
  ),
});

export const wecomSecretsSchema = z.object({
  contactSecret: z
    .string()
    .min(1)
    .meta(
      field("通讯录同步 Secret", "Contact sync secret", {
        secret: true,
        help: {
          zh: "创建成员和部门需要通讯录同步的 Secret 与可信 IP",
          en: "Creating members and departments needs the contact-sync secret and a trusted egress IP",
        },
      }),
    ),
  agentSecret: z
    .string()
    .min(1)
    .optional()
    .meta(
      field("应用 Secret", "App secret", {
        secret: true,
        help: {
          zh: "用于发送消息；留空则使用通讯录 Secret",
          en: "Used to send messages; defaults to the contact secret",
        },
      }),
    ),
});

export type WecomConfig = z.infer<typeof wecomConfigSchema>;
export type WecomConfigInput = z.input<typeof wecomConfigSchema>;
export type WecomSecrets = z.infer<typeof wecomSecretsSchema>;
