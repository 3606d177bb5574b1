import type { HrEmployee } from "../types";

/** The IM user id OrgBridge gives a new account: the employee number (fits WeCom's 1–64 of [0-9A-Za-z_-@.]). */
export function proposeImUserId(employee: HrEmployee): string {
  return employee.employeeNo;
}
