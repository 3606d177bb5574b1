import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Tables are constants of this module's callers, never input. */
export type ParentChild = {
  parent: string;
  child: string;
  /** The child's column naming its parent (index-backed). */
  childFk: string;
  /** SQL condition on the parent's columns (qualified with `p.`) selecting prunable parents; $1 is the cutoff. */
  prunable: string;
};

/**
 * One batch of a parent kind whose rows own many child rows (a run's steps, a delivery's
 * attempts): picks up to batchSize/5 prunable parents, deletes at most batchSize of their
 * children, and only when none are left deletes the parents themselves, so no statement
 * touches more than batchSize rows however many children a parent has. Returns rows removed.
 */
export async function deleteChildrenThenParents(
  tx: Tx,
  spec: ParentChild,
  cutoffParam: unknown,
  batchSize: number,
): Promise<number> {
  const parents = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT p.id FROM "${spec.parent}" p WHERE ${spec.prunable} LIMIT $2`,
    cutoffParam,
    Math.max(1, Math.floor(batchSize / 5)),
  );
  if (parents.length === 0) return 0;
  const ids = parents.map((p) => p.id);
  const children = await tx.$executeRawUnsafe(
    `DELETE FROM "${spec.child}" WHERE id IN (
       SELECT id FROM "${spec.child}" WHERE "${spec.childFk}" = ANY($1::text[]) LIMIT $2)`,
    ids,
    batchSize,
  );
  // More children than one statement may take: the next batch picks these parents up again.
  if (children >= batchSize) return children;
  // The condition again on the row deleted, so a parent that came back to life in between stays.
  const removed = await tx.$executeRawUnsafe(
    `DELETE FROM "${spec.parent}" p WHERE p.id = ANY($2::text[]) AND ${spec.prunable}`,
    cutoffParam,
    ids,
  );
  return children + removed;
}
