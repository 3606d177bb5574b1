import { normalizeContact } from "./normalize-contact";
import type { AccountField } from "../types";

/** Comparable form of an account field value; missing and blank are the same. */
export function normalizeField(field: AccountField, value: string | undefined): string {
  if (field === "email" || field === "mobile") return normalizeContact(field, value);
  return (value ?? "").trim();
}
