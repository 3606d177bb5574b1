/** Webhook ids named in a batched run's trigger before the rest is only counted (SyncRun.trigger stays short). */
const NAMED_IDS = 5;

export type TargetChange = {
  employeeNos: string[];
  webhookId: string;
  /** The employees were queued for the target (SyncPending): they come from the drain, not from here. */
  pending?: boolean;
};

/**
 * A burst of HR changes for one IM target as one scoped sync: the union of the affected
 * employees (each once, first-seen order) and a trigger that still names the HR events —
 * `hr-webhook:<id>` for one, `hr-webhook:<id>,<id>,…+N` for a batch — so the run stays traceable.
 *
 * Employees of `pending` changes are taken from `drained` (everyone queued for the target, whichever
 * batch queued them) rather than from the change. `run` is false when there is nothing left to do:
 * every change was pending and named someone, and an earlier run already drained them all. A change
 * naming nobody (an org unit with no one under it) still runs, for the groups.
 */
export function coalesceTargetChanges(
  changes: TargetChange[],
  drained: string[] = [],
): { employeeNos: string[]; trigger: string; run: boolean } {
  const employeeNos = [
    ...new Set([...changes.flatMap((c) => (c.pending ? [] : c.employeeNos)), ...drained]),
  ];
  const ids = [...new Set(changes.map((c) => c.webhookId))];
  const rest = ids.length - NAMED_IDS;
  const trigger = `hr-webhook:${ids.slice(0, NAMED_IDS).join(",")}${rest > 0 ? `,+${rest}` : ""}`;
  const run = employeeNos.length > 0 || changes.some((c) => c.employeeNos.length === 0);
  return { employeeNos, trigger, run };
}
