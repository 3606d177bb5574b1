import { db } from "@/lib/core/db";
import type { Mapping } from "@/lib/sync/types";
import { computeEffectiveMappings } from "../rules/compute-effective-mappings";
import { summariseOrgMapping } from "../rules/summarise-org-mapping";
import type { OrgMappingSummary, OrgTreeUnit, UnitMapping } from "../types";

export type OrgTree = { units: OrgTreeUnit[]; summary: OrgMappingSummary };

type UnitRow = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: string | null;
  directCount: number;
  subtreeCount: number;
};

/**
 * Open HR units with their employee counts (one query: subtree counts add each
 * unit's staff to every code on its materialised path) and, for one IM
 * connection, their own and effective mappings.
 */
export async function loadOrgTree(connectionId: string | null): Promise<OrgTree> {
  const [rows, mappingRows] = await Promise.all([
    db.$queryRaw<UnitRow[]>`
      WITH direct AS (
        SELECT e."orgUnitId" AS id, count(*)::int AS n
        FROM "Employee" e
        WHERE e."orgUnitId" IS NOT NULL AND e.status <> 'TERMINATED'
        GROUP BY e."orgUnitId"
      ), subtree AS (
        SELECT a.code, sum(d.n)::int AS n
        FROM direct d
        JOIN "OrgUnit" u ON u.id = d.id
        CROSS JOIN LATERAL unnest(string_to_array(btrim(u.path, '/'), '/')) AS a(code)
        GROUP BY a.code
      )
      SELECT u.id, u.code, u.name, u."nameEn", u."parentId",
             coalesce(d.n, 0) AS "directCount", coalesce(s.n, 0) AS "subtreeCount"
      FROM "OrgUnit" u
      LEFT JOIN direct d ON d.id = u.id
      LEFT JOIN subtree s ON s.code = u.code
      WHERE u.active`,
    connectionId
      ? db.orgMapping.findMany({
          where: { connectionId },
          select: {
            mode: true,
            includeDescendants: true,
            namingTemplate: true,
            orgUnit: { select: { code: true } },
            imGroup: { select: { externalId: true, name: true } },
          },
        })
      : [],
  ]);
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  const own = new Map<string, UnitMapping>();
  const mappings: Mapping[] = [];
  for (const m of mappingRows) {
    const unitMapping: UnitMapping = {
      mode: m.mode,
      includeDescendants: m.includeDescendants,
      namingTemplate: m.namingTemplate,
      ...(m.imGroup
        ? { imGroupExternalId: m.imGroup.externalId, imGroupName: m.imGroup.name }
        : {}),
    };
    own.set(m.orgUnit.code, unitMapping);
    mappings.push({ orgUnitCode: m.orgUnit.code, ...unitMapping });
  }
  const units = rows.map((r) => ({
    ...r,
    parentId: r.parentId && codeById.has(r.parentId) ? r.parentId : null,
  }));
  const effective = computeEffectiveMappings({
    units: units.map((u) => ({
      code: u.code,
      parentCode: u.parentId ? codeById.get(u.parentId) : null,
    })),
    mappings,
  });
  const out: OrgTreeUnit[] = units.map((u) => {
    const e = effective.get(u.code);
    const governing =
      e?.mapping && e.fromUnitCode
        ? { ...own.get(e.fromUnitCode)!, fromUnitCode: e.fromUnitCode }
        : null;
    return {
      ...u,
      own: own.get(u.code) ?? null,
      effective: governing,
      status: e?.status ?? "unmapped",
    };
  });
  return { units: out, summary: summariseOrgMapping(out) };
}
