import { conflictFingerprint } from "./conflict-fingerprint";
import type { Conflict, ConflictShapes, ConflictType } from "../types";

const SUBJECT_TYPES: { [K in ConflictType]: ConflictShapes[K]["subjectType"] } = {
  im_group_renamed: "im_group",
  im_group_moved: "im_group",
  account_owned_by_other: "employee",
  duplicate_contact: "contact",
  unmapped_unit: "org_unit",
  both_changed: "employee",
  orphan_im_user: "im_user",
  mapping_group_deleted: "mapping",
  depth_exceeded: "org_unit",
  invalid_group_name: "org_unit",
  group_not_empty: "im_group",
  manager_cycle: "employee",
  manager_out_of_scope: "employee",
  deletion_threshold: "sync_run",
};

export type BuildConflictInput<K extends ConflictType> = {
  /** Conflict kind. */
  type: K;
  /** Which subject (unit code, employee number, IM id, …). */
  subjectKey: string;
  /** HR's side. */
  hrValue: ConflictShapes[K]["hr"];
  /** IM's side. */
  imValue: ConflictShapes[K]["im"];
  /** One English sentence for the queue. */
  detail: string;
  /** Fingerprint scope (connection id). */
  scope?: string;
};

/** Builds a conflict with its subject type and fingerprint filled in. */
export function buildConflict<K extends ConflictType>(input: BuildConflictInput<K>): Conflict<K> {
  const subjectType = SUBJECT_TYPES[input.type];
  return {
    type: input.type,
    fingerprint: conflictFingerprint({
      scope: input.scope,
      type: input.type,
      subjectType,
      subjectKey: input.subjectKey,
    }),
    subjectType,
    subjectKey: input.subjectKey,
    hrValue: input.hrValue,
    imValue: input.imValue,
    detail: input.detail,
  } as Conflict<K>;
}
