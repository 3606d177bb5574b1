import { isValidTimeZone } from "@/lib/notifications/rules/is-valid-time-zone";

/**
 * The company's zone (COMPANY_TIME_ZONE, validated at start-up by lib/core/env), for employees without a
 * valid zone of their own. Read directly so jobs and tests need no complete app environment.
 */
export function companyTimeZone(): string {
  const zone = process.env.COMPANY_TIME_ZONE;
  return zone && isValidTimeZone(zone) ? zone : "Asia/Shanghai";
}
