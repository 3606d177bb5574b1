import type { ConflictRow } from "../conflict-queue-schemas";

type StoredConflict = Omit<
  ConflictRow,
  "connectionName" | "resolvedAt" | "firstSeenAt" | "lastSeenAt"
> & {
  resolvedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/** A stored conflict as the queue and the API show it: plain JSON, its connection named. */
export function conflictRowView(r: StoredConflict, connectionName: string | null): ConflictRow {
  return {
    id: r.id,
    type: r.type,
    connectionId: r.connectionId,
    connectionName,
    runId: r.runId,
    subjectType: r.subjectType,
    subjectKey: r.subjectKey,
    hrValue: r.hrValue,
    imValue: r.imValue,
    detail: r.detail,
    status: r.status,
    resolution: r.resolution,
    note: r.note,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    occurrences: r.occurrences,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  };
}
