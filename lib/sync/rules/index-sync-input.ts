import { compareStrings } from "./compare-strings";
import { normalizeContact } from "./normalize-contact";
import type {
  AccountMemory,
  GroupMemory,
  HrEmployee,
  HrUnit,
  ImGroupState,
  ImUserState,
  Mapping,
  PlanInput,
} from "../types";

/** Lookups built once per plan; every collection is in a stable order regardless of input order. */
export type SyncIndex = {
  units: HrUnit[];
  unitsByCode: Map<string, HrUnit>;
  employees: HrEmployee[];
  employeesByNo: Map<string, HrEmployee>;
  mappings: Mapping[];
  imGroups: Map<string, ImGroupState>;
  imUsers: Map<string, ImUserState>;
  /** Lower-cased IM user id → id (WeCom ids are case-insensitive). */
  imUsersByLowerId: Map<string, string>;
  imUsersByEmail: Map<string, string[]>;
  imUsersByMobile: Map<string, string[]>;
  groupMemory: Map<string, GroupMemory>;
  unitGroups: Map<string, string>;
  accountsByEmployee: Map<string, AccountMemory>;
  accountsByImUser: Map<string, AccountMemory>;
  /** Normalised contact → HR employee numbers (all statuses). */
  hrByEmail: Map<string, string[]>;
  hrByMobile: Map<string, string[]>;
  /** Groups OrgBridge may remove members from: its mirrored groups and LINK targets. */
  managedGroupIds: Set<string>;
};

/** Sorts and indexes the planner's input (last duplicate wins, after sorting, for deterministic results). */
export function indexSyncInput(input: PlanInput): SyncIndex {
  const units = [...input.hr.units].sort((a, b) => compareStrings(a.code, b.code));
  const employees = [...input.hr.employees].sort((a, b) =>
    compareStrings(a.employeeNo, b.employeeNo),
  );
  const mappings = [...input.mappings].sort((a, b) => compareStrings(a.orgUnitCode, b.orgUnitCode));
  const groups = [...input.im.groups].sort((a, b) => compareStrings(a.externalId, b.externalId));
  const users = [...input.im.users].sort((a, b) => compareStrings(a.imUserId, b.imUserId));
  const accounts = [...input.memory.accounts].sort((a, b) =>
    compareStrings(a.employeeNo, b.employeeNo),
  );
  const unitGroups = [...input.memory.unitGroups].sort((a, b) =>
    compareStrings(a.orgUnitCode, b.orgUnitCode),
  );

  const imUsersByEmail = new Map<string, string[]>();
  const imUsersByMobile = new Map<string, string[]>();
  for (const u of users) {
    push(imUsersByEmail, normalizeContact("email", u.email), u.imUserId);
    push(imUsersByMobile, normalizeContact("mobile", u.mobile), u.imUserId);
  }
  const hrByEmail = new Map<string, string[]>();
  const hrByMobile = new Map<string, string[]>();
  for (const e of employees) {
    push(hrByEmail, normalizeContact("email", e.email), e.employeeNo);
    push(hrByMobile, normalizeContact("mobile", e.mobile), e.employeeNo);
  }
  const linkTargets = mappings.flatMap((m) =>
    m.mode === "LINK" && m.imGroupExternalId ? [m.imGroupExternalId] : [],
  );
  return {
    units,
    unitsByCode: new Map(units.map((u) => [u.code, u])),
    employees,
    employeesByNo: new Map(employees.map((e) => [e.employeeNo, e])),
    mappings,
    imGroups: new Map(groups.map((g) => [g.externalId, g])),
    imUsers: new Map(users.map((u) => [u.imUserId, u])),
    imUsersByLowerId: new Map(users.map((u) => [u.imUserId.toLowerCase(), u.imUserId])),
    imUsersByEmail,
    imUsersByMobile,
    groupMemory: new Map(input.memory.groups.map((g) => [g.externalId, g])),
    unitGroups: new Map(unitGroups.map((g) => [g.orgUnitCode, g.externalId])),
    accountsByEmployee: new Map(accounts.map((a) => [a.employeeNo, a])),
    accountsByImUser: new Map(accounts.map((a) => [a.imUserId, a])),
    hrByEmail,
    hrByMobile,
    managedGroupIds: new Set([...unitGroups.map((g) => g.externalId), ...linkTargets]),
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
