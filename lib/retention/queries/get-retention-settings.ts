import { db } from "@/lib/core/db";
import { envSection } from "@/lib/core/env";
import { RETENTION_SETTING_KEY } from "../retention-kinds";
import { effectiveRetention, type EffectiveRetention } from "../rules/effective-retention";

/** Each kind's default, the admin's value and the one in force, with who changed them last. */
export async function getRetentionSettings(): Promise<{
  kinds: EffectiveRetention[];
  updatedAt: Date | null;
  updatedBy: string | null;
}> {
  const row = await db.setting.findUnique({ where: { key: RETENTION_SETTING_KEY } });
  return {
    kinds: effectiveRetention(row?.value, envSection("company").API_LOG_RETENTION_DAYS),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}
