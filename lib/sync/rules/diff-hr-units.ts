import type { HrOrgUnit } from "@/lib/connectors/types";
import type {
  HrDirectoryWrites,
  MirrorUnit,
  PullCounts,
  UnitFields,
  UnitLinks,
} from "../hr-directory-types";
import { changedFields } from "./changed-fields";
import { hashHrRecord } from "./hash-hr-record";
import { materialiseUnitPaths } from "./materialise-unit-paths";

export type DiffHrUnitsInput = {
  /** A full pull retires units HR no longer lists. */
  full: boolean;
  /** HR units of this pull by code (placeholders included). */
  units: Map<string, HrOrgUnit>;
  mirror: MirrorUnit[];
  /** Row id of every unit, existing or about to be created, by code. */
  unitId: Map<string, string>;
  /** Row id of every employee known to this pull, by employee number. */
  employeeId: Map<string, string>;
  /** The source of this pull: new rows record it, unowned rows are adopted, a full pull retires only its own. */
  source?: string | null;
};

export type HrUnitsDiff = Pick<HrDirectoryWrites, "unitCreates" | "unitUpdates" | "unitLinks"> & {
  counts: PullCounts;
};

/**
 * Units to create, update (fields, paths) and re-link (parent, manager). Paths are
 * computed over the whole directory: a pull that moves a unit moves its subtree too.
 */
export function diffHrUnits({
  full,
  units,
  mirror,
  unitId,
  employeeId,
  source = null,
}: DiffHrUnitsInput): HrUnitsDiff {
  const out: HrUnitsDiff = {
    unitCreates: [],
    unitUpdates: [],
    unitLinks: [],
    counts: { created: 0, updated: 0, unchanged: 0, deactivated: 0 },
  };
  const unitByCode = new Map(mirror.map((u) => [u.code, u]));
  const unitCodeById = new Map(mirror.map((u) => [u.id, u.code]));
  const parentCodeOf = new Map<string, string | undefined>();
  for (const u of mirror)
    parentCodeOf.set(u.code, u.parentId ? unitCodeById.get(u.parentId) : undefined);
  for (const u of units.values()) parentCodeOf.set(u.code, u.parentCode);
  const placement = materialiseUnitPaths(
    [...parentCodeOf].map(([code, parentCode]) => ({ code, parentCode })),
  );
  // Units HR did not list keep their manager link, so nobody else may take it.
  const managerTaken = new Set(
    mirror.filter((u) => u.managerId && !units.has(u.code)).map((u) => u.managerId!),
  );

  for (const code of [...parentCodeOf.keys()].sort()) {
    const hr = units.get(code);
    const row = unitByCode.get(code);
    const place = placement.get(code)!;
    if (!hr) {
      // Not in this pull: keep the record, but follow path changes of its ancestors; retire it on a full pull.
      const data: Partial<UnitFields> = {};
      if (row && (row.path !== place.path || row.depth !== place.depth))
        Object.assign(data, { path: place.path, depth: place.depth });
      // Another source's unit is not this pull's to retire.
      const retire =
        !!row &&
        full &&
        row.active &&
        (!source || row.sourceConnectionId === null || row.sourceConnectionId === source);
      if (retire) data.active = false;
      if (row && Object.keys(data).length > 0) out.unitUpdates.push({ id: row.id, data });
      if (retire) out.counts.deactivated++;
      continue;
    }
    const fields: UnitFields = {
      name: hr.name,
      nameEn: hr.nameEn ?? null,
      path: place.path,
      depth: place.depth,
      active: hr.active,
      sourceVersion: BigInt(hr.version),
      sourceHash: hashHrRecord([
        hr.code,
        hr.name,
        hr.nameEn ?? null,
        hr.parentCode ?? null,
        hr.managerNo ?? null,
        hr.active,
      ]),
      // Placeholders (version 0) belong to nobody yet: the real record's source adopts them.
      sourceConnectionId: row?.sourceConnectionId ?? (hr.version === 0 ? null : source),
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
      out.unitCreates.push({ id, code, ...fields });
      out.counts.created++;
      if (links.parentId || links.managerId) out.unitLinks.push({ id, ...links });
      continue;
    }
    const data = changedFields(row, fields, (a, b) => a === b);
    const linksChanged = row.parentId !== links.parentId || row.managerId !== links.managerId;
    if (Object.keys(data).length > 0) out.unitUpdates.push({ id, data });
    if (linksChanged) out.unitLinks.push({ id, ...links });
    if (Object.keys(data).length > 0 || linksChanged) out.counts.updated++;
    else out.counts.unchanged++;
  }
  return out;
}
