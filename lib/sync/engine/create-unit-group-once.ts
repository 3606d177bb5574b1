import type { ImTarget } from "@/lib/connectors";
import { createGroupAdoptingSibling } from "./create-group-adopting-sibling";
import { db } from "@/lib/core/db";
import { saveCreatedGroups } from "./memory-rows";

export type CreateUnitGroupOnceOptions = {
  /** The IM_TARGET connection. */
  connectionId: string;
  /** Its live connector. */
  target: ImTarget;
  /** The org unit the group mirrors. */
  unitCode: string;
  /** The rendered group name. */
  name: string;
  /** The remembered parent group (null: top level). */
  parentExternalId: string | null;
  /** Where the platform puts it: the parent, or the platform root for top-level groups. */
  platformParentId: string | undefined;
};

export type CreateUnitGroupOnceResult = {
  externalId: string;
  /** false: another run had created (or adopted) the unit's group first. */
  created: boolean;
};

// An IM call inside the claim may wait out a rate limit; the claim must outlive it.
const CLAIM_TIMEOUT_MS = 120_000;

/**
 * Creates the IM group of one org unit at most once per IM target, however many runs want it at the same
 * moment (two hires pushed into a new department each run an incremental sync that plans the group).
 * A transaction-scoped advisory lock on (connection, unit) is taken before the IM call; under it the
 * group memory is read again, so a run that waited adopts the group by the external id the first run
 * remembered, and the creator records the group before the lock is released. Platforms that allow
 * sibling groups of one name (Agora Chat) would otherwise end up with two; WeCom would refuse the second
 * create and make the loser list every department to find the first.
 */
export async function createUnitGroupOnce(
  options: CreateUnitGroupOnceOptions,
): Promise<CreateUnitGroupOnceResult> {
  const { connectionId, unitCode } = options;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`im-group:${connectionId}`}), hashtext(${unitCode}))`;
      const known = await tx.imGroup.findFirst({
        where: { connectionId, orgUnitCode: unitCode, deleted: false },
        select: { externalId: true },
      });
      if (known) return { externalId: known.externalId, created: false };
      const externalId = await createGroupAdoptingSibling(
        options.target,
        options.name,
        options.platformParentId,
      );
      await saveCreatedGroups(tx, connectionId, [
        {
          orgUnitCode: unitCode,
          externalId,
          name: options.name,
          parentExternalId: options.parentExternalId,
        },
      ]);
      return { externalId, created: true };
    },
    { timeout: CLAIM_TIMEOUT_MS, maxWait: CLAIM_TIMEOUT_MS },
  );
}
