/** Whether a Prisma error is a unique-constraint violation (P2002), optionally on a column named `field`. */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const e = err as { code?: string; meta?: unknown; message?: string } | null;
  if (e?.code !== "P2002") return false;
  if (!field) return true;
  // The driver adapter reports the target in meta or only in the message, depending on the path taken.
  return `${JSON.stringify(e.meta ?? {})} ${e.message ?? ""}`.includes(field);
}
