import { db } from "@/lib/core/db";
import type { ScimResourceRow } from "../rules/render-scim-resource";
import { ScimError } from "../scim-error";
import type { ScimResourceType } from "../types";

/** One User or Group of a client, or 404 (another client's resource is as unknown as none). */
export async function getScimResource(input: {
  connectionId: string;
  type: ScimResourceType;
  id: string;
}): Promise<ScimResourceRow> {
  const row = await db.scimResource.findFirst({
    where: { id: input.id, connectionId: input.connectionId, type: input.type },
  });
  if (!row) throw new ScimError(404, undefined, `No such ${input.type}.`);
  return row;
}
