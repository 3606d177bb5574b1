/** Webhook ids named in a batched run's trigger before the rest is only counted (SyncRun.trigger stays short). */
const NAMED_IDS = 5;

export type TargetChange = { employeeNos: string[]; webhookId: string };

/**
 * A burst of HR changes for one IM target as one scoped sync: the union of the affected
 * employees (each once, first-seen order) and a trigger that still names the HR events —
 * `hr-webhook:<id>` for one, `hr-webhook:<id>,<id>,…+N` for a batch — so the run stays traceable.
 */
export function coalesceTargetChanges(changes: TargetChange[]): {
  employeeNos: string[];
  trigger: string;
} {
  const employeeNos = [...new Set(changes.flatMap((c) => c.employeeNos))];
  const ids = [...new Set(changes.map((c) => c.webhookId))];
  const rest = ids.length - NAMED_IDS;
  const trigger = `hr-webhook:${ids.slice(0, NAMED_IDS).join(",")}${rest > 0 ? `,+${rest}` : ""}`;
  return { employeeNos, trigger };
}
