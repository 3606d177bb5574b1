import { db } from "@/lib/core/db";

/** Tokens for the console list; the hash column stays omitted. */
export async function listTokens() {
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
