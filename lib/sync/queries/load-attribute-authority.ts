import { db } from "@/lib/core/db";
import {
  AUTHORITY_FIELDS,
  AUTHORITY_MODES,
  DEFAULT_AUTHORITY,
  type AttributeAuthority,
  type AuthorityMode,
} from "../attribute-authority-schema";

/** The Setting row holding one IM target connection's field authority. */
export const authoritySettingKey = (connectionId: string) => `sync.authority.${connectionId}`;

/** One connection's field authority over the defaults (HR wins); an unreadable stored value falls back per field. */
export async function loadAttributeAuthority(connectionId: string): Promise<AttributeAuthority> {
  const row = await db.setting.findUnique({ where: { key: authoritySettingKey(connectionId) } });
  const stored = (row?.value ?? {}) as Record<string, unknown>;
  const out: AttributeAuthority = { ...DEFAULT_AUTHORITY };
  for (const field of AUTHORITY_FIELDS) {
    const v = stored[field];
    if (typeof v === "string" && (AUTHORITY_MODES as readonly string[]).includes(v))
      (out as Record<string, AuthorityMode>)[field] = v as AuthorityMode;
  }
  return out;
}
