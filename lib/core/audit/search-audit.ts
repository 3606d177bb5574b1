import { z } from "zod";
import { noHostileText } from "@/lib/core/api/rules/no-hostile-text";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const auditFilterSchema = z.object({
  actor: z
    .string()
    .trim()
    .max(100)
    .refine(...noHostileText)
    .optional(),
  action: z
    .string()
    .trim()
    .max(100)
    .refine(...noHostileText)
    .optional(),
  target: z
    .string()
    .trim()
    .max(100)
    .refine(...noHostileText)
    .optional(),
  from: z.iso
    .date()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  to: z.iso
    .date()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export async function searchAudit(filter: AuditFilter) {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor)
    and.push({
      OR: [
        { actorName: { contains: filter.actor, mode: "insensitive" } },
        { actorId: filter.actor },
      ],
    });
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.target) and.push({ OR: [{ targetType: filter.target }, { targetId: filter.target }] });
  if (filter.from) and.push({ createdAt: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to)
    and.push({ createdAt: { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } });
  const where: Prisma.AuditLogWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
