import type { ContactField } from "@/lib/conflicts/types";

/**
 * Canonical form used to compare contacts across HR and IM: emails are
 * case-insensitive; mobiles ignore spaces, dashes and parentheses. Empty → "".
 */
export function normalizeContact(field: ContactField, value: string | undefined): string {
  if (!value) return "";
  const trimmed = value.trim();
  if (field === "email") return trimmed.toLowerCase();
  return trimmed.replace(/[\s\-()]/g, "");
}
