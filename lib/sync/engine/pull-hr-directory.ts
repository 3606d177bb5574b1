import { randomUUID } from "node:crypto";
import { analyzeStaleTables } from "@/lib/core/analyze-stale-tables";
import type { PullHrDirectoryOptions, PullHrDirectoryResult } from "../hr-directory-types";
import { diffHrDirectory } from "../rules/diff-hr-directory";
import { readDirectoryMirror } from "./read-directory-mirror";
import { readHrRecords } from "./read-hr-records";
import { recordSourceClaims } from "./record-source-claims";
import { writeHrDirectory } from "./write-hr-directory";

export type {
  PullCounts,
  PullHrDirectoryOptions,
  PullHrDirectoryResult,
} from "../hr-directory-types";

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
  const records = await readHrRecords(options);
  const mirror = await readDirectoryMirror(records, !!options.records);
  const { result, writes } = diffHrDirectory({
    full,
    newerOnly: !!options.newerOnly,
    records,
    mirror,
    newId: randomUUID,
    source: options.sourceConnectionId ?? options.hrConnectionId ?? null,
  });
  await writeHrDirectory(writes, options.batchSize ?? 500);
  // A first pull writes the whole directory: the plan's reads and the apply's joins need its statistics.
  if (full) await analyzeStaleTables(["Employee", "OrgUnit"]);
  await recordSourceClaims(result.claims);
  return result;
}
