import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

export const agoraConfigSchema = z.object({
  /** REST host per data centre, e.g. a41.chat.agora.io. */
  baseUrl: z.url().meta(field("REST 地址 (https://{host})", "REST base URL (https://{host})")),
  orgName: z.string().min(1).meta(field("Org Name", "Org name")),
  appName: z.string().min(1).meta(field("App Name", "App name")),
  appId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/)
    .meta(field("App ID", "App ID")),
  /** The group owner Agora requires when creating chat groups. */
  groupOwner: z
    .string()
    .min(1)
    .default("orgbridge")
    .meta(field("群主用户名", "Group owner username")),
  /** Sender shown on pushed messages. */
  sender: z.string().min(1).default("admin").meta(field("消息发送者", "Message sender")),
  tokenTtlSeconds: z
    .number()
    .int()
    .min(60)
    .max(86_400)
    .default(86_400)
    .meta(field("Token 有效期(秒)", "Token lifetime (s)")),
  /** User APIs: 100/s per app. */
  rateLimit: rateLimitSchema.default({ perSecond: 100 }).meta(field("速率限制", "Rate limit")),
});

export const agoraSecretsSchema = z.object({
  appCertificate: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/)
    .meta(field("App Certificate", "App certificate", { secret: true })),
});

export type AgoraConfigInput = z.input<typeof agoraConfigSchema>;
export type AgoraSecrets = z.infer<typeof agoraSecretsSchema>;
