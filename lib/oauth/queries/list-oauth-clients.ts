import { db } from "@/lib/core/db";

/** OAuth clients for the console list; the secret hash stays omitted. */
export async function listOAuthClients() {
  return db.oAuthClient.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
