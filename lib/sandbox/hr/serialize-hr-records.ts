import type { SandboxHrEmployee, SandboxHrUnit } from "@/lib/generated/prisma/client";

/** A department in the sandbox HR API's shape (the sandbox preset maps these names 1:1). */
export type SandboxHrUnitJson = {
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
  managerNo: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
};

export type SandboxHrEmployeeJson = {
  employeeNo: string;
  name: string;
  nameEn: string | null;
  email: string | null;
  mobile: string | null;
  title: string | null;
  grade: string | null;
  unitCode: string | null;
  managerNo: string | null;
  status: string;
  hireDate: string | null;
  terminationDate: string | null;
  terminationReason: string | null;
  timeZone: string;
  locale: string;
  version: number;
  updatedAt: string;
  /** A transfer scheduled for a later day, or null. */
  transfer: {
    unitCode: string;
    effectiveDate: string;
    title: string | null;
    managerNo: string | null;
  } | null;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function serializeUnit(u: SandboxHrUnit): SandboxHrUnitJson {
  return {
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    parentCode: u.parentCode,
    managerNo: u.managerNo,
    active: u.active,
    version: Number(u.version),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function serializeEmployee(e: SandboxHrEmployee): SandboxHrEmployeeJson {
  return {
    employeeNo: e.employeeNo,
    name: e.name,
    nameEn: e.nameEn,
    email: e.email,
    mobile: e.mobile,
    title: e.title,
    grade: e.grade,
    unitCode: e.unitCode,
    managerNo: e.managerNo,
    status: e.status,
    hireDate: day(e.hireDate),
    terminationDate: day(e.terminationDate),
    terminationReason: e.terminationReason,
    timeZone: e.timeZone,
    locale: e.locale,
    version: Number(e.version),
    updatedAt: e.updatedAt.toISOString(),
    transfer:
      e.transferUnitCode && e.transferDate
        ? {
            unitCode: e.transferUnitCode,
            effectiveDate: day(e.transferDate)!,
            title: e.transferTitle,
            managerNo: e.transferManagerNo,
          }
        : null,
  };
}
