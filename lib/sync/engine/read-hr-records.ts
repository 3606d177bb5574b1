import type { HrSource } from "@/lib/connectors";
import { openHrSource } from "@/lib/connections/engine/open-connection";
import type { HrRecords, PullHrDirectoryOptions } from "../hr-directory-types";
import { keepNewestRecord } from "../rules/keep-newest-record";

/** What HR sent: the pushed records, or a listing of the source (incremental when `updatedSince`); newest per key. */
export async function readHrRecords(options: PullHrDirectoryOptions): Promise<HrRecords> {
  const records: HrRecords = { units: new Map(), employees: new Map() };
  if (options.records) {
    for (const u of options.records.units ?? []) keepNewestRecord(records.units, u.code, u);
    for (const e of options.records.employees ?? [])
      keepNewestRecord(records.employees, e.employeeNo, e);
    return records;
  }
  const source: HrSource =
    options.source ?? (await openHrSource(requireId(options.hrConnectionId))).source;
  const listOptions = options.updatedSince ? { updatedSince: options.updatedSince } : undefined;
  for await (const u of source.listOrgUnits(listOptions))
    keepNewestRecord(records.units, u.code, u);
  for await (const e of source.listEmployees(listOptions))
    keepNewestRecord(records.employees, e.employeeNo, e);
  return records;
}

function requireId(id: string | undefined): string {
  if (!id) throw new Error("pullHrDirectory needs hrConnectionId or source");
  return id;
}
