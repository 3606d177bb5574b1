import { companyTimeZone } from "@/lib/core/company-time-zone";
import { db } from "@/lib/core/db";
import { isValidTimeZone } from "./is-valid-time-zone";

/** The Setting row an admin's console override of the company time zone lives in. */
export const COMPANY_TIME_ZONE_SETTING = "company.timeZone";

/**
 * The company's time zone as every reader must see it: the admin's override from the console
 * (Setting `company.timeZone`) over COMPANY_TIME_ZONE from the environment. An override that is no
 * longer a zone this runtime knows falls back to the environment's, which env() has validated.
 */
export async function loadCompanyTimeZone(): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: COMPANY_TIME_ZONE_SETTING } });
  const stored = row?.value;
  if (typeof stored === "string" && isValidTimeZone(stored)) return stored;
  return companyTimeZone();
}
