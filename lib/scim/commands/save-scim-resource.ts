import type { Prisma } from "@/lib/core/db";

export type SaveScimResourceInput = {
  connectionId: string;
  type: "User" | "Group";
  /** The locked row being replaced or patched; null creates one. */
  existing: { id: string; version: number } | null;
  /** A new resource's HR key (employee number, unit code); an existing one keeps its own. */
  hrKey: string;
  /** The lower-cased userName or displayName (unique per client). */
  nameKey: string;
  externalId: string | undefined;
  /** The stored SCIM resource. */
  data: object;
};

/** Stores a SCIM user or group: a new row, or the next version (its ETag) of the existing one. */
export async function saveScimResource(tx: Prisma.TransactionClient, input: SaveScimResourceInput) {
  const fields = {
    nameKey: input.nameKey,
    externalId: input.externalId ?? null,
    data: input.data as unknown as Prisma.InputJsonValue,
  };
  return input.existing
    ? tx.scimResource.update({
        where: { id: input.existing.id },
        data: { ...fields, version: input.existing.version + 1 },
      })
    : tx.scimResource.create({
        data: {
          ...fields,
          connectionId: input.connectionId,
          type: input.type,
          hrKey: input.hrKey,
        },
      });
}
