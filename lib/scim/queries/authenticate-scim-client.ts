import { db } from "@/lib/core/db";
import { hashesEqual } from "@/lib/tokens/rules/token-format";
import type { ScimConnectionRef } from "../commands/write-scim-user";
import { scimTokenHash } from "../rules/scim-token";
import { ScimError } from "../scim-error";
import type { ScimConnectionConfig } from "../types";

const refused = () =>
  new ScimError(
    401,
    undefined,
    "Send the SCIM connection's token as 'Authorization: Bearer obscim_…'.",
  );

/**
 * The SCIM_INBOUND connection a request's bearer token belongs to. Missing, malformed, unknown or
 * rotated-away tokens and disabled connections all get the same 401, so a caller learns nothing.
 */
export async function authenticateScimClient(
  authorization: string | null,
): Promise<ScimConnectionRef> {
  const raw = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const hash = raw ? scimTokenHash(raw) : null;
  if (!hash) throw refused();
  const row = await db.connection.findFirst({
    where: { kind: "SCIM_INBOUND", config: { path: ["tokenHash"], equals: hash } },
    select: { id: true, name: true, enabled: true, config: true },
  });
  const config = row?.config as ScimConnectionConfig | undefined;
  if (!row || !config || !row.enabled || !hashesEqual(config.tokenHash, hash)) throw refused();
  return { id: row.id, name: row.name, config };
}
