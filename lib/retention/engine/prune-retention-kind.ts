import type { RetentionKind } from "../retention-kinds";
import { getRetentionSettings } from "../queries/get-retention-settings";
import { pruneKind, type PruneResult } from "./prune-kind";

/** What the nightly job's step for one kind calls: the retention in force, one budget's worth of batches. */
export async function pruneRetentionKind(kind: RetentionKind): Promise<PruneResult> {
  const { kinds } = await getRetentionSettings();
  const days = kinds.find((k) => k.kind === kind)?.days;
  if (days === undefined) throw new Error(`No retention is declared for ${kind}`);
  return pruneKind({ kind, days });
}
