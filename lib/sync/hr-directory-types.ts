// Shapes shared by the HR directory pull: the pure diff (rules/diff-hr-directory.ts)
// and its reads and writes (engine/pull-hr-directory.ts).
import type { HrEmployee, HrOrgUnit, HrSource } from "@/lib/connectors/types";

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
  records?: { units?: HrOrgUnit[]; employees?: HrEmployee[] };
  /** Skip records whose version is not newer than the mirror's (pushed events arrive late, twice or out of order). */
  newerOnly?: boolean;
  /**
   * The HR connection the records come from (defaults to `hrConnectionId`). New rows record it as
   * their source; records another source owns are not written but reported as claims; a full pull
   * retires only its own (or unowned) rows. Absent: one-source behaviour, nothing owned.
   */
  sourceConnectionId?: string;
};

/** A record this source sent that another source already owns: a conflict, never an overwrite. */
export type SourceClaim = {
  subjectType: "employee" | "org_unit";
  /** Employee number or unit code as this source sent it. */
  subjectKey: string;
  /** What both claim: the same key, or (employees) the same e-mail on another employee. */
  via: "employee_no" | "email" | "code";
  /** The key of the owned record (differs from subjectKey for an e-mail claim). */
  ownedKey: string;
  ownerConnectionId: string;
  claimantConnectionId: string;
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
  /** Records left unwritten because another source owns them (recorded as conflicts by the pull). */
  claims: SourceClaim[];
};

/** `Employee.status` as the database stores it. */
export type MirrorEmployeeStatus = "ONBOARDING" | "ACTIVE" | "ON_LEAVE" | "TERMINATED";

export type UnitFields = {
  name: string;
  nameEn: string | null;
  path: string;
  depth: number;
  active: boolean;
  sourceVersion: bigint;
  sourceHash: string;
  sourceConnectionId: string | null;
};

export type UnitLinks = { parentId: string | null; managerId: string | null };

export type EmployeeFields = {
  name: string;
  nameEn: string | null;
  email: string | null;
  mobile: string | null;
  title: string | null;
  grade: string | null;
  orgUnitId: string | null;
  /** HR's manager reference as sent (the link below only names managers the mirror holds). */
  managerNo: string | null;
  status: MirrorEmployeeStatus;
  hireDate: Date | null;
  terminationDate: Date | null;
  terminationReason: string | null;
  timeZone: string;
  locale: string;
  sourceVersion: bigint;
  sourceHash: string;
  sourceConnectionId: string | null;
} & TransferFields;

/** A pending transfer as the mirror keeps it: all null when none is scheduled (or HR caught up). */
export type TransferFields = {
  transferUnitCode: string | null;
  transferDate: Date | null;
  transferTitle: string | null;
  transferManagerNo: string | null;
};

/** An `OrgUnit` row of the mirror, as the pull reads it. */
export type MirrorUnit = Omit<UnitFields, "sourceHash"> &
  UnitLinks & { id: string; code: string; sourceHash: string | null };

/** An `Employee` row of the mirror, as the pull reads it. */
export type MirrorEmployee = Omit<EmployeeFields, "sourceHash"> & {
  id: string;
  employeeNo: string;
  managerId: string | null;
  sourceHash: string | null;
};

/** HR records by key (unit code / employee number), newest version of each. */
export type HrRecords = {
  units: Map<string, HrOrgUnit>;
  employees: Map<string, HrEmployee>;
};

/** The writes that bring the mirror in line with HR. Rows are created with their links null; links follow. */
export type HrDirectoryWrites = {
  unitCreates: ({ id: string; code: string } & UnitFields)[];
  unitUpdates: { id: string; data: Partial<UnitFields> }[];
  unitLinks: ({ id: string } & UnitLinks)[];
  employeeCreates: ({ id: string; employeeNo: string } & EmployeeFields)[];
  employeeUpdates: { id: string; data: Partial<EmployeeFields> }[];
  employeeLinks: { id: string; managerId: string | null }[];
  /** Ids of employees to mark TERMINATED (a full pull no longer lists them). */
  terminate: string[];
};
