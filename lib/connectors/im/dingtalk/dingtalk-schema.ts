import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

/** DingTalk's per-app QPS is 20/40/60 by edition (unverified): default to the lowest. */
export const DINGTALK_DEFAULT_RATE_LIMIT = { perSecond: 20 };

export const dingtalkConfigSchema = z.object({
  baseUrl: z
    .url()
    .default("https://oapi.dingtalk.com")
    .meta(field("接口地址 (oapi)", "API base URL (oapi)")),
  appKey: z.string().min(1).meta(field("AppKey", "App key")),
  agentId: z.coerce.number().int().positive().meta(field("应用 AgentId", "App AgentId")),
  rateLimit: rateLimitSchema
    .default(DINGTALK_DEFAULT_RATE_LIMIT)
    .meta(field("速率限制", "Rate limit")),
});

export const dingtalkSecretsSchema = z.object({
  appSecret: z
    .string()
    .min(1)
    .meta(field("AppSecret", "App secret", { secret: true })),
});

export type DingtalkConfigInput = z.input<typeof dingtalkConfigSchema>;
export type DingtalkSecrets = z.infer<typeof dingtalkSecretsSchema>;
