export type SessionTimes = {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

export type SessionState = "active" | "revoked" | "expired" | "idle";

/** Whether a console session may still be used at `now`, given the idle timeout. */
export function sessionState(session: SessionTimes, now: Date, idleMs: number): SessionState {
  if (session.revokedAt) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMs) return "idle";
  return "active";
}
