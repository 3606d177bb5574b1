import { z } from "zod";
import { field } from "../../core/field-meta";
import { rateLimitSchema } from "../../core/rate-limiter";

const path = (zh: string, en: string, fallback?: string) =>
  (fallback === undefined ? z.string().optional() : z.string().default(fallback)).meta(
    field(zh, en),
  );

/** Which JSON field of a department record holds what (dotted paths). */
export const orgUnitFieldMapSchema = z.object({
  code: path("部门编码字段", "Unit code field", "code"),
  name: path("部门名称字段", "Unit name field", "name"),
  nameEn: path("英文名字段", "English name field"),
  parentCode: path("上级部门编码字段", "Parent code field", "parentCode"),
  managerNo: path("负责人工号字段", "Manager employee-no field"),
  active: path("启用状态字段", "Active flag field"),
  version: path("版本字段", "Version field"),
  updatedAt: path("更新时间字段", "Updated-at field"),
});

/** Which JSON field of an employee record holds what (dotted paths). */
export const employeeFieldMapSchema = z.object({
  employeeNo: path("工号字段", "Employee number field", "employeeNo"),
  name: path("姓名字段", "Name field", "name"),
  nameEn: path("英文名字段", "English name field"),
  email: path("邮箱字段", "Email field"),
  mobile: path("手机号字段", "Mobile field"),
  title: path("职位字段", "Title field"),
  grade: path("职级字段", "Grade field"),
  unitCode: path("所属部门编码字段", "Unit code field"),
  managerNo: path("直属上级工号字段", "Manager employee-no field"),
  status: path("在职状态字段", "Status field"),
  hireDate: path("入职日期字段", "Hire date field"),
  terminationDate: path("离职日期字段", "Termination date field"),
  terminationReason: path("离职原因字段", "Termination reason field"),
  timeZone: path("时区字段", "Time zone field"),
  locale: path("语言字段", "Locale field"),
  version: path("版本字段", "Version field"),
  updatedAt: path("更新时间字段", "Updated-at field"),
  transfer: z
    .string()
    .optional()
    .meta(
      field("待生效调动字段", "Pending transfer field", {
        help: {
          zh: "对象 {unitCode, effectiveDate: YYYY-MM-DD, title?, managerNo?}，或 null",
          en: "An object {unitCode, effectiveDate: YYYY-MM-DD, title?, managerNo?}, or null",
        },
      }),
    ),
});

const employeeStatus = z.enum(["onboarding", "active", "on_leave", "terminated"]);

export const restPaginationSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("page"),
    pageParam: z.string().default("page"),
    sizeParam: z.string().default("size"),
    firstPage: z.number().int().min(0).default(1),
    /** When set, a null/absent value here means "last page"; otherwise a short page does. */
    hasMorePath: z.string().optional(),
  }),
  z.object({
    type: z.literal("offset"),
    offsetParam: z.string().default("offset"),
    limitParam: z.string().default("limit"),
  }),
  z.object({
    type: z.literal("cursor"),
    cursorParam: z.string().default("cursor"),
    sizeParam: z.string().default("size"),
    nextCursorPath: z.string().default("next"),
  }),
]);

const listSchema = <T extends z.ZodType>(fields: T, defaultPath: string) =>
  z.object({
    path: z.string().default(defaultPath).meta(field("接口路径", "Endpoint path")),
    itemsPath: z
      .string()
      .default("items")
      .meta(
        field("列表字段", "Items field", {
          help: { zh: "留空表示响应本身是数组", en: "Empty: the response body is the array" },
        }),
      ),
    fields,
  });

export const restHrConfigSchema = z.object({
  baseUrl: z.url().meta(field("接口地址", "API base URL")),
  auth: z
    .enum(["bearer", "basic", "header", "none"])
    .default("bearer")
    .meta(field("认证方式", "Authentication")),
  authHeader: z.string().default("X-Api-Key").meta(field("认证请求头", "Auth header name")),
  pageSize: z.number().int().min(1).max(1_000).default(100).meta(field("每页条数", "Page size")),
  pagination: restPaginationSchema
    .default({ type: "page", pageParam: "page", sizeParam: "size", firstPage: 1 })
    .meta(field("分页方式", "Pagination")),
  updatedSinceParam: z
    .string()
    .nullable()
    .default("updatedSince")
    .meta(field("增量参数", "Updated-since parameter")),
  /** Some HR APIs answer 200 with an error code (薪人薪事: errcode). */
  errorCodePath: z.string().optional().meta(field("错误码字段", "Error code field")),
  departments: listSchema(
    orgUnitFieldMapSchema.default(orgUnitFieldMapSchema.parse({})),
    "/departments",
  ).default({ path: "/departments", itemsPath: "items", fields: orgUnitFieldMapSchema.parse({}) }),
  employees: listSchema(
    employeeFieldMapSchema.default(employeeFieldMapSchema.parse({})),
    "/employees",
  )
    .extend({
      statusMap: z
        .record(z.string(), employeeStatus)
        .default({})
        .meta(
          field("状态映射", "Status mapping", {
            help: { zh: "源系统状态值 → 标准状态", en: "Source status value → normalised status" },
          }),
        ),
    })
    .default({
      path: "/employees",
      itemsPath: "items",
      fields: employeeFieldMapSchema.parse({}),
      statusMap: {},
    }),
  rateLimit: rateLimitSchema.default({ perSecond: 10 }).meta(field("速率限制", "Rate limit")),
});

export const restHrSecretsSchema = z.object({
  token: z
    .string()
    .optional()
    .meta(field("访问令牌", "API token", { secret: true })),
  username: z.string().optional().meta(field("用户名", "Username")),
  password: z
    .string()
    .optional()
    .meta(field("密码", "Password", { secret: true })),
  webhookSecret: z
    .string()
    .optional()
    .meta(
      field("Webhook 签名密钥", "Webhook signing secret", {
        secret: true,
        help: { zh: "whsec_ 开头", en: "Starts with whsec_" },
      }),
    ),
});

export type RestHrConfig = z.infer<typeof restHrConfigSchema>;
export type RestHrConfigInput = z.input<typeof restHrConfigSchema>;
export type RestHrSecrets = z.infer<typeof restHrSecretsSchema>;
