/**
 * The one concurrency limit every sync of an IM target declares (full, dry run, incremental):
 * env-scoped, so the engine shares the key's single slot across functions and a full and an
 * incremental sync of one target never run at once; other targets proceed side by side.
 */
export const imTargetExclusive = {
  scope: "env",
  key: '"im-target:" + event.data.connectionId',
  limit: 1,
} as const;
