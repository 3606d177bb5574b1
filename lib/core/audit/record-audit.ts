import type { Prisma } from "@/lib/generated/prisma/client";

export type Actor = {
  /** user (SSO), token (API token), client (OAuth client), system (jobs) or connection (a client such as SCIM pushing to its connection). */
  type: "user" | "token" | "client" | "system" | "connection";
  id: string;
  name?: string | null;
  ip?: string | null;
};

export type AuditEntry = {
  /** Verb in domain words, e.g. "token.created", "mapping.updated". */
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

// Names that hold credentials. Plain "key" (a category key, an idempotency key) is an identifier, not a secret.
const SECRET_KEYS =
  /secret|password|token$|hash|cipher|(api|private|signing|access|event|encryption|app)_?key$/i;

/** Drops secret-looking fields so the audit log never stores what it must not show. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : redact(v)]),
    );
  }
  return typeof value === "bigint" ? value.toString() : value;
}

/** Writes one audit row. Call it inside the same transaction as the write it describes. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name ?? null,
      ip: actor.ip ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before:
        entry.before === undefined ? undefined : (redact(entry.before) as Prisma.InputJsonValue),
      after: entry.after === undefined ? undefined : (redact(entry.after) as Prisma.InputJsonValue),
    },
  });
}
