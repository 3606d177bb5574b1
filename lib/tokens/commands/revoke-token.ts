import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";

export async function revokeToken(id: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token) throw notFound("Token");
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id }, data: { revokedAt } });
    await recordAudit(tx, actor, {
      action: "token.revoked",
      targetType: "api_token",
      targetId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
  });
}
