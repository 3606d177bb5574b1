import { ACTIVE_WORDS, DEFAULT_STATUS, INACTIVE_WORDS } from "./map-hr-record";
import { getPath } from "./get-path";
import { readTransfer } from "./read-transfer";
import type { RestHrConfig } from "./rest-hr-schema";

export type RecordProblem = { field: string; message: string };

const absent = (v: unknown) => v === undefined || v === null || v === "";
const isText = (v: unknown) =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

/**
 * What is wrong with a pushed record, checked against the connection's field map before
 * mapEmployee/mapOrgUnit fill in their defaults — those are right for a full pull, where a record
 * without a version or status is still worth mirroring, but on a push they would turn nonsense
 * into plausible data: `version: "two"` became the updated-at timestamp (freezing the employee,
 * as a genuine version 2 then looked stale) and an unknown status became "active". Null when the
 * record is fine. Field paths are reported as `data.<configured path>`.
 */
export function webhookRecordProblem(
  type: "employee.changed" | "org_unit.changed",
  record: Record<string, unknown>,
  config: Pick<RestHrConfig, "employees" | "departments">,
): RecordProblem | null {
  const problem = (path: string, message: string): RecordProblem => ({
    field: `data.${path}`,
    message: `data.${path} ${message}`,
  });
  const check = (
    path: string | undefined,
    rule: (value: unknown) => string | null,
    required = false,
  ): RecordProblem | null => {
    if (!path) return null;
    const value = getPath(record, path);
    if (absent(value)) return required ? problem(path, "is required") : null;
    const message = rule(value);
    return message ? problem(path, message) : null;
  };
  const text = (max: number) => (v: unknown) =>
    !isText(v)
      ? "must be text"
      : String(v).trim() === ""
        ? "must not be blank"
        : String(v).length > max
          ? `must be at most ${max} characters`
          : null;
  const version = (v: unknown) =>
    (typeof v === "number" && Number.isFinite(v)) ||
    (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v))
      ? null
      : "must be a number";
  const instant = (v: unknown) =>
    (typeof v === "number" && Number.isFinite(v)) ||
    (typeof v === "string" && !Number.isNaN(Date.parse(v)))
      ? null
      : "must be a date-time";
  const optionalText = (max: number) => (v: unknown) => (isText(v) ? text(max)(v) : "must be text");

  if (type === "employee.changed") {
    const f = config.employees.fields;
    const status = (v: unknown) => {
      if (typeof v !== "string") return "must be text";
      // hasOwn: "constructor" or "__proto__" must not count as mapped.
      return Object.hasOwn(config.employees.statusMap, v) ||
        Object.hasOwn(DEFAULT_STATUS, v.toLowerCase())
        ? null
        : `"${v}" is not a known status (map it in the connection's status map)`;
    };
    return (
      check(f.employeeNo, text(64), true) ??
      check(f.name, text(200)) ??
      check(f.status, status) ??
      check(f.version, version) ??
      check(f.updatedAt, instant) ??
      check(f.hireDate, instant) ??
      check(f.terminationDate, instant) ??
      // Grades are short codes ("M3", "P7") that privacy rules match; a paragraph is a mapping mistake.
      check(f.grade, optionalText(64)) ??
      [
        f.nameEn,
        f.email,
        f.mobile,
        f.title,
        f.unitCode,
        f.managerNo,
        f.timeZone,
        f.locale,
        f.terminationReason,
      ]
        .map((p) => check(p, optionalText(500)))
        .find(Boolean) ??
      transferProblem(record, f.transfer)
    );
  }
  const f = config.departments.fields;
  const active = (v: unknown) =>
    typeof v === "boolean" ||
    ACTIVE_WORDS.has(String(v).toLowerCase()) ||
    INACTIVE_WORDS.has(String(v).toLowerCase())
      ? null
      : "must be true or false";
  return (
    check(f.code, text(128), true) ??
    check(f.name, text(200)) ??
    check(f.active, active) ??
    check(f.version, version) ??
    check(f.updatedAt, instant) ??
    [f.nameEn, f.parentCode, f.managerNo].map((p) => check(p, optionalText(500))).find(Boolean) ??
    null
  );
}

function transferProblem(record: unknown, path: string | undefined): RecordProblem | null {
  const read = readTransfer(record, path);
  return read.ok ? null : { field: `data.${read.field}`, message: `data.${read.message}` };
}
