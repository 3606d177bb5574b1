import { z } from "zod";
import { ConnectorError } from "../../core/connector-error";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { scimRequest, type ScimListResponse } from "../../core/scim-request";
import { runConnectionTest } from "../../core/test-connection";
import type { HrEmployee, HrListOptions, HrOrgUnit, HrPage, HrSource } from "../../types";
import { iteratePages } from "../iterate-pages";
import { verifyStandardWebhook } from "../webhook/verify-standard-webhook";
import {
  scimHrConfigSchema,
  scimHrSecretsSchema,
  type ScimHrConfigInput,
  type ScimHrSecrets,
} from "./scim-hr-schema";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type ScimUser = {
  id: string;
  externalId?: string;
  userName: string;
  displayName?: string;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  title?: string;
  active?: boolean;
  emails?: { value: string; primary?: boolean; type?: string }[];
  phoneNumbers?: { value: string; type?: string; primary?: boolean }[];
  timezone?: string;
  locale?: string;
  meta?: { lastModified?: string; version?: string };
  [ENTERPRISE]?: { employeeNumber?: string; department?: string; manager?: { value?: string } };
};

type ScimGroup = {
  id: string;
  externalId?: string;
  displayName: string;
  meta?: { lastModified?: string };
  [k: string]: unknown;
};

const versionOf = (meta?: { lastModified?: string }) =>
  meta?.lastModified ? Date.parse(meta.lastModified) || 0 : 0;

/** SCIM 2.0 (RFC 7643/7644) as an HR source: Users → employees, Groups → org units. */
export function createScimHrSource(
  configInput: ScimHrConfigInput,
  secretsInput: ScimHrSecrets,
  runtime: ConnectorRuntimeOptions = {},
): HrSource {
  const config = scimHrConfigSchema.parse(configInput);
  const secrets = scimHrSecretsSchema.parse(secretsInput);
  const ctx = {
    limiter:
      runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock }),
    retry: runtime.retry,
    clock: runtime.clock,
  };

  const mapEmployee = (u: ScimUser): HrEmployee => {
    const ent = u[ENTERPRISE] ?? {};
    const employeeNo =
      config.employeeNoAttribute === "employeeNumber"
        ? (ent.employeeNumber ?? u.userName)
        : String(u[config.employeeNoAttribute] ?? u.userName);
    return {
      employeeNo,
      name:
        u.displayName ||
        u.name?.formatted ||
        [u.name?.familyName, u.name?.givenName].filter(Boolean).join("") ||
        u.userName,
      email: (u.emails?.find((e) => e.primary) ?? u.emails?.[0])?.value,
      mobile: (u.phoneNumbers?.find((p) => p.type === "mobile") ?? u.phoneNumbers?.[0])?.value,
      title: u.title,
      unitCode: ent.department,
      // The enterprise manager reference is the manager's SCIM id; equal to the employee number only when ids are employee numbers.
      managerNo: ent.manager?.value,
      status: u.active === false ? "terminated" : "active",
      timeZone: u.timezone,
      locale: u.locale,
      version: versionOf(u.meta),
      updatedAt: u.meta?.lastModified,
    };
  };

  const mapUnit = (g: ScimGroup): HrOrgUnit => ({
    code: String(g[config.unitCodeAttribute] ?? g.id),
    name: g.displayName,
    parentCode:
      config.parentAttribute && g[config.parentAttribute]
        ? String(g[config.parentAttribute])
        : undefined,
    active: true,
    version: versionOf(g.meta),
    updatedAt: g.meta?.lastModified,
  });

  async function page<T, R>(
    resource: "/Users" | "/Groups",
    options: HrListOptions,
    map: (item: T) => R,
  ): Promise<HrPage<R>> {
    const count = options.pageSize ?? runtime.pageSize ?? config.pageSize;
    const startIndex = options.cursor ? Number(options.cursor) : 1;
    const filter =
      options.updatedSince && config.supportsLastModifiedFilter
        ? `meta.lastModified ge "${options.updatedSince}"`
        : undefined;
    const res = await scimRequest<ScimListResponse<T>>("scim", ctx, {
      baseUrl: config.baseUrl,
      path: resource,
      method: "GET",
      token: secrets.token,
      query: { startIndex, count, filter },
      fetch: runtime.fetch,
      timeoutMs: runtime.timeoutMs,
    });
    let items = (res.Resources ?? []).map(map);
    // Without server-side filtering, filter by lastModified here (still reads every page).
    if (options.updatedSince && !filter)
      items = items.filter(
        (i) =>
          !(i as { updatedAt?: string }).updatedAt ||
          (i as { updatedAt?: string }).updatedAt! >= options.updatedSince!,
      );
    const next = startIndex + (res.Resources?.length ?? 0);
    return {
      items,
      nextCursor:
        (res.Resources?.length ?? 0) > 0 && next <= res.totalResults ? String(next) : undefined,
    };
  }

  const listEmployeesPage = (o: HrListOptions = {}) =>
    page<ScimUser, HrEmployee>("/Users", o, mapEmployee);
  const listOrgUnitsPage = (o: HrListOptions = {}) =>
    page<ScimGroup, HrOrgUnit>("/Groups", o, mapUnit);
  // Checked before mapEmployee/mapUnit fill in defaults: a pushed `active: "no"` must not read as active.
  const meta = z
    .looseObject({
      lastModified: z
        .string()
        .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date-time")
        .optional(),
    })
    .optional();
  const user = z.looseObject({
    id: z.string().min(1),
    userName: z.string().trim().min(1).max(256),
    active: z.boolean().optional(),
    meta,
  });
  const group = z.looseObject({
    id: z.string().min(1),
    displayName: z.string().trim().min(1).max(256),
    meta,
  });

  return {
    provider: "scim",
    listEmployeesPage,
    listOrgUnitsPage,
    listEmployees: (o) => iteratePages(listEmployeesPage, o),
    listOrgUnits: (o) => iteratePages(listOrgUnitsPage, o),
    verifyWebhook(headers, body) {
      // SCIM defines no push: we accept the Standard Webhooks envelope carrying a SCIM User or Group.
      const e = verifyStandardWebhook(headers, body, {
        platform: "scim",
        secret: secrets.webhookSecret,
      });
      const parsed = (e.type === "employee.changed" ? user : group).safeParse(e.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = ["data", ...issue.path.map(String)].join(".");
        throw new ConnectorError({
          kind: "invalid",
          platform: "scim",
          code: "bad_record",
          message: `${field}: ${issue.message}`,
          field,
        });
      }
      const data = parsed.data;
      return e.type === "employee.changed"
        ? {
            id: e.id,
            type: e.type,
            occurredAt: e.occurredAt,
            data: mapEmployee(data as unknown as ScimUser),
          }
        : {
            id: e.id,
            type: e.type,
            occurredAt: e.occurredAt,
            data: mapUnit(data as unknown as ScimGroup),
          };
    },
    testConnection: () =>
      runConnectionTest(async () => {
        const p = await listEmployeesPage({ pageSize: 1 });
        return `SCIM reachable (${p.items.length ? "users visible" : "no users visible"})`;
      }),
  };
}
