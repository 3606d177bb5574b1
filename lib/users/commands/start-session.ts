import { randomBytes } from "node:crypto";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";

/** Records a new console sign-in; its id goes into the session cookie. */
export async function startSession(
  userId: string,
  opts: { ip?: string | null; now?: Date } = {},
): Promise<string> {
  const now = opts.now ?? new Date();
  const id = randomBytes(24).toString("base64url");
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3600_000),
      ip: opts.ip ?? null,
    },
  });
  return id;
}
