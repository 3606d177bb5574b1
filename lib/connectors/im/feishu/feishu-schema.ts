import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

export const FEISHU_BASE_URLS = {
  feishu: "https://open.feishu.cn/open-apis",
  lark: "https://open.larksuite.com/open-apis",
} as const;

/** Feishu's message API allows 50/s and 1000/min; contact APIs are in the same range (per-API tiers vary). */
export const FEISHU_DEFAULT_RATE_LIMIT = { perSecond: 50, perMinute: 1_000 };

export const feishuConfigSchema = z.object({
  baseUrl: z
    .url()
    .default(FEISHU_BASE_URLS.feishu)
    .meta(
      field("接口地址", "API base URL", {
        help: {
          zh: "Lark 国际版: https://open.larksuite.com/open-apis",
          en: "Lark: https://open.larksuite.com/open-apis",
        },
      }),
    ),
  appId: z.string().min(1).meta(field("App ID", "App ID")),
  /** Which id OrgBridge stores as the IM user id. */
  userIdType: z
    .enum(["user_id", "open_id", "union_id"])
    .default("user_id")
    .meta(field("用户 ID 类型", "User id type")),
  rateLimit: rateLimitSchema
    .default(FEISHU_DEFAULT_RATE_LIMIT)
    .meta(field("速率限制", "Rate limit")),
});

export const feishuSecretsSchema = z.object({
  appSecret: z
    .string()
    .min(1)
    .meta(field("App Secret", "App secret", { secret: true })),
});

export type FeishuConfigInput = z.input<typeof feishuConfigSchema>;
export type FeishuSecrets = z.infer<typeof feishuSecretsSchema>;
