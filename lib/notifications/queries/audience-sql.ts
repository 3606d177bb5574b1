import type { Db } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationRecipientsInput } from "../notification-input-schema";

type Reader = Pick<Db, "$queryRaw">;

export type AudienceMatch = {
  /** SQL condition on `e` (the "Employee" row) selecting the audience; active employees only. */
  condition: Prisma.Sql;
  /** Employee numbers that match no employee at all. */
  unknownEmployeeNos: string[];
  /** Employee numbers of employees who are not active (terminated, on leave, onboarding). */
  inactiveEmployeeNos: string[];
  /** Org unit codes that match no org unit. */
  unknownOrgUnits: string[];
};

/**
 * Turns recipients into one SQL condition on "Employee" e (arrays as single parameters, so 100k
 * employee numbers are one bind value) and lists the names that matched nothing. Subtrees follow
 * the materialised `path` ("/XH/XH-RD" covers "/XH/XH-RD/…").
 */
export async function matchAudience(
  reader: Reader,
  recipients: NotificationRecipientsInput,
): Promise<AudienceMatch> {
  const nos = [...new Set(recipients.employeeNos ?? [])];
  const units = recipients.orgUnits ?? [];
  const codes = [...new Set(units.map((u) => u.code))];

  const found = nos.length
    ? await reader.$queryRaw<
        { employeeNo: string; status: string }[]
      >`SELECT "employeeNo", status::text AS status FROM "Employee" WHERE "employeeNo" = ANY(${nos}::text[])`
    : [];
  const statusOf = new Map(found.map((f) => [f.employeeNo, f.status]));
  const unitRows = codes.length
    ? await reader.$queryRaw<
        { id: string; code: string; path: string }[]
      >`SELECT id, code, path FROM "OrgUnit" WHERE code = ANY(${codes}::text[])`
    : [];
  const unitOf = new Map(unitRows.map((u) => [u.code, u]));

  const exactUnitIds: string[] = [];
  const subtreePaths: string[] = [];
  for (const u of units) {
    const row = unitOf.get(u.code);
    if (!row) continue;
    if (u.includeDescendants !== false) subtreePaths.push(row.path);
    else exactUnitIds.push(row.id);
  }

  const everyone = recipients.everyone === true;
  const knownNos = nos.filter((n) => statusOf.has(n));
  const condition = Prisma.sql`e.status = 'ACTIVE' AND (
    ${everyone}::boolean
    OR e."employeeNo" = ANY(${knownNos}::text[])
    OR e."orgUnitId" = ANY(${exactUnitIds}::text[])
    OR e."orgUnitId" IN (
      SELECT u.id FROM "OrgUnit" u, unnest(${subtreePaths}::text[]) AS p(path)
      WHERE u.path = p.path OR left(u.path, length(p.path) + 1) = p.path || '/'
    )
  )`;
  return {
    condition,
    unknownEmployeeNos: nos.filter((n) => !statusOf.has(n)),
    inactiveEmployeeNos: nos.filter((n) => statusOf.has(n) && statusOf.get(n) !== "ACTIVE"),
    unknownOrgUnits: codes.filter((c) => !unitOf.has(c)),
  };
}
