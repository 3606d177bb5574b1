import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

export const scimHrConfigSchema = z.object({
  baseUrl: z.url().meta(
    field("SCIM 地址", "SCIM base URL", {
      help: {
        zh: "例如 https://idp.example.com/scim/v2",
        en: "e.g. https://idp.example.com/scim/v2",
      },
    }),
  ),
  pageSize: z.number().int().min(1).max(1_000).default(100).meta(field("每页条数", "Page size")),
  /** Which attribute is the employee number. */
  employeeNoAttribute: z
    .enum(["employeeNumber", "userName", "externalId", "id"])
    .default("employeeNumber")
    .meta(field("工号属性", "Employee number attribute")),
  /** Which attribute of a Group is the org unit code. */
  unitCodeAttribute: z
    .enum(["externalId", "id", "displayName"])
    .default("externalId")
    .meta(field("部门编码属性", "Unit code attribute")),
  /** Group attribute holding the parent unit code (SCIM has no standard one). */
  parentAttribute: z.string().optional().meta(field("上级部门属性", "Parent unit attribute")),
  /** Filter on meta.lastModified for incremental reads (many servers do not support it). */
  supportsLastModifiedFilter: z
    .boolean()
    .default(false)
    .meta(field("支持 lastModified 过滤", "Supports lastModified filter")),
  rateLimit: rateLimitSchema.default({ perSecond: 10 }).meta(field("速率限制", "Rate limit")),
});

export const scimHrSecretsSchema = z.object({
  token: z
    .string()
    .min(1)
    .meta(field("Bearer Token", "Bearer token", { secret: true })),
  webhookSecret: z
    .string()
    .optional()
    .meta(field("Webhook 签名密钥", "Webhook signing secret", { secret: true })),
});

export type ScimHrConfigInput = z.input<typeof scimHrConfigSchema>;
export type ScimHrSecrets = z.infer<typeof scimHrSecretsSchema>;
