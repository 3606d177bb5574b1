import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";

/** Sign-out: the session is closed server-side, so its cookie is worthless even if kept. */
export async function endSession(sessionId: string, opts: { ip?: string | null } = {}) {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      include: { user: { select: { name: true } } },
    });
    if (!session || session.revokedAt) return;
    await tx.userSession.update({
      where: { id: sessionId },
      data: { revokedAt: new Date(), revokedReason: "signed_out" },
    });
    await recordAudit(
      tx,
      { type: "user", id: session.userId, name: session.user.name, ip: opts.ip },
      { action: "user.signed_out", targetType: "user", targetId: session.userId },
    );
  });
}
