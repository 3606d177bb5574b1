import { z } from "zod";
import { ScimError } from "../scim-error";
import { ENTERPRISE_SCHEMA, type StoredUser } from "../types";
import { canonicalKeys } from "./canonical-keys";

const text = (max: number) => z.string().trim().min(1).max(max);
// Entra sends booleans as "True"/"False" strings in PATCH values.
const bool = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((s) => s.toLowerCase() === "true"),
]);
const multiValue = z.object({
  value: text(320),
  type: z.string().max(40).optional(),
  primary: bool.optional(),
  display: z.string().max(200).optional(),
});
const nameSchema = z.object({
  formatted: z.string().max(200).optional(),
  familyName: z.string().max(100).optional(),
  givenName: z.string().max(100).optional(),
  middleName: z.string().max(100).optional(),
  honorificPrefix: z.string().max(40).optional(),
  honorificSuffix: z.string().max(40).optional(),
});
const enterpriseSchema = z.object({
  employeeNumber: text(64).optional(),
  department: z.string().trim().max(200).optional(),
  organization: z.string().max(200).optional(),
  division: z.string().max(200).optional(),
  costCenter: z.string().max(200).optional(),
  // Entra sets the manager with a bare id string; Okta and the RFC with { value }.
  manager: z
    .union([
      z.string().trim().max(64),
      z.object({ value: z.string().trim().max(64), displayName: z.string().max(200).optional() }),
      z.null(),
    ])
    .optional(),
});
const userSchema = z.object({
  userName: text(256),
  externalId: text(256).optional(),
  name: nameSchema.optional(),
  displayName: z.string().trim().max(200).optional(),
  nickName: z.string().max(100).optional(),
  title: z.string().trim().max(128).optional(),
  userType: z.string().max(64).optional(),
  preferredLanguage: z.string().max(35).optional(),
  locale: z.string().max(35).optional(),
  timezone: z.string().max(64).optional(),
  active: bool.optional(),
  emails: z.array(multiValue).max(10).optional(),
  phoneNumbers: z.array(multiValue).max(10).optional(),
  addresses: z
    .array(z.record(z.string(), z.union([z.string().max(200), z.boolean()])))
    .max(5)
    .optional(),
});

const USER_KEYS = [...Object.keys(userSchema.shape), "schemas", "id", "meta", "groups", "password"];

function fail(issue: z.core.$ZodIssue, root: string): never {
  const path = [root, ...issue.path.map(String)].filter(Boolean).join(".");
  throw new ScimError(400, "invalidValue", `${path || "body"}: ${issue.message}`);
}

/**
 * Checks a User resource as a client sent it (POST, PUT, or the result of a PATCH) and keeps the
 * attributes this provider stores. Names are matched case-insensitively; `id`, `meta` and
 * `groups` are read-only and ignored, as RFC 7644 §3.5.1 allows; a password is refused.
 */
export function readScimUser(input: Record<string, unknown>): StoredUser {
  const body = canonicalKeys(input, USER_KEYS);
  if (body.password !== undefined)
    throw new ScimError(400, "mutability", "password: OrgBridge does not store passwords.");
  const extKey = Object.keys(input).find(
    (k) => k.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase(),
  );
  const parsed = userSchema.safeParse({
    ...body,
    name:
      body.name && typeof body.name === "object"
        ? canonicalKeys(body.name as Record<string, unknown>, Object.keys(nameSchema.shape))
        : body.name,
  });
  if (!parsed.success) fail(parsed.error.issues[0], "");
  const rawExt = extKey ? input[extKey] : undefined;
  const ext =
    rawExt && typeof rawExt === "object" && !Array.isArray(rawExt)
      ? canonicalKeys(rawExt as Record<string, unknown>, Object.keys(enterpriseSchema.shape))
      : rawExt;
  const parsedExt = ext === undefined || ext === null ? undefined : enterpriseSchema.safeParse(ext);
  if (parsedExt && !parsedExt.success) fail(parsedExt.error.issues[0], ENTERPRISE_SCHEMA);
  const { active, ...rest } = parsed.data;
  const user: StoredUser = { ...rest, active: active ?? true };
  const e = parsedExt?.data;
  if (e) {
    const { manager, ...others } = e;
    const managerValue = typeof manager === "string" ? manager : manager?.value;
    user.enterprise = {
      ...others,
      ...(managerValue
        ? {
            manager: {
              value: managerValue,
              ...(typeof manager === "object" && manager?.displayName
                ? { displayName: manager.displayName }
                : {}),
            },
          }
        : {}),
    };
  }
  return user;
}
