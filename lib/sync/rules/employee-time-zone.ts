import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import type { HrEmployee } from "../types";

/** The zone an employee's calendar dates are read in: their own when valid, else the company's. */
export function employeeTimeZone(employee: HrEmployee | null, companyTimeZone: string): string {
  return employee?.timeZone && isValidTimeZone(employee.timeZone)
    ? employee.timeZone
    : companyTimeZone;
}
