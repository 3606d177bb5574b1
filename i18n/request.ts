import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { companyTimeZone } from "@/lib/core/company-time-zone";
import { loadMessages } from "./load-messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "./locales";

// No locale in the URL: the choice lives in a cookie (set by the switcher),
// and the browser's Accept-Language decides until then.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie)
    ? fromCookie
    : negotiateLocale((await headers()).get("accept-language"));
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: companyTimeZone() };
});
