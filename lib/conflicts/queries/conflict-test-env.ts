// Shared by the conflict integration tests (queries/conflict-queue, engine/apply-conflict-resolution).
import type { Actor } from "@/lib/core/audit/record-audit";
import type { SendResolvedEvent } from "../commands/resolve-conflicts";

export const db = async () => (await import("@/lib/core/db")).db;
export const actor: Actor = { type: "user", id: "user-it", name: "陈志强", ip: "127.0.0.1" };

/** A `send` for resolve commands that keeps what it was asked to send. */
export function recorder() {
  const sent: { name: string; data: { conflictId: string; resolvedBy: string }; id: string }[] = [];
  const send: SendResolvedEvent = async (name, data, id) => void sent.push({ name, data, id });
  return { sent, send };
}
