// The planner's output: one type per IM change it can plan (split from types.ts, which re-exports them).

import type { AccountField, GroupRef } from "@/lib/sync/shared-types";

export type AccountState = "PENDING" | "ACTIVE" | "SUSPENDED" | "DISABLED" | "DELETED" | "FAILED";

export type AccountFieldValues = Partial<Record<AccountField, string>>;

export type GroupCreateChange = {
  op: "group.create";
  targetType: "im_group";
  /** Org unit code. */
  targetKey: string;
  before: null;
  after: { unitCode: string; name: string; parent: GroupRef | null };
};

export type GroupRenameChange = {
  op: "group.rename";
  targetType: "im_group";
  targetKey: string;
  before: { externalId: string; name: string };
  /** On success remember `name`, and `hrName` (absent = same as name) as the HR name it stands for. */
  after: { externalId: string; name: string; hrName?: string };
};

export type GroupMoveChange = {
  op: "group.move";
  targetType: "im_group";
  targetKey: string;
  before: { externalId: string; parentExternalId: string | null };
  /** On success remember the parent, and `hrParentExternalId` ("" = top level) when a custom parent was chosen. */
  after: { externalId: string; parent: GroupRef | null; hrParentExternalId?: string };
};

export type GroupDeleteChange = {
  op: "group.delete";
  targetType: "im_group";
  targetKey: string;
  before: { externalId: string; name: string };
  after: null;
};

/** Platform protection switches a privacy rule turns on (only where the platform has them). */
export type AccountProtection = { hideMobile?: true; seniorMode?: true };

/** Protection switches an update flips: true turns one on (a rule now applies), false off (none does any more). */
export type ProtectionSwitches = { hideMobile?: boolean; seniorMode?: boolean };

export type AccountCreateChange = {
  op: "account.create";
  targetType: "im_account";
  /** Employee number. */
  targetKey: string;
  before: null;
  after: {
    imUserId: string;
    fields: AccountFieldValues;
    groups: GroupRef[];
    syncedHash: string;
    /** Pre-boarding: created disabled, enabled when this instant (start of the first day) has come. */
    enableAt?: string;
    protection?: AccountProtection;
  };
};

export type AccountUpdateChange = {
  op: "account.update";
  targetType: "im_account";
  targetKey: string;
  /** IM's values of the fields being changed (enabled included when re-enabling; switches as last written). */
  before: { fields: AccountFieldValues; enabled?: boolean; protection?: ProtectionSwitches };
  /** Only the fields that change; `enabled: true` re-enables (state ACTIVE). Absent syncedHash: keep the stored one. */
  after: {
    imUserId: string;
    fields: AccountFieldValues;
    enabled?: true;
    syncedHash?: string;
    /** Only the switches that flip; the synced hash remembers the switches now on. */
    protection?: ProtectionSwitches;
  };
};

export type AccountMoveChange = {
  op: "account.move";
  targetType: "im_account";
  targetKey: string;
  before: { groupIds: string[] };
  /** Add before remove, so the user is never left without a department. */
  after: { imUserId: string; add: GroupRef[]; remove: string[] };
};

export type AccountSuspendChange = {
  op: "account.suspend";
  targetType: "im_account";
  targetKey: string;
  before: { state: AccountState };
  after: { imUserId: string; state: "SUSPENDED" };
};

export type AccountDisableChange = {
  op: "account.disable";
  targetType: "im_account";
  targetKey: string;
  before: { state: AccountState };
  /** `effectiveAt` later than the plan's `now` means: wait until then (end-of-day terminations). */
  after: { imUserId: string; state: "DISABLED"; effectiveAt: string; reason: string };
};

export type AccountDeleteChange = {
  op: "account.delete";
  targetType: "im_account";
  targetKey: string;
  before: { state: AccountState; disabledAt: string };
  after: { imUserId: string; state: "DELETED" };
};

export type PlannedChange =
  | GroupCreateChange
  | GroupRenameChange
  | GroupMoveChange
  | GroupDeleteChange
  | AccountCreateChange
  | AccountUpdateChange
  | AccountMoveChange
  | AccountSuspendChange
  | AccountDisableChange
  | AccountDeleteChange;

export type ChangeOp = PlannedChange["op"];
