import { z } from "zod";
import { noHostileText } from "@/lib/core/api/rules/no-hostile-text";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const apiLogFilterSchema = z.object({
  route: z
    .string()
    .trim()
    .max(200)
    .refine(...noHostileText)
    .optional(),
  status: z.enum(["", "2xx", "4xx", "5xx"]).optional(),
  token: z
    .string()
    .trim()
    .max(100)
    .refine(...noHostileText)
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ApiLogFilter = z.output<typeof apiLogFilterSchema>;
export const API_LOG_PAGE_SIZE = 50;

export async function searchApiLog(filter: ApiLogFilter) {
  const and: Prisma.ApiRequestLogWhereInput[] = [];
  if (filter.route) and.push({ route: { contains: filter.route } });
  if (filter.status) {
    const base = Number(filter.status[0]) * 100;
    and.push({ status: { gte: base, lt: base + 100 } });
  }
  // The credential filter finds API tokens and OAuth clients alike, by name or public id.
  if (filter.token)
    and.push({
      OR: [
        {
          token: {
            OR: [
              { name: { contains: filter.token, mode: "insensitive" } },
              { prefix: filter.token },
            ],
          },
        },
        {
          oauthClient: {
            OR: [
              { name: { contains: filter.token, mode: "insensitive" } },
              { clientId: filter.token },
            ],
          },
        },
      ],
    });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    db.apiRequestLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * API_LOG_PAGE_SIZE,
      take: API_LOG_PAGE_SIZE,
      include: {
        token: { select: { name: true, prefix: true } },
        oauthClient: { select: { name: true, clientId: true } },
      },
    }),
    db.apiRequestLog.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / API_LOG_PAGE_SIZE)) };
}
