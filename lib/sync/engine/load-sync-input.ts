import type { ImTarget } from "@/lib/connectors";
import { db } from "@/lib/core/db";
import type {
  AccountMemory,
  GroupMemory,
  HrEmployee,
  HrUnit,
  ImGroupState,
  ImUserState,
  Mapping,
  PlanInput,
  UnitGroupMemory,
} from "@/lib/sync/types";
import { loadPrivacyRules } from "@/lib/org/queries/load-privacy-rules";
import { loadAttributeAuthority } from "../queries/load-attribute-authority";
import { listReportsAwaitingManager } from "../queries/list-reports-awaiting-manager";
import { loadPlanSettings, type PlanSettings } from "../queries/load-plan-settings";
import { platformRootGroup } from "./platform-root-group";
import { hrEmployeeFromRow } from "@/lib/sync/rules/hr-employee-from-row";
import { TRANSFER_COLUMNS } from "@/lib/sync/rules/mirror-transfer";
import { proposeImUserId } from "@/lib/sync/rules/propose-im-user-id";
import { listImUsers } from "./list-im-users";
import { listImGroups } from "./list-im-groups";
import { mapAhead } from "@/lib/connectors/core/collect";

export type LoadSyncInputOptions = {
  /** The IM_TARGET connection being synced (memory, mappings and fingerprint scope). */
  connectionId: string;
  /** Its live connector, read for the current IM directory. */
  target: ImTarget;
  /** The planning instant; defaults to now. */
  now?: Date;
  /** Overrides of the stored sync settings (tests, benches). */
  settings?: Partial<PlanSettings>;
  /** Incremental sync: plan only these employees' accounts (all groups still). See `SyncScope`. */
  scope?: SyncScope;
  /** Read every IM user and group in full, without the no-change shortcuts of `listImUsers` / `listImGroups`. */
  deepImRead?: boolean;
};

/**
 * What an incremental run looks at: every org unit and IM group (groups are one cheap listing), but only
 * the named employees, their remembered accounts, and their IM users read one by one (`getUser`) instead of
 * the whole IM directory. Checks that need everyone — duplicate contacts in HR, IM accounts owned by another
 * person, orphan IM users — are left to the full sync. Groups come from what OrgBridge last saw of them
 * (ImGroup, refreshed by every full sync and by each change it applies) rather than a live listing, which
 * on WeCom costs one call per department: a group renamed or moved by hand since is the full sync's to find.
 */
export type SyncScope = { employeeNos: string[] };

export type LoadedSyncInput = {
  input: PlanInput;
  /** The scope planned: the one asked for, plus reports waiting for one of its people as their manager. */
  scope?: SyncScope;
  /** The platform root the IM listing was stripped of (parent of top-level groups). */
  rootGroupId?: string;
};

/** Builds the planner's input: HR from the OrgUnit/Employee mirror, IM from the connector, memory and mappings from the database. */
export async function loadSyncInput(options: LoadSyncInputOptions): Promise<LoadedSyncInput> {
  const { connectionId, target } = options;
  const scope = options.scope && {
    employeeNos: [
      ...new Set([
        ...options.scope.employeeNos,
        ...(await listReportsAwaitingManager(connectionId, options.scope.employeeNos)),
      ]),
    ],
  };
  const [hr, memory, mappings, stored, authority, privacyRules] = await Promise.all([
    loadHr(scope),
    loadMemory(connectionId, scope),
    loadMappings(connectionId),
    loadPlanSettings(),
    loadAttributeAuthority(connectionId),
    loadPrivacyRules(),
  ]);
  const settings = { ...stored, ...options.settings };
  const rootGroupId = platformRootGroup(target);

  const groups: ImGroupState[] = [];
  const listed = scope
    ? knownGroups(connectionId)
    : listImGroups({ connectionId, target, rootGroupId, deep: options.deepImRead });
  for await (const g of listed) {
    if (g.id === rootGroupId) continue;
    const parent = g.parentId && g.parentId !== rootGroupId ? g.parentId : undefined;
    groups.push({
      externalId: g.id,
      name: g.name,
      ...(parent ? { parentExternalId: parent } : {}),
    });
  }
  const users: ImUserState[] = [];
  if (scope)
    for await (const u of scopedUsers(target, scope, memory))
      users.push({
        imUserId: u.id,
        name: u.name,
        ...(u.email ? { email: u.email } : {}),
        ...(u.mobile ? { mobile: u.mobile } : {}),
        groupIds: u.groupIds,
        enabled: u.enabled,
        ...(u.managerId !== undefined ? { managerId: u.managerId } : {}),
      });
  else
    for await (const u of listImUsers({ target, hr, memory, deep: options.deepImRead }))
      users.push(u);

  const caps = target.capabilities;
  const related =
    scope && caps.managerField ? await loadManagerChains(connectionId, hr) : undefined;
  return {
    rootGroupId,
    ...(scope ? { scope } : {}),
    input: {
      hr,
      im: { groups, users },
      memory,
      mappings,
      ...(related ? { related } : {}),
      options: {
        lifecycle: settings.lifecycle,
        safety: settings.safety,
        now: options.now ?? new Date(),
        timeZone: settings.timeZone,
        capabilities: {
          departments: caps.groupHierarchy,
          groupChats: !caps.groupHierarchy,
          // The connector counts a listed root as level 1; the planner counts top-level groups as level 1.
          maxDepth: (caps.maxGroupDepth ?? 15) - (rootGroupId ? 1 : 0),
          canDisableUser: caps.canDisableUser,
          managerField: caps.managerField,
        },
        ...(settings.nameRules ? { nameRules: settings.nameRules } : {}),
        fingerprintScope: connectionId,
        authority,
        ...(privacyRules.length > 0
          ? { privacy: { rules: privacyRules, capability: caps.privacy } }
          : {}),
      },
    },
  };
}

/**
 * Accounts OrgBridge manages on the connection, for the safety threshold of a scoped plan (which
 * only sees its own employees' accounts). Counted only when that plan disables or deletes someone:
 * the count reads every account link of the target (37 ms at 22k), once per incremental run.
 */
export function countManagedAccounts(connectionId: string): Promise<number> {
  return db.imAccount.count({
    where: {
      connectionId,
      employeeId: { not: null },
      state: { in: ["PENDING", "ACTIVE", "SUSPENDED"] },
    },
  });
}

/** The IM groups OrgBridge knows, as it last saw them. */
async function* knownGroups(connectionId: string) {
  const rows = await db.imGroup.findMany({
    where: { connectionId, deleted: false },
    select: { externalId: true, name: true, lastSyncedName: true, parentExternalId: true },
  });
  for (const r of rows)
    yield {
      id: r.externalId,
      name: r.name || r.lastSyncedName || "",
      parentId: r.parentExternalId ?? undefined,
    };
}

/** Reads of one scoped run in flight at once (the connector's own rate limiter still paces them). */
const SCOPED_READ_CONCURRENCY = 8;

/**
 * The scope's IM users, read one by one: the remembered account and the id OrgBridge would propose.
 * A burst of hires makes a scope of a few hundred: read them side by side, not one round trip after
 * another (issue #17: sequential reads were most of an incremental run's planning time).
 */
async function* scopedUsers(target: ImTarget, scope: SyncScope, memory: PlanInput["memory"]) {
  const ids = new Set(
    scope.employeeNos.map((no) => proposeImUserId({ employeeNo: no, name: "", status: "active" })),
  );
  for (const a of memory.accounts) ids.add(a.imUserId);
  for await (const user of mapAhead(ids, SCOPED_READ_CONCURRENCY, (id) => target.getUser(id)))
    if (user) yield user;
}

/**
 * The managers the scoped employees name, their managers, and so on to the top (or round a loop),
 * with their remembered accounts on this connection: enough to resolve and check every manager
 * reference without planning those people.
 */
async function loadManagerChains(
  connectionId: string,
  hr: PlanInput["hr"],
): Promise<NonNullable<PlanInput["related"]>> {
  const known = new Set(hr.employees.map((e) => e.employeeNo));
  const employees: HrEmployee[] = [];
  let wanted = hr.employees.map((e) => e.managerNo);
  // Bounded: a chain deeper than this is left to the full sync.
  for (let depth = 0; depth < 64; depth++) {
    const nos = [...new Set(wanted.filter((no): no is string => !!no && !known.has(no)))];
    if (nos.length === 0) break;
    for (const no of nos) known.add(no);
    const found = (await loadHr({ employeeNos: nos }, false)).employees;
    employees.push(...found);
    wanted = found.map((e) => e.managerNo);
  }
  if (employees.length === 0) return { employees, accounts: [] };
  const accounts = await loadAccountMemory(connectionId, {
    employeeNos: employees.map((e) => e.employeeNo),
  });
  return { employees, accounts };
}

async function loadHr(scope?: SyncScope, withUnits = true): Promise<PlanInput["hr"]> {
  const unitRows = !withUnits
    ? []
    : await db.orgUnit.findMany({
        select: {
          code: true,
          name: true,
          nameEn: true,
          active: true,
          parent: { select: { code: true } },
        },
      });
  const employeeRows = await db.employee.findMany({
    ...(scope ? { where: { employeeNo: { in: scope.employeeNos } } } : {}),
    select: {
      employeeNo: true,
      name: true,
      email: true,
      mobile: true,
      title: true,
      grade: true,
      status: true,
      hireDate: true,
      terminationDate: true,
      terminationReason: true,
      timeZone: true,
      managerNo: true,
      orgUnit: { select: { code: true } },
      ...TRANSFER_COLUMNS,
    },
  });
  const units = unitRows.map((u): HrUnit => ({
    code: u.code,
    name: u.name,
    ...(u.nameEn ? { nameEn: u.nameEn } : {}),
    ...(u.parent ? { parentCode: u.parent.code } : {}),
    active: u.active,
  }));
  return { units, employees: employeeRows.map(hrEmployeeFromRow) };
}

/** What OrgBridge remembers about one IM connection, in the planner's shape. */
export async function loadMemory(
  connectionId: string,
  scope?: SyncScope,
): Promise<PlanInput["memory"]> {
  const groupRows = await db.imGroup.findMany({ where: { connectionId, deleted: false } });
  const groups: GroupMemory[] = [];
  const unitGroups: UnitGroupMemory[] = [];
  for (const g of groupRows) {
    if (g.lastSyncedName !== null) {
      const m: GroupMemory = { externalId: g.externalId, name: g.lastSyncedName };
      if (g.lastSyncedParentExternalId) m.parentExternalId = g.lastSyncedParentExternalId;
      if (g.acceptedHrName !== null) m.hrName = g.acceptedHrName;
      if (g.acceptedHrParentExternalId !== null)
        m.hrParentExternalId = g.acceptedHrParentExternalId;
      groups.push(m);
    }
    if (g.orgUnitCode) unitGroups.push({ orgUnitCode: g.orgUnitCode, externalId: g.externalId });
  }
  return { groups, accounts: await loadAccountMemory(connectionId, scope), unitGroups };
}

/** The employees' account links on one IM connection (everyone's, without a scope). */
async function loadAccountMemory(
  connectionId: string,
  scope?: SyncScope,
): Promise<AccountMemory[]> {
  const accountRows = await db.imAccount.findMany({
    where: {
      connectionId,
      employeeId: { not: null },
      ...(scope ? { employee: { employeeNo: { in: scope.employeeNos } } } : {}),
    },
    select: {
      imUserId: true,
      state: true,
      syncedHash: true,
      disabledAt: true,
      employee: { select: { employeeNo: true } },
    },
  });
  const accounts: AccountMemory[] = [];
  for (const a of accountRows) {
    if (!a.employee) continue;
    const m: AccountMemory = {
      employeeNo: a.employee.employeeNo,
      imUserId: a.imUserId,
      state: a.state,
    };
    if (a.syncedHash) m.syncedHash = a.syncedHash;
    if (a.disabledAt) m.disabledAt = a.disabledAt.toISOString();
    accounts.push(m);
  }
  return accounts;
}

async function loadMappings(connectionId: string): Promise<Mapping[]> {
  const rows = await db.orgMapping.findMany({
    where: { connectionId },
    select: {
      mode: true,
      includeDescendants: true,
      namingTemplate: true,
      orgUnit: { select: { code: true } },
      imGroup: { select: { externalId: true } },
    },
  });
  return rows.map((m) => ({
    orgUnitCode: m.orgUnit.code,
    mode: m.mode,
    ...(m.imGroup ? { imGroupExternalId: m.imGroup.externalId } : {}),
    includeDescendants: m.includeDescendants,
    namingTemplate: m.namingTemplate,
  }));
}
