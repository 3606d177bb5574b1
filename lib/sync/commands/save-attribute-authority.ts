import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { canEdit, type Role } from "@/lib/core/auth/permissions";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { forbiddenError, invalid, notFound } from "@/lib/core/errors";
import {
  attributeAuthoritySchema,
  type AttributeAuthority,
  type AttributeAuthorityInput,
} from "../attribute-authority-schema";
import { authoritySettingKey } from "../queries/load-attribute-authority";

export type AuthorityActor = Actor & { roles: readonly Role[] };

/** Stores which system owns each person field on one IM target connection, audited with before and after. */
export async function saveAttributeAuthority(
  raw: AttributeAuthorityInput,
  ctx: CommandContext<AuthorityActor>,
): Promise<AttributeAuthority> {
  if (!canEdit(ctx.actor.roles, "sync"))
    throw forbiddenError("Only an IT admin may change which system owns a field.");
  const { connectionId, ...authority } = attributeAuthoritySchema.parse(raw);
  const key = authoritySettingKey(connectionId);
  await inTransaction(ctx, async (tx) => {
    const connection = await tx.connection.findUnique({ where: { id: connectionId } });
    if (!connection) throw notFound("Connection");
    if (connection.kind !== "IM_TARGET")
      throw invalid("connectionId", "Field authority applies to IM target connections only.");
    const before = await tx.setting.findUnique({ where: { key } });
    await tx.setting.upsert({
      where: { key },
      create: { key, value: authority, updatedBy: ctx.actor.id },
      update: { value: authority, updatedBy: ctx.actor.id },
    });
    await recordAudit(tx, ctx.actor, {
      action: "sync.authority_updated",
      targetType: "connection",
      targetId: connectionId,
      before: before?.value ?? null,
      after: authority,
    });
  });
  return authority;
}
