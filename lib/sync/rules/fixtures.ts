// Builders for the planner's tests and the bench. Not used by production code.

import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import type {
  HrEmployee,
  HrUnit,
  ImState,
  Mapping,
  PlanInput,
  PlanOptions,
  SyncMemory,
} from "../types";

export const NOW = new Date("2025-03-10T04:00:00Z"); // 12:00 in Asia/Shanghai, Monday 2025-03-10

export function unit(code: string, parentCode?: string, extra: Partial<HrUnit> = {}): HrUnit {
  return {
    code,
    name: `Unit ${code}`,
    active: true,
    ...(parentCode ? { parentCode } : {}),
    ...extra,
  };
}

export function employee(
  employeeNo: string,
  unitCode: string | undefined,
  extra: Partial<HrEmployee> = {},
): HrEmployee {
  return {
    employeeNo,
    name: `Name ${employeeNo}`,
    email: `${employeeNo.toLowerCase()}@corp.example`,
    mobile: `+86138${employeeNo.replace(/\D/g, "").padStart(8, "0").slice(-8)}`,
    ...(unitCode ? { unitCode } : {}),
    status: "active",
    ...extra,
  };
}

export function mirror(orgUnitCode: string, extra: Partial<Mapping> = {}): Mapping {
  return {
    orgUnitCode,
    mode: "MIRROR",
    includeDescendants: true,
    namingTemplate: "{name}",
    ...extra,
  };
}

export function options(extra: Partial<PlanOptions> = {}): PlanOptions {
  return {
    lifecycle: {
      createBeforeStartDays: 3,
      onLeave: "suspend",
      termination: { byReason: { misconduct: "immediate" }, default: "end_of_day" },
      deleteAfterDays: 30,
      terminationLookAheadDays: 14,
    },
    safety: { percent: 10, absolute: 50 },
    now: NOW,
    timeZone: "Asia/Shanghai",
    capabilities: { departments: true, groupChats: false, maxDepth: 15 },
    fingerprintScope: "conn-1",
    ...extra,
  };
}

export const EMPTY_IM: ImState = { groups: [], users: [] };
export const EMPTY_MEMORY: SyncMemory = { groups: [], accounts: [], unitGroups: [] };

export function input(extra: Partial<PlanInput> & { hr: PlanInput["hr"] }): PlanInput {
  return {
    im: EMPTY_IM,
    memory: EMPTY_MEMORY,
    mappings: [],
    options: options(),
    ...extra,
  };
}

/** The syncedHash an account has right after OrgBridge wrote this employee's fields. */
export function syncedHashOf(e: HrEmployee): string {
  return encodeSyncedHash(
    hashFieldValues({ name: e.name, email: e.email, mobile: e.mobile, title: e.title }),
  );
}

/** Deterministic Fisher–Yates with a seeded LCG, for "shuffled input → same plan". */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
