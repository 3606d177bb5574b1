import { createHash, randomUUID } from "node:crypto";
import { chunk } from "@/lib/connectors/core/collect";
import type {
  HrEmployee as SourceEmployee,
  HrOrgUnit as SourceUnit,
  HrSource,
} from "@/lib/connectors";
import { db, type Prisma } from "@/lib/core/db";
import type { EmployeeStatus } from "@/lib/generated/prisma/enums";
import { materialiseUnitPaths } from "../rules/materialise-unit-paths";
import { openHrSource } from "../../connections/engine/open-connection";

export type PullHrDirectoryOptions = {
  /** The HR_SOURCE connection to read (ignored when `source` is given). */
  hrConnectionId?: string;
  /** A ready connector (tests, benches). */
  source?: HrSource;
  /** Only records changed since this ISO time; absent = full pull, which also retires what HR no longer lists. */
  updatedSince?: string;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Merge these records (pushed by the HR source) instead of reading a source; never a full pull. */
  records?: { units?: SourceUnit[]; employees?: SourceEmployee[] };
  /** Skip records whose version is not newer than the mirror's (pushed events arrive late, twice or out of order). */
  newerOnly?: boolean;
};

export type PullCounts = {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
};

export type PullHrDirectoryResult = {
  full: boolean;
  units: PullCounts;
  employees: PullCounts;
  /** Records skipped by `newerOnly` (the mirror already held that version or a newer one). */
  stale: number;
  /** Units created as placeholders because a record referenced them before HR sent them (version 0, named by code). */
  placeholders: string[];
};

const STATUS: Record<SourceEmployee["status"], EmployeeStatus> = {
  onboarding: "ONBOARDING",
  active: "ACTIVE",
  on_leave: "ON_LEAVE",
  terminated: "TERMINATED",
};

const hashOf = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
const day = (d: string | undefined) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);
const sameDay = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
const counts = (): PullCounts => ({ created: 0, updated: 0, unchanged: 0, deactivated: 0 });

type UnitFields = {
  name: string;
  nameEn: string | null;
  path: string;
  depth: number;
  active: boolean;
  sourceVersion: bigint;
  sourceHash: string;
};
type UnitLinks = { parentId: string | null; managerId: string | null };
type EmployeeFields = {
  name: string;
  nameEn: string | null;
  email: string | null;
  mobile: string | null;
  title: string | null;
  orgUnitId: string | null;
  status: EmployeeStatus;
  hireDate: Date | null;
  terminationDate: Date | null;
  terminationReason: string | null;
  timeZone: string;
  locale: string;
  sourceVersion: bigint;
  sourceHash: string;
};

/**
 * Reads the HR directory and brings OrgBridge's OrgUnit/Employee mirror in line:
 * keys are unit code and employee number; parents, materialised paths, depths and
 * manager links follow HR. A full pull marks units HR no longer lists inactive
 * and employees it no longer lists terminated. Idempotent: a repeat changes nothing.
 */
export async function pullHrDirectory(
  options: PullHrDirectoryOptions,
): Promise<PullHrDirectoryResult> {
  const full = !options.updatedSince && !options.records;
  const batchSize = options.batchSize ?? 500;

  const hrUnits = new Map<string, SourceUnit>();
  const hrEmployees = new Map<string, SourceEmployee>();
  if (options.records) {
    for (const u of options.records.units ?? []) keepNewest(hrUnits, u.code, u);
    for (const e of options.records.employees ?? []) keepNewest(hrEmployees, e.employeeNo, e);
  } else {
    const source = options.source ?? (await openHrSource(requireId(options.hrConnectionId))).source;
    const listOptions = options.updatedSince ? { updatedSince: options.updatedSince } : undefined;
    for await (const u of source.listOrgUnits(listOptions)) keepNewest(hrUnits, u.code, u);
    for await (const e of source.listEmployees(listOptions))
      keepNewest(hrEmployees, e.employeeNo, e);
  }

  const existingUnits = await db.orgUnit.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      parentId: true,
      managerId: true,
      path: true,
      depth: true,
      active: true,
      sourceVersion: true,
      sourceHash: true,
    },
  });
  // Pushed records touch a few employees: read only those and the managers they name.
  const relevantNos = options.records
    ? [
        ...hrEmployees.keys(),
        ...[...hrEmployees.values(), ...hrUnits.values()].flatMap((r) =>
          r.managerNo ? [r.managerNo] : [],
        ),
      ]
    : undefined;
  const existingEmployees = await db.employee.findMany({
    ...(relevantNos ? { where: { employeeNo: { in: relevantNos } } } : {}),
    select: {
      id: true,
      employeeNo: true,
      name: true,
      nameEn: true,
      email: true,
      mobile: true,
      title: true,
      orgUnitId: true,
      managerId: true,
      status: true,
      hireDate: true,
      terminationDate: true,
      terminationReason: true,
      timeZone: true,
      locale: true,
      sourceVersion: true,
      sourceHash: true,
    },
  });
  const unitByCode = new Map(existingUnits.map((u) => [u.code, u]));
  const unitCodeById = new Map(existingUnits.map((u) => [u.id, u.code]));
  const employeeByNo = new Map(existingEmployees.map((e) => [e.employeeNo, e]));
  let stale = 0;
  if (options.newerOnly) {
    for (const [code, u] of hrUnits)
      if ((unitByCode.get(code)?.sourceVersion ?? -1n) >= BigInt(u.version))
        (hrUnits.delete(code), stale++);
    for (const [no, e] of hrEmployees)
      if ((employeeByNo.get(no)?.sourceVersion ?? -1n) >= BigInt(e.version))
        (hrEmployees.delete(no), stale++);
  }
  // A partial pull may name a parent or a unit HR has not sent yet (child before parent): hold its place with a
  // version-0 unit named by its code, so the link exists now and the real record, whenever it comes, wins.
  const placeholders: string[] = [];
  if (!full) {
    const referenced = [
      ...[...hrUnits.values()].map((u) => u.parentCode),
      ...[...hrEmployees.values()].map((e) => e.unitCode),
    ];
    for (const code of referenced) {
      if (!code || unitByCode.has(code) || hrUnits.has(code)) continue;
      hrUnits.set(code, { code, name: code, active: true, version: 0 });
      placeholders.push(code);
    }
  }
  const unitId = new Map(existingUnits.map((u) => [u.code, u.id]));
  const employeeId = new Map(existingEmployees.map((e) => [e.employeeNo, e.id]));
  for (const code of hrUnits.keys()) if (!unitId.has(code)) unitId.set(code, randomUUID());
  for (const no of hrEmployees.keys()) if (!employeeId.has(no)) employeeId.set(no, randomUUID());

  // Paths over the whole directory: an incremental pull that moves a unit moves its subtree too.
  const parentCodeOf = new Map<string, string | undefined>();
  for (const u of existingUnits)
    parentCodeOf.set(u.code, u.parentId ? unitCodeById.get(u.parentId) : undefined);
  for (const u of hrUnits.values()) parentCodeOf.set(u.code, u.parentCode);
  const placement = materialiseUnitPaths(
    [...parentCodeOf].map(([code, parentCode]) => ({ code, parentCode })),
  );

  const result: PullHrDirectoryResult = {
    full,
    units: counts(),
    employees: counts(),
    stale,
    placeholders,
  };
  const unitCreates: Prisma.OrgUnitCreateManyInput[] = [];
  const unitUpdates: { id: string; data: Partial<UnitFields> }[] = [];
  const unitLinks: ({ id: string } & UnitLinks)[] = [];
  // Units HR did not list keep their manager link, so nobody else may take it.
  const managerTaken = new Set(
    existingUnits.filter((u) => u.managerId && !hrUnits.has(u.code)).map((u) => u.managerId!),
  );

  for (const code of [...parentCodeOf.keys()].sort()) {
    const hr = hrUnits.get(code);
    const row = unitByCode.get(code);
    const place = placement.get(code)!;
    if (!hr) {
      // Not in this pull: keep the record, but follow path changes of its ancestors; retire it on a full pull.
      const data: Partial<UnitFields> = {};
      if (row && (row.path !== place.path || row.depth !== place.depth))
        Object.assign(data, { path: place.path, depth: place.depth });
      if (row && full && row.active) data.active = false;
      if (row && Object.keys(data).length > 0) unitUpdates.push({ id: row.id, data });
      if (row && full && row.active) result.units.deactivated++;
      continue;
    }
    const fields: UnitFields = {
      name: hr.name,
      nameEn: hr.nameEn ?? null,
      path: place.path,
      depth: place.depth,
      active: hr.active,
      sourceVersion: BigInt(hr.version),
      sourceHash: hashOf([
        hr.code,
        hr.name,
        hr.nameEn ?? null,
        hr.parentCode ?? null,
        hr.managerNo ?? null,
        hr.active,
      ]),
    };
    let managerId = hr.managerNo ? (employeeId.get(hr.managerNo) ?? null) : null;
    // OrgUnit.managerId is unique: if HR names one person for two units, the first unit (by code) gets the link.
    if (managerId && managerTaken.has(managerId)) managerId = null;
    if (managerId) managerTaken.add(managerId);
    const links: UnitLinks = {
      parentId: hr.parentCode ? (unitId.get(hr.parentCode) ?? null) : null,
      managerId,
    };
    const id = unitId.get(code)!;
    if (!row) {
      unitCreates.push({ id, code, ...fields });
      result.units.created++;
      if (links.parentId || links.managerId) unitLinks.push({ id, ...links });
      continue;
    }
    const data = changedFields(row, fields, (a, b) => a === b);
    const linksChanged = row.parentId !== links.parentId || row.managerId !== links.managerId;
    if (Object.keys(data).length > 0) unitUpdates.push({ id, data });
    if (linksChanged) unitLinks.push({ id, ...links });
    if (Object.keys(data).length > 0 || linksChanged) result.units.updated++;
    else result.units.unchanged++;
  }

  const employeeCreates: Prisma.EmployeeCreateManyInput[] = [];
  const employeeUpdates: { id: string; data: Partial<EmployeeFields> }[] = [];
  const employeeLinks: { id: string; managerId: string | null }[] = [];
  for (const [no, hr] of [...hrEmployees].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const row = employeeByNo.get(no);
    const fields: EmployeeFields = {
      name: hr.name,
      nameEn: hr.nameEn ?? null,
      email: hr.email ?? null,
      mobile: hr.mobile ?? null,
      title: hr.title ?? null,
      orgUnitId: hr.unitCode ? (unitId.get(hr.unitCode) ?? null) : null,
      status: STATUS[hr.status],
      hireDate: day(hr.hireDate),
      terminationDate: day(hr.terminationDate),
      terminationReason: hr.terminationReason ?? null,
      timeZone: hr.timeZone ?? "Asia/Shanghai",
      locale: hr.locale ?? "zh-CN",
      sourceVersion: BigInt(hr.version),
      sourceHash: hashOf({ ...hr, version: undefined, updatedAt: undefined }),
    };
    const managerId =
      hr.managerNo && hr.managerNo !== no ? (employeeId.get(hr.managerNo) ?? null) : null;
    const id = employeeId.get(no)!;
    if (!row) {
      employeeCreates.push({ id, employeeNo: no, ...fields });
      if (managerId) employeeLinks.push({ id, managerId });
      result.employees.created++;
      continue;
    }
    const data = changedFields(row, fields, (a, b) =>
      a instanceof Date || b instanceof Date
        ? sameDay(a as Date | null, b as Date | null)
        : a === b,
    );
    const linkChanged = row.managerId !== managerId;
    if (Object.keys(data).length > 0) employeeUpdates.push({ id, data });
    if (linkChanged) employeeLinks.push({ id, managerId });
    if (Object.keys(data).length > 0 || linkChanged) result.employees.updated++;
    else result.employees.unchanged++;
  }
  const missingEmployees = full
    ? existingEmployees
        .filter((e) => !hrEmployees.has(e.employeeNo) && e.status !== "TERMINATED")
        .map((e) => e.id)
    : [];
  result.employees.deactivated = missingEmployees.length;

  // Rows first (links null), then links in bulk, so parents and managers always exist when referenced.
  for (const batch of chunk(unitCreates, batchSize * 10)) await insertUnits(batch);
  for (const batch of chunk(employeeCreates, batchSize * 10)) await insertEmployees(batch);
  for (const batch of chunk(unitUpdates, batchSize))
    await db.$transaction(
      batch.map((u) => db.orgUnit.update({ where: { id: u.id }, data: u.data })),
    );
  for (const batch of chunk(employeeUpdates, batchSize))
    await db.$transaction(
      batch.map((e) => db.employee.update({ where: { id: e.id }, data: e.data })),
    );
  for (const batch of chunk(missingEmployees, batchSize))
    await db.employee.updateMany({ where: { id: { in: batch } }, data: { status: "TERMINATED" } });
  await writeUnitLinks(unitLinks, batchSize);
  await writeEmployeeLinks(employeeLinks, batchSize);
  return result;
}

function requireId(id: string | undefined): string {
  if (!id) throw new Error("pullHrDirectory needs hrConnectionId or source");
  return id;
}

function keepNewest<T extends { version: number }>(map: Map<string, T>, key: string, value: T) {
  const prev = map.get(key);
  if (!prev || prev.version <= value.version) map.set(key, value);
}

function changedFields<T extends object>(
  row: Record<string, unknown>,
  fields: T,
  same: (a: unknown, b: unknown) => boolean,
): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(fields) as (keyof T & string)[])
    if (!same(row[k], fields[k])) out[k] = fields[k];
  return out;
}

// New rows as one INSERT … unnest per chunk (Prisma's createMany spends about a second per 1,000 rows building the statement).
const isoDay = (d: Date | string | null | undefined) =>
  d ? new Date(d).toISOString().slice(0, 10) : null;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function insertUnits(rows: Prisma.OrgUnitCreateManyInput[]) {
  await db.$executeRaw`
    INSERT INTO "OrgUnit" (id, code, name, "nameEn", path, depth, active, "sourceVersion", "sourceHash", "createdAt", "updatedAt")
    SELECT u.id, u.code, u.name, u.name_en, u.path, u.depth, u.active, u.version::bigint, u.hash, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.id!)}::text[], ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameEn ?? null)}::text[],
                ${rows.map((r) => r.path)}::text[], ${rows.map((r) => r.depth ?? 0)}::int[], ${rows.map((r) => r.active ?? true)}::boolean[],
                ${rows.map((r) => text(r.sourceVersion ?? 0))}::text[], ${rows.map((r) => r.sourceHash ?? null)}::text[])
         AS u(id, code, name, name_en, path, depth, active, version, hash)`;
}

async function insertEmployees(rows: Prisma.EmployeeCreateManyInput[]) {
  await db.$executeRaw`
    INSERT INTO "Employee" (id, "employeeNo", name, "nameEn", email, mobile, title, "orgUnitId", status, "hireDate", "terminationDate", "terminationReason",
                            "timeZone", locale, "sourceVersion", "sourceHash", "createdAt", "updatedAt")
    SELECT e.id, e.no, e.name, e.name_en, e.email, e.mobile, e.title, e.unit, e.status::"EmployeeStatus", e.hire::date, e.term::date, e.reason,
           e.tz, e.locale, e.version::bigint, e.hash, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.id!)}::text[], ${rows.map((r) => r.employeeNo)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameEn ?? null)}::text[],
                ${rows.map((r) => r.email ?? null)}::text[], ${rows.map((r) => r.mobile ?? null)}::text[], ${rows.map((r) => r.title ?? null)}::text[],
                ${rows.map((r) => r.orgUnitId ?? null)}::text[], ${rows.map((r) => r.status ?? "ACTIVE")}::text[], ${rows.map((r) => isoDay(r.hireDate))}::text[],
                ${rows.map((r) => isoDay(r.terminationDate))}::text[], ${rows.map((r) => r.terminationReason ?? null)}::text[],
                ${rows.map((r) => r.timeZone ?? "Asia/Shanghai")}::text[], ${rows.map((r) => r.locale ?? "zh-CN")}::text[],
                ${rows.map((r) => text(r.sourceVersion ?? 0))}::text[], ${rows.map((r) => r.sourceHash ?? null)}::text[])
         AS e(id, no, name, name_en, email, mobile, title, unit, status, hire, term, reason, tz, locale, version, hash)`;
}

async function writeUnitLinks(links: ({ id: string } & UnitLinks)[], batchSize: number) {
  if (links.length === 0) return;
  await db.$transaction(
    async (tx) => {
      // managerId is unique: release the old links before any unit takes a manager over.
      const ids = links.map((l) => l.id);
      await tx.$executeRaw`UPDATE "OrgUnit" SET "managerId" = NULL WHERE id = ANY(${ids}::text[]) AND "managerId" IS NOT NULL`;
      for (const batch of chunk(links, batchSize * 10)) {
        await tx.$executeRaw`
        UPDATE "OrgUnit" AS u SET "parentId" = l.parent, "managerId" = l.manager
        FROM unnest(${batch.map((l) => l.id)}::text[], ${batch.map((l) => l.parentId)}::text[], ${batch.map((l) => l.managerId)}::text[]) AS l(id, parent, manager)
        WHERE u.id = l.id`;
      }
    },
    { timeout: 120_000 },
  );
}

async function writeEmployeeLinks(
  links: { id: string; managerId: string | null }[],
  batchSize: number,
) {
  for (const batch of chunk(links, batchSize * 10)) {
    await db.$executeRaw`
      UPDATE "Employee" AS e SET "managerId" = l.manager
      FROM unnest(${batch.map((l) => l.id)}::text[], ${batch.map((l) => l.managerId)}::text[]) AS l(id, manager)
      WHERE e.id = l.id`;
  }
}
