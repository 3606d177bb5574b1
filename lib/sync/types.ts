// Plain input/output types of the sync planner. No Prisma types here: the Inngest
// function maps rows to these so the planner stays pure and testable.

import type { Conflict } from "@/lib/conflicts/types";
import type { HrTransfer, PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import type { AttributeAuthority } from "@/lib/sync/attribute-authority-schema";
import type { AccountState, ChangeOp, PlannedChange } from "@/lib/sync/planned-change-types";
import type { AccountField, GroupRef } from "@/lib/sync/shared-types";
import type { TraceEntry } from "@/lib/sync/rules/provision-trace-types";

export type { AccountField, GroupRef } from "@/lib/sync/shared-types";

// ─── HR state (source of truth) ─────────────────────────────────────────────

export type HrUnit = {
  /** Stable HR department code. */
  code: string;
  /** Display name in the company's main language. */
  name: string;
  /** English name, if HR has one. */
  nameEn?: string;
  /** Parent department code; absent for a top-level unit. */
  parentCode?: string;
  /** False once HR has closed the department. */
  active: boolean;
};

export type EmployeeStatus = "onboarding" | "active" | "on_leave" | "terminated";

export type HrEmployee = {
  /** Employee number (工号), the join key with IM accounts. */
  employeeNo: string;
  /** Display name. */
  name: string;
  /** Work email. */
  email?: string;
  /** Mobile number, ideally E.164. */
  mobile?: string;
  /** Job title. */
  title?: string;
  /** Job grade or level ("M3", "P7"): privacy rules may match it; never written to the IM. */
  grade?: string;
  /** Code of the org unit the employee belongs to. */
  unitCode?: string;
  /** HR employment status. */
  status: EmployeeStatus;
  /** First working day, a company-calendar date "YYYY-MM-DD". */
  hireDate?: string;
  /** Last working day, a company-calendar date "YYYY-MM-DD". */
  terminationDate?: string;
  /** HR's reason code for the termination, keyed into the lifecycle config. */
  terminationReason?: string;
  /** The employee's IANA zone: hire and termination dates are days on this wall clock. */
  timeZone?: string;
  /** Employee number of the direct manager. */
  managerNo?: string;
  /** A transfer HR has scheduled: from its day on, the planner treats its unit (and title) as current. */
  transfer?: HrTransfer;
};

export type HrState = {
  /** The full HR directory of units (not a delta). */
  units: HrUnit[];
  /** The full HR directory of employees (not a delta). */
  employees: HrEmployee[];
};

// ─── IM state (as read by the IM connector) ─────────────────────────────────

export type ImGroupState = {
  /** The IM platform's id of the department or group chat. */
  externalId: string;
  /** Current name in IM. */
  name: string;
  /** Parent group id; absent at top level (the connector strips the platform's root). */
  parentExternalId?: string;
};

export type ImUserState = {
  /** The IM platform's user id. */
  imUserId: string;
  /** Display name in IM. */
  name: string;
  /** Email in IM. */
  email?: string;
  /** Mobile in IM. */
  mobile?: string;
  /** Groups the user is a member of. */
  groupIds: string[];
  /** False when disabled/suspended in IM. */
  enabled: boolean;
  /** IM user id of the user's manager ("" = none); absent = the IM did not say (compared with memory alone). */
  managerId?: string;
};

export type ImState = {
  /** All groups visible to the connector. */
  groups: ImGroupState[];
  /** All users visible to the connector (a scoped run: only its employees' users). */
  users: ImUserState[];
  /**
   * A scoped run's view of who else is in which group (every IM user's memberships, from the cheap
   * listing), so a group is not deleted while people outside the scope are still in it. A full run
   * leaves it out: `users` already holds everyone.
   */
  memberships?: ImMembership[];
};

/** One IM user's group memberships, without the rest of the record. */
export type ImMembership = { imUserId: string; groupIds: string[] };

// ─── What OrgBridge remembers from earlier runs ─────────────────────────────

export type GroupMemory = {
  /** IM group id. */
  externalId: string;
  /** The IM name OrgBridge last wrote or accepted. */
  name: string;
  /** The IM parent OrgBridge last wrote or accepted; absent = top level. */
  parentExternalId?: string;
  /** The HR-rendered name at that time, when an IM name was accepted over it (keep IM); defaults to `name`. */
  hrName?: string;
  /** The HR-derived parent at that time, when an IM parent was accepted over it; defaults to `parentExternalId`. */
  hrParentExternalId?: string;
};

export type AccountMemory = {
  /** HR employee number. */
  employeeNo: string;
  /** IM user id linked to the employee. */
  imUserId: string;
  /** Account state as OrgBridge last recorded it. */
  state: AccountState;
  /** Per-field hashes of the values last synced (see encode-synced-hash.ts). */
  syncedHash?: string;
  /** When the account was disabled (ISO instant), the start of the delete grace period. */
  disabledAt?: string;
};

export type UnitGroupMemory = {
  /** HR org unit code. */
  orgUnitCode: string;
  /** IM group OrgBridge created (MIRROR) for that unit. */
  externalId: string;
};

export type SyncMemory = {
  /** Last synced state of groups OrgBridge manages. */
  groups: GroupMemory[];
  /** Employee ↔ IM user links. */
  accounts: AccountMemory[];
  /** Org unit → mirrored IM group. */
  unitGroups: UnitGroupMemory[];
};

// ─── Mappings ───────────────────────────────────────────────────────────────

export type MappingMode = "MIRROR" | "LINK" | "EXCLUDE";

export type Mapping = {
  /** The HR unit the mapping is attached to. */
  orgUnitCode: string;
  /** MIRROR creates and maintains a group; LINK attaches to an existing one; EXCLUDE stops sync. */
  mode: MappingMode;
  /** Existing IM group for LINK. */
  imGroupExternalId?: string;
  /** Whether descendants without their own mapping inherit this one. */
  includeDescendants: boolean;
  /** Group name template, e.g. "{name}" or "{code}-{name}". */
  namingTemplate: string;
};

// ─── Options ────────────────────────────────────────────────────────────────

export type TerminationTiming = "immediate" | "end_of_day";

export type LifecycleConfig = {
  /** Create the account this many days before the hire date (0 = on the day). */
  createBeforeStartDays: number;
  /** On leave: keep the account enabled, or suspend it. */
  onLeave: "keep" | "suspend";
  /** When a termination takes effect, by HR reason code. */
  termination: {
    /** Timing per termination reason code. */
    byReason: Record<string, TerminationTiming>;
    /** Timing for reasons not listed (and for missing reasons). */
    default: TerminationTiming;
  };
  /** Delete disabled accounts this many days after disabling; null = never delete. */
  deleteAfterDays: number | null;
  /** A last working day HR sends before the termination is scheduled once it is this many days away. */
  terminationLookAheadDays: number;
};

export type SafetyThreshold = {
  /** Trip when disables+deletes exceed this percentage of managed accounts (default 10). */
  percent: number;
  /** Trip when disables+deletes exceed this count (default 50). */
  absolute: number;
};

export type ImCapabilities = {
  /** The platform has a department tree (WeCom, Feishu, DingTalk). */
  departments: boolean;
  /** The platform has flat group chats/channels (used when there are no departments). */
  groupChats: boolean;
  /** Deepest allowed department level; a top-level department is level 1. */
  maxDepth: number;
  /** Accounts can be held disabled (pre-boarding); absent = yes. Without it hires are created on day one. */
  canDisableUser?: boolean;
  /** The platform stores a user's manager (WeCom direct_leader, …); absent = no, and no manager is written. */
  managerField?: boolean;
};

export type GroupNameRules = {
  /** Longest allowed name, counted in Unicode code points. */
  maxLength: number;
  /** Characters the platform rejects in a name. */
  forbiddenChars: string;
};

export type PlanOptions = {
  /** Account lifecycle rules. */
  lifecycle: LifecycleConfig;
  /** Mass-disable guard. */
  safety: SafetyThreshold;
  /** The planning instant; all date arithmetic is relative to it. */
  now: Date;
  /** Company IANA time zone for hire/termination dates, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** What the IM platform supports. */
  capabilities: ImCapabilities;
  /** Group name limits; defaults to WeCom's (see render-group-name.ts). */
  nameRules?: GroupNameRules;
  /** Mixed into every conflict fingerprint (e.g. the connection id), since fingerprints are globally unique. */
  fingerprintScope?: string;
  /**
   * Live managed accounts of the whole connection, when the input holds only some employees (incremental
   * sync): the safety threshold's percentage is of the company, not of the few accounts being planned.
   */
  managedAccountsTotal?: number;
  /** Which system owns each person field on this connection; absent = HR wins everywhere. */
  authority?: AttributeAuthority;
  /** Directory privacy rules and what the target platform can honour of them. */
  privacy?: { rules: PrivacyRule[]; capability: PrivacyCapability };
  /** Explain every HR employee's plan (provision on demand): fills `SyncPlan.traces`. */
  trace?: boolean;
};

export type PlanInput = {
  /** Full HR directory. */
  hr: HrState;
  /** Full IM directory as read now. */
  im: ImState;
  /** What OrgBridge remembers. */
  memory: SyncMemory;
  /** All mappings of this IM connection. */
  mappings: Mapping[];
  /** Rules and clock. */
  options: PlanOptions;
  /**
   * Incremental runs: the employees outside the scope that the scoped employees' manager chains name,
   * with their remembered accounts — read to resolve manager references, never planned.
   */
  related?: { employees: HrEmployee[]; accounts: AccountMemory[] };
};

// ─── Output ─────────────────────────────────────────────────────────────────

export type {
  AccountState,
  AccountFieldValues,
  GroupCreateChange,
  GroupRenameChange,
  GroupMoveChange,
  GroupDeleteChange,
  AccountProtection,
  ManagerRef,
  ProtectionSwitches,
  AccountCreateChange,
  AccountUpdateChange,
  AccountMoveChange,
  AccountSuspendChange,
  AccountDisableChange,
  AccountDeleteChange,
  PlannedChange,
  ChangeOp,
} from "@/lib/sync/planned-change-types";

/** Bookkeeping that needs no IM call (IM already matches, or a group was adopted). */
export type MemoryUpdate =
  | { kind: "group"; memory: GroupMemory }
  | { kind: "unitGroup"; orgUnitCode: string; externalId: string }
  | { kind: "forgetGroup"; orgUnitCode: string; externalId: string }
  | {
      kind: "groupAccept";
      externalId: string;
      field: "name" | "parent";
      imValue: string;
      hrValue: string;
    }
  | {
      kind: "account";
      employeeNo: string;
      imUserId: string;
      state?: AccountState;
      syncedHash?: string;
      disabledAt?: string;
    }
  | {
      kind: "accountField";
      employeeNo: string;
      field: AccountField;
      hrValue: string;
      imValue: string;
    };

export type PlanSummary = {
  /** Number of changes per op. */
  counts: Record<ChangeOp, number>;
  /** Total changes. */
  total: number;
  /** Conflicts per type. */
  conflicts: Record<string, number>;
  /** Accounts counted as managed for the threshold (PENDING, ACTIVE, SUSPENDED in memory). */
  managedAccounts: number;
  /** account.disable + account.delete. */
  destructive: number;
  /** The largest destructive count that does not trip: min(absolute, floor(percent% × managed)). */
  destructiveLimit: number;
  /** True when the run must wait for approval. */
  held: boolean;
  /** Units whose parent chain is incomplete (child event before parent); retried next run. */
  deferredUnits: number;
  /** Employees not planned because their unit is deferred or missing. */
  deferredEmployees: number;
};

export type SyncPlan = {
  /** Changes in apply order. */
  changes: PlannedChange[];
  /** Memory-only updates, applied with or without the changes. */
  memoryUpdates: MemoryUpdate[];
  /** Conflicts, sorted by type then subject. */
  conflicts: Conflict[];
  summary: PlanSummary;
  /** With `options.trace`: per HR employee, the rules applied (see build-provision-trace.ts). */
  traces?: { employeeNo: string; trace: TraceEntry[] }[];
};
