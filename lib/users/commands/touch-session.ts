import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { sessionState } from "@/lib/users/rules/session-state";

// lastSeenAt is written at most this often: a page load makes several session reads.
const TOUCH_EVERY_MS = 60_000;

/**
 * The user id of a session that may still be used, marking its use; null when it
 * was signed out or revoked, or has passed the idle or absolute timeout (then it
 * is closed for good, so later activity cannot revive it).
 */
export async function touchSession(sessionId: string, now = new Date()): Promise<string | null> {
  const session = await db.userSession.findUnique({ where: { id: sessionId } });
  if (!session) return null;
  const state = sessionState(session, now, env().SESSION_IDLE_MINUTES * 60_000);
  if (state === "revoked") return null;
  if (state !== "active") {
    await db.userSession.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now, revokedReason: state },
    });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return session.userId;
}
