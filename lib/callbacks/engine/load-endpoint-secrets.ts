import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { db } from "@/lib/core/db";
import { decryptEndpointHeaders } from "../commands/endpoints";

/** What signing and sending need from an endpoint, decrypted. */
export type EndpointSecrets = {
  url: string;
  allowPrivate: boolean;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  headers: Record<string, string>;
};

// Keyed by id and updatedAt: any change through the console (URL, secret rotation, headers)
// bumps updatedAt, which every claim reads fresh, so a stale entry is never used.
const cache = new Map<string, { updatedAt: number; value: EndpointSecrets }>();

/** An endpoint whose stored secrets cannot be read (e.g. sealed with a key no longer configured). */
export type UnreadableEndpoint = { unreadable: string };

/**
 * Decrypted URL, secrets and headers of these endpoints, decrypting each version once per process.
 * An endpoint whose secrets cannot be decrypted is reported as unreadable rather than thrown, so it
 * cannot hold up the other endpoints' deliveries of the same batch.
 */
export async function loadEndpointSecrets(
  wanted: readonly { id: string; updatedAt: Date }[],
): Promise<Map<string, EndpointSecrets | UnreadableEndpoint>> {
  const out = new Map<string, EndpointSecrets | UnreadableEndpoint>();
  const missing: string[] = [];
  for (const { id, updatedAt } of wanted) {
    const hit = cache.get(id);
    if (hit && hit.updatedAt === updatedAt.getTime()) out.set(id, hit.value);
    else if (!missing.includes(id)) missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = await db.callbackEndpoint.findMany({
    where: { id: { in: missing } },
    omit: { secretCipher: false, previousSecretCipher: false },
  });
  if (cache.size > 5_000) cache.clear();
  for (const row of rows) {
    let value: EndpointSecrets;
    try {
      value = {
        url: row.url,
        allowPrivate: row.allowPrivate,
        secret: decryptSecrets<string>(row.secretCipher),
        previousSecret: row.previousSecretCipher
          ? decryptSecrets<string>(row.previousSecretCipher)
          : null,
        previousSecretExpiresAt: row.previousSecretExpiresAt,
        headers: decryptEndpointHeaders(row.headers),
      };
    } catch (error) {
      out.set(row.id, { unreadable: (error as Error).message });
      continue;
    }
    cache.set(row.id, { updatedAt: row.updatedAt.getTime(), value });
    out.set(row.id, value);
  }
  return out;
}
