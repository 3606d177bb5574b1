import { db } from "@/lib/core/db";
import { privacyRulesSchema, type PrivacyRule } from "../directory-privacy-schema";

/** The Setting row holding the directory privacy rules (one list for every IM target). */
export const PRIVACY_RULES_KEY = "org.directory-privacy";

/**
 * The stored privacy rules. A stored value that no longer parses is an error, not an empty list:
 * silently dropping privacy rules would publish the very contacts they hide.
 */
export async function loadPrivacyRules(): Promise<PrivacyRule[]> {
  const row = await db.setting.findUnique({ where: { key: PRIVACY_RULES_KEY } });
  if (!row) return [];
  return privacyRulesSchema.parse(row.value).rules;
}
