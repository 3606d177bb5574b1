import { db } from "@/lib/core/db";
import { conflictFingerprint } from "@/lib/conflicts/rules/conflict-fingerprint";
import type { SourceClaim } from "../hr-directory-types";

export const SOURCE_CLAIM_CONFLICT = "source_claim";

/**
 * Records each claim as an open sync conflict (type `source_claim`), one per claimant source and
 * subject: a repeat counts one more occurrence; an ignored or resolved one stays so.
 */
export async function recordSourceClaims(claims: SourceClaim[]): Promise<void> {
  for (const c of claims) {
    const fingerprint = conflictFingerprint({
      scope: c.claimantConnectionId,
      type: SOURCE_CLAIM_CONFLICT,
      subjectType: c.subjectType,
      subjectKey: c.subjectKey,
    });
    const detail =
      c.via === "email"
        ? `The e-mail of ${c.subjectKey} belongs to ${c.ownedKey}, owned by another HR source.`
        : `${c.subjectKey} is owned by another HR source; this source's record was not applied.`;
    const value = {
      via: c.via,
      ownedKey: c.ownedKey,
      ownerConnectionId: c.ownerConnectionId,
      claimantConnectionId: c.claimantConnectionId,
    };
    await db.syncConflict.upsert({
      where: { fingerprint },
      create: {
        fingerprint,
        type: SOURCE_CLAIM_CONFLICT,
        connectionId: c.claimantConnectionId,
        subjectType: c.subjectType,
        subjectKey: c.subjectKey,
        hrValue: value,
        detail,
      },
      update: { occurrences: { increment: 1 }, lastSeenAt: new Date(), hrValue: value, detail },
    });
  }
}
