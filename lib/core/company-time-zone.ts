import { envSection } from "@/lib/core/env";

/**
 * The environment's company IANA zone (COMPANY_TIME_ZONE, default Asia/Shanghai); an admin may override it
 * in the console, so readers use loadCompanyTimeZone (lib/core/time), which falls back to this: where company-calendar days
 * start, and the zone of employees without a valid one of their own. Validated by lib/core/env; only
 * the company variables are read, so jobs and tests need no complete app environment.
 */
export function companyTimeZone(): string {
  return envSection("company").COMPANY_TIME_ZONE;
}
