import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

export const slackConfigSchema = z.object({
  apiUrl: z.url().default("https://slack.com/api/").meta(field("Web API 地址", "Web API base URL")),
  scimUrl: z
    .url()
    .default("https://api.slack.com/scim/v2")
    .meta(
      field("SCIM 地址", "SCIM base URL", {
        help: { zh: "需要 Business+ / Enterprise Grid", en: "Needs Business+ / Enterprise Grid" },
      }),
    ),
  /** Channels OrgBridge creates are private by default. */
  privateChannels: z.boolean().default(true).meta(field("创建私有频道", "Create private channels")),
  /** Slack tiers are per method: Tier 3 (50+/min) covers conversations.*; chat.postMessage ~1/s per channel. */
  rateLimit: rateLimitSchema
    .default({ perMinute: 50 })
    .meta(field("Web API 速率限制", "Web API rate limit")),
  /** SCIM user writes: 180/min per org (600/min for all SCIM writes). */
  scimRateLimit: rateLimitSchema
    .default({ perMinute: 180 })
    .meta(field("SCIM 速率限制", "SCIM rate limit")),
});

export const slackSecretsSchema = z.object({
  botToken: z
    .string()
    .min(1)
    .meta(field("Bot Token (xoxb-)", "Bot token (xoxb-)", { secret: true })),
  scimToken: z
    .string()
    .min(1)
    .meta(field("SCIM Token (管理员 xoxp-)", "SCIM token (admin xoxp-)", { secret: true })),
});

export type SlackConfigInput = z.input<typeof slackConfigSchema>;
export type SlackSecrets = z.infer<typeof slackSecretsSchema>;
