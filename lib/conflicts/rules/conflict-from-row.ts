import type { Conflict, Resolution } from "@/lib/conflicts/types";
import type { ResolutionKind } from "../conflict-queue-schemas";

type ConflictRowLike = {
  type: string;
  fingerprint: string;
  subjectType: string;
  subjectKey: string;
  hrValue: unknown;
  imValue: unknown;
  detail: string | null;
};

/** A SyncConflict row read back as the conflict the planner detected (types.ts maps 1:1 onto the row). */
export function conflictFromRow(row: ConflictRowLike): Conflict {
  return {
    type: row.type,
    fingerprint: row.fingerprint,
    subjectType: row.subjectType,
    subjectKey: row.subjectKey,
    hrValue: row.hrValue ?? null,
    imValue: row.imValue ?? null,
    detail: row.detail ?? "",
  } as Conflict;
}

/** The stored resolution (enum + customValue) as lib/conflicts' Resolution. */
export function resolutionFromRow(resolution: ResolutionKind, customValue: unknown): Resolution {
  switch (resolution) {
    case "KEEP_HR":
      return { kind: "keep_hr" };
    case "KEEP_IM":
      return { kind: "keep_im" };
    case "CUSTOM":
      return { kind: "custom", value: customValue };
    case "IGNORE":
      return { kind: "ignore" };
  }
}
