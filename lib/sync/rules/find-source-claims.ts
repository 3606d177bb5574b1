import type { HrEmployee, HrOrgUnit } from "@/lib/connectors/types";
import type { MirrorEmployee, MirrorUnit, SourceClaim } from "../hr-directory-types";

export type FindSourceClaimsInput = {
  source: string;
  /** This pull's records; claimed ones are removed from the maps. */
  units: Map<string, HrOrgUnit>;
  employees: Map<string, HrEmployee>;
  mirror: { units: MirrorUnit[]; employees: MirrorEmployee[] };
};

const ownedByOther = (owner: string | null, source: string) => owner !== null && owner !== source;

/**
 * Several HR sources feed one directory. A record whose unit code or employee number another source
 * already owns, or an employee whose e-mail another source's employee has, is taken out of the pull
 * and returned as a claim: two sources disagreeing about one person is for a human to decide.
 */
export function findSourceClaims({
  source,
  units,
  employees,
  mirror,
}: FindSourceClaimsInput): SourceClaim[] {
  const claims: SourceClaim[] = [];
  const unitByCode = new Map(mirror.units.map((u) => [u.code, u]));
  for (const code of [...units.keys()].sort()) {
    const row = unitByCode.get(code);
    if (!row || !ownedByOther(row.sourceConnectionId, source)) continue;
    units.delete(code);
    claims.push({
      subjectType: "org_unit",
      subjectKey: code,
      via: "code",
      ownedKey: code,
      ownerConnectionId: row.sourceConnectionId!,
      claimantConnectionId: source,
    });
  }
  const employeeByNo = new Map(mirror.employees.map((e) => [e.employeeNo, e]));
  const byEmail = new Map<string, MirrorEmployee>();
  for (const e of mirror.employees)
    if (e.email && ownedByOther(e.sourceConnectionId, source))
      byEmail.set(e.email.trim().toLowerCase(), e);
  for (const no of [...employees.keys()].sort()) {
    const hr = employees.get(no)!;
    const row = employeeByNo.get(no);
    if (row && ownedByOther(row.sourceConnectionId, source)) {
      employees.delete(no);
      claims.push({
        subjectType: "employee",
        subjectKey: no,
        via: "employee_no",
        ownedKey: no,
        ownerConnectionId: row.sourceConnectionId!,
        claimantConnectionId: source,
      });
      continue;
    }
    const twin = hr.email ? byEmail.get(hr.email.trim().toLowerCase()) : undefined;
    if (twin && twin.employeeNo !== no) {
      employees.delete(no);
      claims.push({
        subjectType: "employee",
        subjectKey: no,
        via: "email",
        ownedKey: twin.employeeNo,
        ownerConnectionId: twin.sourceConnectionId!,
        claimantConnectionId: source,
      });
    }
  }
  return claims;
}
