import type { HrEmployee, HrEmployeeStatus, HrOrgUnit } from "../../types";
import { getPath } from "./get-path";
import { readTransfer } from "./read-transfer";
import type { RestHrConfig } from "./rest-hr-schema";

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === "" ? undefined : String(v);

/** `YYYY-MM-DD` from a date string or timestamp. */
const date = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const t = typeof v === "number" ? v : Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
};

/** A number for ordering: a numeric version, or an updated-at in epoch ms. */
const version = (v: unknown, updatedAt: unknown): number => {
  const n = Number(v);
  if (v !== undefined && v !== null && v !== "" && Number.isFinite(n)) return n;
  const t = Date.parse(String(updatedAt ?? ""));
  return Number.isNaN(t) ? 0 : t;
};

export const ACTIVE_WORDS = new Set(["true", "1", "active", "enabled", "yes", "y", "启用", "正常"]);
/** The words a pushed record may use for "not active" (anything else is refused, not guessed). */
export const INACTIVE_WORDS = new Set([
  "false",
  "0",
  "inactive",
  "disabled",
  "no",
  "n",
  "停用",
  "禁用",
]);

export const DEFAULT_STATUS: Record<string, HrEmployeeStatus> = {
  onboarding: "onboarding",
  pending: "onboarding",
  待入职: "onboarding",
  active: "active",
  在职: "active",
  试用: "active",
  on_leave: "on_leave",
  leave: "on_leave",
  休假: "on_leave",
  停薪留职: "on_leave",
  terminated: "terminated",
  inactive: "terminated",
  离职: "terminated",
};

export function mapOrgUnit(
  record: unknown,
  fields: RestHrConfig["departments"]["fields"],
): HrOrgUnit {
  const get = (p: string | undefined) => (p ? getPath(record, p) : undefined);
  const active = get(fields.active);
  const updatedAt = get(fields.updatedAt);
  return {
    code: String(get(fields.code) ?? ""),
    name: String(get(fields.name) ?? ""),
    nameEn: str(get(fields.nameEn)),
    parentCode: str(get(fields.parentCode)),
    managerNo: str(get(fields.managerNo)),
    active:
      active === undefined || active === null
        ? true
        : ACTIVE_WORDS.has(String(active).toLowerCase()),
    version: version(get(fields.version), updatedAt),
    updatedAt: str(updatedAt),
  };
}

export function mapEmployee(record: unknown, config: RestHrConfig["employees"]): HrEmployee {
  const f = config.fields;
  const get = (p: string | undefined) => (p ? getPath(record, p) : undefined);
  const rawStatus = str(get(f.status));
  const status: HrEmployeeStatus = rawStatus
    ? (config.statusMap[rawStatus] ?? DEFAULT_STATUS[rawStatus.toLowerCase()] ?? "active")
    : "active";
  const updatedAt = get(f.updatedAt);
  return {
    employeeNo: String(get(f.employeeNo) ?? ""),
    name: String(get(f.name) ?? ""),
    nameEn: str(get(f.nameEn)),
    email: str(get(f.email)),
    mobile: str(get(f.mobile)),
    title: str(get(f.title)),
    grade: str(get(f.grade))?.trim() || undefined,
    unitCode: str(get(f.unitCode)),
    managerNo: str(get(f.managerNo)),
    status,
    hireDate: date(get(f.hireDate)),
    terminationDate: date(get(f.terminationDate)),
    terminationReason: str(get(f.terminationReason)),
    timeZone: str(get(f.timeZone)),
    locale: str(get(f.locale)),
    version: version(get(f.version), updatedAt),
    updatedAt: str(updatedAt),
    ...transferOf(record, f.transfer),
  };
}

/** A malformed transfer is refused before mapping (pull and push alike), so here it is only read. */
function transferOf(record: unknown, path: string | undefined): Pick<HrEmployee, "transfer"> {
  const read = readTransfer(record, path);
  return read.ok && read.transfer ? { transfer: read.transfer } : {};
}
