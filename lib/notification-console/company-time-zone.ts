/** The zone used for employees without one (same default as the UI's formatter in i18n/request.ts). */
export function companyTimeZone(): string {
  return process.env.COMPANY_TIME_ZONE || "Asia/Shanghai";
}
