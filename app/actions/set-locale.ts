"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/i18n/locales";

const setLocaleSchema = z.enum(locales);

/** Remembers the chosen UI language for a year. Not audited: a per-browser preference, not a business write. */
export async function setLocaleAction(locale: string) {
  const parsed = setLocaleSchema.parse(locale);
  (await cookies()).set(LOCALE_COOKIE, parsed, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
}
