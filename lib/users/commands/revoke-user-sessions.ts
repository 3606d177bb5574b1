import type { Prisma } from "@/lib/generated/prisma/client";

/** Ends every open session of a user (inside the caller's transaction); returns how many. */
export async function revokeUserSessions(
  tx: Pick<Prisma.TransactionClient, "userSession">,
  userId: string,
  reason: string,
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}
