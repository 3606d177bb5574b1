// Request and answer shapes shared by the SCIM integration suites (Entra's and Okta's documented forms).
import { expect } from "vitest";
import { ENT, ERROR, PATCH_OP, USER } from "./scim-test-env";

export const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
export const expectScimError = (
  res: { status: number; json: any },
  status: number,
  scimType?: string,
) => {
  expect(res.status).toBe(status);
  expect(res.json.schemas).toEqual([ERROR]);
  expect(res.json.status).toBe(String(status));
  if (scimType) expect(res.json.scimType).toBe(scimType);
  expect(typeof res.json.detail).toBe("string");
};

/** Entra's create: enterprise extension, work e-mail, `roles` (not stored), externalId = object id. */
export const entraUser = (n: string, more: Record<string, unknown> = {}) => ({
  schemas: [USER, ENT],
  externalId: `ext-${n}`,
  userName: `${n}@contoso.example`,
  active: true,
  displayName: `User ${n}`,
  emails: [{ primary: true, type: "work", value: `${n}@contoso.example` }],
  meta: { resourceType: "User" },
  name: { formatted: `User ${n}`, familyName: "User", givenName: n },
  roles: [],
  [ENT]: { employeeNumber: `E-${n}`, department: "Nowhere Dept" },
  ...more,
});
