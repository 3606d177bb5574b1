import { z } from "zod";
import { defineOperation, isoDateTime, pageOf, pageQuery } from "@/lib/core/api/api-operation";

const orgUnit = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  path: z.string().meta({ example: "/HQ/ENG" }),
  depth: z.number().int(),
  active: z.boolean(),
  parentCode: z.string().nullable(),
});

export const listOrgUnitsOperation = defineOperation({
  operationId: "listOrgUnits",
  method: "GET",
  path: "/org-units",
  tag: "Org units",
  summary: "Org units of the HR directory, by code",
  scope: "org:read",
  query: pageQuery,
  responses: { 200: { description: "A page of org units.", schema: pageOf(orgUnit) } },
  example: { query: "?limit=2" },
});

export const getOrgUnitOperation = defineOperation({
  operationId: "getOrgUnit",
  method: "GET",
  path: "/org-units/{code}",
  tag: "Org units",
  summary: "One org unit with its manager and head counts",
  scope: "org:read",
  params: z.object({ code: z.string().min(1).max(128) }),
  responses: {
    200: {
      description: "The org unit.",
      schema: orgUnit.extend({
        updatedAt: isoDateTime,
        managerEmployeeNo: z.string().nullable(),
        employeeCount: z.number().int(),
        childCount: z.number().int(),
      }),
    },
  },
  errors: [404],
});

const employeeStatus = z.enum(["ONBOARDING", "ACTIVE", "ON_LEAVE", "TERMINATED"]);

const employee = z.object({
  employeeNo: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  status: employeeStatus,
  hireDate: isoDateTime.nullable(),
  terminationDate: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  orgUnitCode: z.string().nullable(),
  managerEmployeeNo: z.string().nullable(),
});

const flag = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true");

export const listEmployeesOperation = defineOperation({
  operationId: "listEmployees",
  method: "GET",
  path: "/employees",
  tag: "Employees",
  summary: "Employees of the HR directory, by employee number",
  description:
    "Filters combine. `updatedSince` with `nextCursor` walks everything changed since your last pull.",
  scope: "employees:read",
  query: pageQuery.extend({
    status: employeeStatus.optional(),
    orgUnit: z.string().min(1).max(128).optional().meta({ description: "An org unit code." }),
    includeDescendants: flag.optional().meta({ description: "With orgUnit: units below it too." }),
    updatedSince: z.iso
      .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
      .optional(),
    email: z.string().max(320).optional(),
  }),
  responses: { 200: { description: "A page of employees.", schema: pageOf(employee) } },
  example: { query: "?status=ACTIVE&orgUnit=HQ&includeDescendants=true&limit=50" },
});

export const getEmployeeOperation = defineOperation({
  operationId: "getEmployee",
  method: "GET",
  path: "/employees/{employeeNo}",
  tag: "Employees",
  summary: "One employee with their IM accounts and scheduled lifecycle changes",
  scope: "employees:read",
  params: z.object({ employeeNo: z.string().min(1).max(64) }),
  responses: {
    200: {
      description: "The employee.",
      schema: employee.extend({
        mobile: z.string().nullable(),
        imAccounts: z.array(
          z.object({
            connectionId: z.string(),
            connectionName: z.string(),
            platform: z.string().meta({ example: "wecom" }),
            imUserId: z.string(),
            state: z.enum(["PENDING", "ACTIVE", "SUSPENDED", "DISABLED", "DELETED", "FAILED"]),
            lastError: z.string().nullable(),
            updatedAt: isoDateTime,
          }),
        ),
        scheduledChanges: z.array(
          z.object({
            type: z.enum(["preboard", "create", "enable", "disable", "delete", "transfer"]),
            effectiveAt: isoDateTime,
            timeZone: z.string().meta({ example: "Asia/Shanghai" }),
            connectionId: z.string(),
            connectionName: z.string(),
            due: z
              .boolean()
              .meta({ description: "The instant has passed; the next sync applies it." }),
            reason: z.string().optional(),
            fromUnit: z
              .string()
              .nullable()
              .optional()
              .meta({ description: "Transfers: the unit HR lists now (null when none)." }),
            fromUnitName: z.string().nullable().optional(),
            toUnit: z
              .string()
              .nullable()
              .optional()
              .meta({ description: "Transfers: the unit the employee moves to." }),
            toUnitName: z.string().nullable().optional(),
          }),
        ),
      }),
    },
  },
  errors: [404],
});
