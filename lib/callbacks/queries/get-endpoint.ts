import { db } from "@/lib/core/db";
import { disabledKind } from "../rules/disabled-kind";

/** One endpoint as the console shows and edits it; the secrets themselves never leave the server. */
export async function getEndpoint(id: string) {
  const endpoint = await db.callbackEndpoint.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      url: true,
      description: true,
      eventTypes: true,
      enabled: true,
      disabledReason: true,
      disabledKind: true,
      rateLimitPerSecond: true,
      headers: true,
      maxRetries: true,
      retrySchedule: true,
      allowPrivate: true,
      failingSince: true,
      previousSecretCipher: true,
      previousSecretExpiresAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!endpoint) return null;
  const { previousSecretCipher, headers, ...rest } = endpoint;
  const now = Date.now();
  return {
    ...rest,
    /** Custom header values are write-only (stored sealed); the console only sees the names. */
    headerNames:
      headers && typeof headers === "object" && !Array.isArray(headers) ? Object.keys(headers) : [],
    disabledKind: disabledKind(endpoint),
    /** The rotated-out secret still signs (until previousSecretExpiresAt, or indefinitely when that is null). */
    previousSecretActive:
      !!previousSecretCipher &&
      (!endpoint.previousSecretExpiresAt || endpoint.previousSecretExpiresAt.getTime() > now),
  };
}

export type EndpointDetail = NonNullable<Awaited<ReturnType<typeof getEndpoint>>>;
