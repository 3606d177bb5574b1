import type { HrEmployee } from "@/lib/connectors/types";
import type { MultiValue, StoredUser } from "../types";

export type ToHrEmployeeInput = {
  user: StoredUser;
  /** The employee number the record was created with. */
  employeeNo: string;
  /** ScimResource.version: every change to the resource is a newer HR version. */
  version: number;
  unitCode?: string;
  /** The manager's employee number, when `manager.value` names a user this client pushed. */
  managerNo?: string;
  /** DELETE: the person left (the date in UTC, YYYY-MM-DD). */
  deletedOn?: string;
};

/** The work entry (type "work"), else the primary one, else the first. */
function pick(values: MultiValue[] | undefined, type: string): string | undefined {
  if (!values?.length) return undefined;
  return (
    values.find((v) => v.type?.toLowerCase() === type) ??
    values.find((v) => v.primary) ??
    values[0]
  ).value;
}

/** A display name for the IM: the one the client set, else the formatted name, else given + family. */
function personName(user: StoredUser): string {
  const n = user.name;
  const joined = [n?.givenName, n?.familyName].filter((s) => s && s.trim()).join(" ");
  return user.displayName?.trim() || n?.formatted?.trim() || joined || user.userName;
}

/**
 * The HR record a SCIM user is: deactivated (`active: false`) is on leave, which the sync suspends
 * and a reactivation undoes; a DELETE is a leaver (terminated on the day of the DELETE). No `transfer`:
 * SCIM has no standard attribute for a future move, so a SCIM client moves people when the day comes.
 */
export function toHrEmployee(input: ToHrEmployeeInput): HrEmployee {
  const { user } = input;
  const status: HrEmployee["status"] = input.deletedOn
    ? "terminated"
    : user.active
      ? "active"
      : "on_leave";
  const record: HrEmployee = {
    employeeNo: input.employeeNo,
    name: personName(user),
    status,
    version: input.version,
  };
  const email = pick(user.emails, "work");
  const mobile = pick(user.phoneNumbers, "mobile");
  if (email) record.email = email;
  if (mobile) record.mobile = mobile;
  if (user.title) record.title = user.title;
  // No grade: RFC 7643 has none (userType is the employment relationship; the enterprise extension
  // stops at employeeNumber, costCenter, organization, division, department and manager).
  if (input.unitCode) record.unitCode = input.unitCode;
  if (input.managerNo && input.managerNo !== input.employeeNo) record.managerNo = input.managerNo;
  if (user.preferredLanguage || user.locale)
    record.locale = (user.preferredLanguage || user.locale)!.replace("_", "-");
  if (user.timezone) record.timeZone = user.timezone;
  if (input.deletedOn) {
    record.terminationDate = input.deletedOn;
    record.terminationReason = "Deleted by the SCIM client";
  }
  return record;
}
