import { z } from "zod";
import { field } from "../../core/field-meta";
import type { RestHrConfigInput } from "../rest/rest-hr-schema";
import { SANDBOX_HR_DEFAULTS } from "../../sandbox-defaults";

/** The sandbox HR is the generic REST connector with this mapping: its API already speaks the normalised field names. */
export function sandboxHrRestConfig(baseUrl: string): RestHrConfigInput {
  const same = <K extends string>(...keys: K[]) =>
    Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>;
  return {
    baseUrl,
    auth: "bearer",
    pageSize: 500,
    pagination: {
      type: "cursor",
      cursorParam: "cursor",
      sizeParam: "size",
      nextCursorPath: "next",
    },
    updatedSinceParam: "updatedSince",
    departments: {
      path: "/api/departments",
      itemsPath: "items",
      fields: same(
        "code",
        "name",
        "nameEn",
        "parentCode",
        "managerNo",
        "active",
        "version",
        "updatedAt",
      ),
    },
    employees: {
      path: "/api/employees",
      itemsPath: "items",
      fields: same(
        "employeeNo",
        "name",
        "nameEn",
        "email",
        "mobile",
        "title",
        "grade",
        "unitCode",
        "managerNo",
        "status",
        "hireDate",
        "terminationDate",
        "terminationReason",
        "timeZone",
        "locale",
        "version",
        "updatedAt",
        "transfer",
      ),
      statusMap: {},
    },
    rateLimit: false,
  };
}

export const sandboxHrConfigSchema = z.object({
  baseUrl: z
    .url()
    .default(`http://127.0.0.1:${SANDBOX_HR_DEFAULTS.port}`)
    .meta(field("沙箱 HR 地址", "Sandbox HR URL")),
});

export const sandboxHrSecretsSchema = z.object({
  token: z
    .string()
    .min(1)
    .default(SANDBOX_HR_DEFAULTS.apiToken)
    .meta(field("访问令牌", "API token", { secret: true })),
  webhookSecret: z
    .string()
    .optional()
    .meta(field("Webhook 签名密钥", "Webhook signing secret", { secret: true })),
});
