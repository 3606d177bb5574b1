import { envSection } from "@/lib/core/env";

/**
 * The company's IANA zone (COMPANY_TIME_ZONE, default Asia/Shanghai): where company-calendar days
 * start, and the zone of employees without a valid one of their own. Validated by lib/core/env; only
 * the company variables are read, so jobs and tests need no complete app environment.
 */
export function companyTimeZone(): string {
  return envSection("company").COMPANY_TIME_ZONE;
}
