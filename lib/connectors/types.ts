// Connector contracts: what the sync engine and the console call, whatever the platform.

// ─── HR side ────────────────────────────────────────────────────────────────

/** A department as the HR source sees it, normalised. */
export type HrOrgUnit = {
  code: string;
  name: string;
  nameEn?: string;
  parentCode?: string;
  managerNo?: string;
  active: boolean;
  /** Monotonic per record (a version counter or an updated-at in ms): order events by it. */
  version: number;
  /** ISO time the source last changed the record, when it says so. */
  updatedAt?: string;
};

export type HrEmployeeStatus = "onboarding" | "active" | "on_leave" | "terminated";

/** A move HR has decided but that starts later: from `effectiveDate` the employee works in `unitCode`. */
export type HrTransfer = {
  /** The destination org unit. */
  unitCode: string;
  /** First day in the new unit, `YYYY-MM-DD` on the employee's own wall clock. */
  effectiveDate: string;
  /** The title from that day, when it changes with the move. */
  title?: string;
  /** The manager from that day, when it changes with the move. */
  managerNo?: string;
};

/** An employee as the HR source sees it, normalised. Dates are `YYYY-MM-DD`. */
export type HrEmployee = {
  employeeNo: string;
  name: string;
  nameEn?: string;
  email?: string;
  mobile?: string;
  title?: string;
  /** Job grade or level as HR names it ("M3", "P7", "D1"); privacy rules may match it. */
  grade?: string;
  unitCode?: string;
  managerNo?: string;
  status: HrEmployeeStatus;
  hireDate?: string;
  terminationDate?: string;
  terminationReason?: string;
  timeZone?: string;
  locale?: string;
  version: number;
  updatedAt?: string;
  /** A pending transfer; absent when none is scheduled. */
  transfer?: HrTransfer;
};

export type HrListOptions = {
  /** Only records changed at or after this ISO time (incremental sync). */
  updatedSince?: string;
  /** Resume after this page (the `nextCursor` of an earlier page). */
  cursor?: string;
  /** Records per page; the connector caps it at the source's maximum. */
  pageSize?: number;
};

/** One page of records; `nextCursor` undefined means this was the last page. */
export type HrPage<T> = { items: T[]; nextCursor?: string };

/** A change pushed by the HR source (webhook), normalised. At-least-once and unordered: dedupe by id, order by version. */
export type HrChangeEvent =
  | { id: string; type: "employee.changed"; occurredAt: string; data: HrEmployee }
  | { id: string; type: "org_unit.changed"; occurredAt: string; data: HrOrgUnit };

export type HeadersInput = Headers | Record<string, string | string[] | undefined>;

export type ConnectionTestResult = {
  ok: boolean;
  /** Short human-readable outcome (no secrets, no raw platform bodies). */
  message: string;
  /** Milliseconds the check took. */
  latencyMs: number;
  /** Platform error code when it failed. */
  code?: string;
};

export interface HrSource {
  readonly provider: string;
  /** Fetches one page of org units (for jobs that checkpoint per page). */
  listOrgUnitsPage(options?: HrListOptions): Promise<HrPage<HrOrgUnit>>;
  /** Fetches one page of employees. */
  listEmployeesPage(options?: HrListOptions): Promise<HrPage<HrEmployee>>;
  /** Every org unit, page by page, to the end. */
  listOrgUnits(options?: HrListOptions): AsyncIterable<HrOrgUnit>;
  /** Every employee, page by page, to the end. */
  listEmployees(options?: HrListOptions): AsyncIterable<HrEmployee>;
  /**
   * Checks the signature and timestamp of a pushed change, then parses it strictly (UTF-8, JSON,
   * text, the record's fields) before normalising. Throws ConnectorError (auth | invalid, with
   * `field` naming what is wrong).
   */
  verifyWebhook(headers: HeadersInput, body: string | Uint8Array): HrChangeEvent;
  testConnection(): Promise<ConnectionTestResult>;
}

// ─── IM side ────────────────────────────────────────────────────────────────

export type ImMessageFormat = "text" | "markdown" | "card";

/**
 * How a platform can keep a contact detail from colleagues: "flag" = a per-user protection switch
 * in its API (DingTalk hide_mobile), "omit" = OrgBridge does not send the value (WeCom has no
 * per-user switch in its API), "none" = neither (the platform requires the value).
 */
export type ContactProtection = "flag" | "omit" | "none";

/** What a directory privacy rule can ask of this platform. */
export type PrivacyCapability = {
  hideMobile: ContactProtection;
  // No platform has a per-user e-mail switch, so e-mail can only be withheld.
  hideEmail: Exclude<ContactProtection, "flag">;
  /** A per-user senior (executive) mode that hides the person from ordinary staff (DingTalk senior_mode). */
  seniorMode: boolean;
};

/** What a platform can do, so the sync planner and the console adapt instead of failing. */
export type ImCapabilities = {
  /** Which directory privacy rules the platform can honour. */
  privacy: PrivacyCapability;
  /** What an IM group is on this platform. */
  groupKind: "department" | "channel" | "chat_group";
  /** Groups nest (departments) rather than being flat (channels). */
  groupHierarchy: boolean;
  /** Deepest allowed nesting, root = level 1. */
  maxGroupDepth?: number;
  /** The caller chooses the IM user id (WeCom, DingTalk, Agora) rather than the platform. */
  callerAssignsUserId: boolean;
  /** User ids compare case-insensitively. */
  userIdCaseInsensitive: boolean;
  /** A user can be disabled without being deleted. */
  canDisableUser: boolean;
  /** A delete really deletes (false: it only deactivates, as Slack SCIM does). */
  canDeleteUser: boolean;
  /**
   * The group chats a user owns can be handed to another user (WeCom customer groups, on-the-job
   * transfer); a leaver's go to their manager. False: the platform has no such call, and sync says so.
   */
  canTransferGroupOwnership: boolean;
  /**
   * The platform stores a user's direct manager and the connector writes it (WeCom direct_leader, Feishu
   * leader_user_id, DingTalk manager_userid, Slack SCIM enterprise manager). False: no manager is planned.
   */
  managerField: boolean;
  /** A user needs a mobile or an email to be created. */
  requiresContact: "mobile" | "mobile_or_email" | "email" | "none";
  messageFormats: ImMessageFormat[];
  /** Recipients per platform call; the connector splits larger sends. */
  maxRecipientsPerCall: number;
  /** Longest text the platform keeps, in UTF-8 bytes (longer text is truncated by the connector). */
  maxTextBytes?: number;
  /**
   * `listUserRefs` reports every user's real group memberships in a few paged calls, while `listUsers`
   * costs a call per user (WeCom's list_id): the sync may read refs and fetch only the users it cannot vouch for.
   */
  userRefsCarryGroups?: boolean;
  /**
   * `listGroupRefs` lists every group's id and parent in one call while names cost a call per group
   * (WeCom's department/simplelist + department/get): the sync may read refs and fetch only the groups
   * it cannot vouch for.
   */
  groupRefsCarryParents?: boolean;
};

export type ImGroupRecord = {
  id: string;
  name: string;
  nameEn?: string;
  parentId?: string;
  order?: number;
};

export type ImUserRecord = {
  id: string;
  name: string;
  email?: string;
  mobile?: string;
  title?: string;
  employeeNo?: string;
  groupIds: string[];
  mainGroupId?: string;
  enabled: boolean;
  /** IM user id of the manager ("" = none); absent when the platform does not report it. */
  managerId?: string;
  /** The platform's mobile protection switch, where it reports one (DingTalk hide_mobile). */
  hideMobile?: boolean;
  /** The platform's senior mode, where it reports one (DingTalk senior). */
  seniorMode?: boolean;
};

/** A group id with its parent, as the cheap listing endpoints return it. */
export type ImGroupRef = { id: string; parentId?: string; order?: number };

/** A user id with its groups, as the cheap listing endpoints return it. */
export type ImUserRef = { id: string; groupIds: string[] };

export type CreateImGroupInput = {
  name: string;
  nameEn?: string;
  /** Parent group id; omitted = the platform's root. */
  parentId?: string;
  order?: number;
  /** Requested id, where the platform lets the caller choose. */
  id?: string;
};

export type UpdateImGroupInput = Partial<Omit<CreateImGroupInput, "id">>;

export type CreateImUserInput = {
  /** Requested user id (required where capabilities.callerAssignsUserId). */
  id?: string;
  name: string;
  email?: string;
  mobile?: string;
  title?: string;
  employeeNo?: string;
  groupIds: string[];
  mainGroupId?: string;
  /** Ask the platform to hide the mobile from colleagues (only where privacy.hideMobile is "flag"). */
  hideMobile?: boolean;
  /** Ask the platform for senior mode (only where privacy.seniorMode). */
  seniorMode?: boolean;
  /** IM user id of the manager (only where capabilities.managerField). */
  managerId?: string;
};

export type UpdateImUserInput = Partial<Omit<CreateImUserInput, "id" | "managerId">> & {
  enabled?: boolean;
  /** Set the manager; null clears it (only where capabilities.managerField). */
  managerId?: string | null;
};

export type SetGroupMembershipOptions = {
  /** Main group where the platform has one; defaults to the first of groupIds. */
  mainGroupId?: string;
  /** Only these groups are OrgBridge's to change; memberships outside them are kept. Omitted = replace all. */
  managedGroupIds?: string[];
};

export type ImMessage = {
  /** IM user ids. */
  to: string[];
  format: ImMessageFormat;
  /** Plain text (text), markdown source (markdown), or card body (card). */
  text: string;
  /** Card / markdown title. */
  title?: string;
  /** Card link. */
  url?: string;
  /** Card button label. */
  buttonText?: string;
  /** Caller's idempotency key, passed on where the platform dedupes (Feishu uuid). */
  idempotencyKey?: string;
};

export type SendMessageResult = {
  /** The platform's id of the (first) message, absent when no recipient was valid. */
  messageId?: string;
  /** All platform message ids (one per call or per recipient, as the platform answers). */
  messageIds: string[];
  /** Recipients the platform refused (unknown, disabled, out of the app's scope). */
  invalidRecipients: string[];
  /** The text was cut to capabilities.maxTextBytes. */
  truncated: boolean;
};

export interface ImTarget {
  readonly provider: string;
  readonly capabilities: ImCapabilities;
  testConnection(): Promise<ConnectionTestResult>;
  listGroups(): AsyncIterable<ImGroupRecord>;
  createGroup(input: CreateImGroupInput): Promise<ImGroupRecord>;
  updateGroup(id: string, patch: UpdateImGroupInput): Promise<void>;
  /** Ids, parents and order only: the cheap listing (where capabilities.groupRefsCarryParents). */
  listGroupRefs?(): AsyncIterable<ImGroupRef>;
  /** One group in full; null when it does not exist (where capabilities.groupRefsCarryParents). */
  getGroup?(id: string): Promise<ImGroupRecord | null>;
  /** Deletes an empty group (platforms refuse non-empty ones: ConnectorError conflict). */
  deleteGroup(id: string): Promise<void>;
  /** Ids and groups only: the cheap listing. */
  listUserRefs(): AsyncIterable<ImUserRef>;
  /** Full records (may cost one call per user on platforms whose list returns ids only). */
  listUsers(): AsyncIterable<ImUserRecord>;
  /** null when the user does not exist. */
  getUser(id: string): Promise<ImUserRecord | null>;
  createUser(input: CreateImUserInput): Promise<ImUserRecord>;
  /** Omitted fields stay unchanged. */
  updateUser(id: string, patch: UpdateImUserInput): Promise<void>;
  disableUser(id: string): Promise<void>;
  deleteUser(id: string): Promise<void>;
  /** Makes the user's groups exactly `groupIds` (within managedGroupIds when given). */
  setGroupMembership(
    userId: string,
    groupIds: string[],
    options?: SetGroupMembershipOptions,
  ): Promise<void>;
  sendMessage(message: ImMessage): Promise<SendMessageResult>;
  /** Hands every group chat `fromUserId` owns to `toUserId` (only where capabilities.canTransferGroupOwnership). */
  transferOwnedGroups?(fromUserId: string, toUserId: string): Promise<GroupTransferResult>;
}

export type GroupTransferResult = {
  /** Chats whose owner is now the new user. */
  transferred: string[];
  /** Chats the platform refused, with its reason. */
  failed: { id: string; error: string }[];
};
