import { imProviders, isImProvider } from "@/lib/connectors/registry";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrivacyRule } from "../directory-privacy-schema";
import { matchPrivacyRules } from "../rules/match-privacy-rules";
import { privacyOutcome, type PrivacyOutcome } from "../rules/privacy-outcome";
import { loadPrivacyRules } from "./load-privacy-rules";

/** Employees shown per rule; the count says how many more there are. */
const SAMPLE = 25;
/** Candidates read per rule before exact matching (the database filter is a superset). */
const CANDIDATES = 500;

export type PrivacyPreviewEmployee = {
  employeeNo: string;
  name: string;
  title: string | null;
  grade: string | null;
  unitName: string | null;
  outcome: PrivacyOutcome;
};

export type PrivacyPreview = {
  rules: PrivacyRule[];
  /** The platform of the IM target previewed, for "not honoured by …" wording. */
  platform: { en: string; zh: string } | null;
  hits: { ruleId: string; employees: PrivacyPreviewEmployee[]; more: boolean }[];
};

/** Which employees each privacy rule hits, and what the given IM target will get for them. */
export async function previewPrivacyRules(connectionId: string | null): Promise<PrivacyPreview> {
  const [rules, connection] = await Promise.all([
    loadPrivacyRules(),
    connectionId
      ? db.connection.findUnique({ where: { id: connectionId }, select: { provider: true } })
      : null,
  ]);
  const def =
    connection && isImProvider(connection.provider) ? imProviders[connection.provider] : null;
  const hits = await Promise.all(
    rules.map(async (rule) => {
      const rows = await db.employee.findMany({
        where: candidatesOf(rule),
        select: {
          employeeNo: true,
          name: true,
          title: true,
          grade: true,
          orgUnit: { select: { name: true, path: true } },
        },
        orderBy: { employeeNo: "asc" },
        take: CANDIDATES,
      });
      const employees: PrivacyPreviewEmployee[] = [];
      for (const r of rows) {
        const unitPath = (r.orgUnit?.path ?? "").split("/").filter(Boolean).reverse();
        const effect = matchPrivacyRules(
          { unitPath, title: r.title ?? undefined, grade: r.grade ?? undefined },
          [rule],
        );
        if (!effect) continue;
        employees.push({
          employeeNo: r.employeeNo,
          name: r.name,
          title: r.title,
          grade: r.grade,
          unitName: r.orgUnit?.name ?? null,
          outcome: def
            ? privacyOutcome(effect, def.capabilities.privacy)
            : { mobile: "shown", email: "shown", seniorMode: "off" },
        });
      }
      return {
        ruleId: rule.id,
        employees: employees.slice(0, SAMPLE),
        more: employees.length > SAMPLE || rows.length === CANDIDATES,
      };
    }),
  );
  return { rules, platform: def ? def.label : null, hits };
}

/** A database filter that every employee the rule hits passes (exact matching happens in memory). */
function candidatesOf(rule: PrivacyRule): Prisma.EmployeeWhereInput {
  const and: Prisma.EmployeeWhereInput[] = [{ status: { not: "TERMINATED" } }];
  if (rule.titles.length > 0)
    and.push({
      OR: rule.titles.map((t) => ({ title: { equals: t.trim(), mode: "insensitive" } })),
    });
  if (rule.grades.length > 0)
    and.push({
      OR: rule.grades.map((g) => ({ grade: { equals: g.trim(), mode: "insensitive" } })),
    });
  if (rule.unitCodes.length > 0)
    and.push({ OR: rule.unitCodes.map((c) => ({ orgUnit: { path: { contains: `/${c}` } } })) });
  return { AND: and };
}
