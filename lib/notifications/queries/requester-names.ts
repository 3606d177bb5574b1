import { db } from "@/lib/core/db";

/**
 * Display names for Notification.requestedBy values ("user:<id>", "token:<id>", "system:…"):
 * the user's name or the API token's name; unknown ones stay as stored.
 */
export async function requesterNames(values: string[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(values.filter((v) => v.startsWith(`${type}:`)).map((v) => v.slice(type.length + 1))),
  ];
  const [users, tokens] = await Promise.all([
    ids("user").length
      ? db.user.findMany({
          where: { id: { in: ids("user") } },
          select: { id: true, name: true, email: true },
        })
      : [],
    ids("token").length
      ? db.apiToken.findMany({
          where: { id: { in: ids("token") } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const names = new Map<string, string>();
  for (const u of users) names.set(`user:${u.id}`, u.name ?? u.email ?? u.id);
  for (const t of tokens) names.set(`token:${t.id}`, `API · ${t.name}`);
  return names;
}
