import type { Actor } from "@/lib/core/audit/record-audit";
import { db, type Prisma } from "@/lib/core/db";

export type { Actor };

/**
 * The second argument of every command: who acts (audited) and, optionally, a transaction the
 * caller already holds. The actor type widens where a command needs more about the caller
 * (setPreference needs the employee the sign-in is linked to).
 */
export type CommandContext<A extends Actor = Actor> = {
  actor: A;
  /** Run inside this transaction instead of opening one; the caller commits or rolls back. */
  tx?: Prisma.TransactionClient;
};

type TransactionOptions = { maxWait?: number; timeout?: number };

/** Runs `fn` in the caller's transaction when the context carries one, else in a new one. */
export function inTransaction<T>(
  ctx: Pick<CommandContext, "tx">,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return ctx.tx ? fn(ctx.tx) : db.$transaction(fn, options);
}

/**
 * For commands that start work after their commit (events, delivery runs): inside a caller's
 * transaction that work would start before the caller commits and could find nothing, so such a
 * command refuses a `tx` outright rather than ignoring it.
 */
export function ownTransactionOnly(ctx: Pick<CommandContext, "tx">, command: string): void {
  if (ctx.tx)
    throw new Error(
      `${command} starts work after its own commit and cannot run inside a caller's transaction.`,
    );
}
