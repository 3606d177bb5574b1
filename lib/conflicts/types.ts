// Conflict shapes. Each maps 1:1 onto a SyncConflict row: type, fingerprint,
// subjectType, subjectKey, hrValue (Json), imValue (Json), detail.

import type { AccountField, GroupRef } from "@/lib/sync/shared-types";

export type ContactField = "email" | "mobile";

/** Why a manager is not on this IM target: not in HR, left, unit not synced here, or no account (yet). */
export type ManagerOutOfScopeReason = "not_in_hr" | "terminated" | "not_synced" | "no_account";

/** Per conflict type: what the subject is, and what HR and IM each say. */
export type ConflictShapes = {
  im_group_renamed: {
    subjectType: "im_group";
    hr: { unitCode: string; name: string };
    im: { name: string; lastSyncedName: string };
  };
  im_group_moved: {
    subjectType: "im_group";
    hr: { unitCode: string; parent: GroupRef | null };
    im: { parentExternalId: string | null; lastSyncedParentExternalId: string | null };
  };
  account_owned_by_other: {
    subjectType: "employee";
    /** linkedImUserId is set when the employee already has an account and an update is blocked. */
    hr: {
      employeeNo: string;
      email?: string;
      mobile?: string;
      proposedImUserId: string;
      linkedImUserId?: string;
    };
    im: {
      owners: { imUserId: string; name: string; matchedOn: ("email" | "mobile" | "imUserId")[] }[];
    };
  };
  duplicate_contact: {
    subjectType: "contact";
    hr: { field: ContactField; value: string; employeeNos: string[] };
    im: null;
  };
  unmapped_unit: {
    subjectType: "org_unit";
    hr: {
      unitCode: string;
      reason: "no_mapping" | "inactive" | "no_unit";
      employeeCount: number;
      sample: string[];
    };
    im: null;
  };
  both_changed: {
    subjectType: "employee";
    hr: { employeeNo: string; field: AccountField; value: string };
    im: { imUserId: string; value: string };
  };
  orphan_im_user: {
    subjectType: "im_user";
    hr: null;
    im: { imUserId: string; name: string; email?: string; mobile?: string };
  };
  mapping_group_deleted: {
    subjectType: "mapping";
    hr: { orgUnitCode: string };
    im: { imGroupExternalId: string | null };
  };
  depth_exceeded: {
    subjectType: "org_unit";
    hr: { unitCode: string; depth: number; maxDepth: number };
    im: null;
  };
  invalid_group_name: {
    subjectType: "org_unit";
    hr: { unitCode: string; template: string; error: string };
    im: null;
  };
  group_not_empty: {
    subjectType: "im_group";
    hr: { unitCode: string };
    im: { externalId: string; memberIds: string[]; childGroupIds: string[] };
  };
  manager_cycle: {
    subjectType: "employee";
    /** cycle: the loop in chain order, starting with the employee. */
    hr: { employeeNo: string; managerNo: string; cycle: string[] };
    im: null;
  };
  manager_out_of_scope: {
    subjectType: "employee";
    hr: { employeeNo: string; managerNo: string; reason: ManagerOutOfScopeReason };
    im: null;
  };
  deletion_threshold: {
    subjectType: "sync_run";
    hr: { destructive: number; limit: number; managedAccounts: number };
    im: null;
  };
};

export type ConflictType = keyof ConflictShapes;

export type Conflict<T extends ConflictType = ConflictType> = {
  [K in T]: {
    /** Conflict kind (SyncConflict.type). */
    type: K;
    /** Stable hash of scope + type + subject (SyncConflict.fingerprint). */
    fingerprint: string;
    /** What the conflict is about (SyncConflict.subjectType). */
    subjectType: ConflictShapes[K]["subjectType"];
    /** Which one (SyncConflict.subjectKey). */
    subjectKey: string;
    /** HR's side (SyncConflict.hrValue). */
    hrValue: ConflictShapes[K]["hr"];
    /** IM's side (SyncConflict.imValue). */
    imValue: ConflictShapes[K]["im"];
    /** One English sentence for the queue (SyncConflict.detail). */
    detail: string;
  };
}[T];

export type Resolution =
  | { kind: "keep_hr" }
  | { kind: "keep_im" }
  | { kind: "custom"; value: unknown }
  | { kind: "ignore" };
