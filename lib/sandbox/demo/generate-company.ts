// A deterministic fictional company for the sandbox HR directory, the demo and
// the benchmarks. Same options → same company, byte for byte.

import { addCalendarDays as addDays } from "@/lib/core/time/add-calendar-days";
import { localDate } from "@/lib/core/time/local-date";
import {
  DEMO_PEOPLE,
  GIVEN,
  SKELETON,
  SURNAMES,
  TEAM_WORDS,
  TITLES,
  WESTERN_FIRST,
  WESTERN_LAST,
  type Branch,
} from "./company-data";

export { DEMO_PEOPLE } from "./company-data";

export type DemoUnit = {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  managerNo: string | null;
};

export type DemoEmployee = {
  employeeNo: string;
  name: string;
  nameEn: string;
  email: string;
  mobile: string;
  title: string;
  /** Job grade: the demo's leaders have senior M grades, so a grade privacy rule has someone to hit. */
  grade: string;
  unitCode: string;
  managerNo: string | null;
  status: "onboarding" | "active" | "on_leave" | "terminated";
  hireDate: string;
  timeZone: string;
  locale: string;
  /** A move HR has scheduled for a later day (a few people only). */
  transfer?: { unitCode: string; effectiveDate: string };
};

export type GenerateCompanyOptions = {
  /** Seed of the pseudo-random generator. */
  seed?: number;
  /** Roughly how many org units (the tree is cut off at this count). */
  units?: number;
  /** How many employees. */
  employees?: number;
  /** E-mail domain (a reserved .example name: the company is fictional). */
  domain?: string;
  /**
   * The company's "today" (YYYY-MM-DD): onboarding hires start two weeks later, so the demo never
   * ages into the past. Defaults to today in Asia/Shanghai, the demo company's zone.
   */
  today?: string;
};

/** Days between the demo's "today" and an onboarding hire's start. */
export const DEMO_ONBOARDING_LEAD_DAYS = 14;
/** Days between the demo's "today" and the pending transfers' first day in their new unit. */
export const DEMO_TRANSFER_LEAD_DAYS = 7;
// Units the e2e specs map, exclude or count: demo transfers neither leave nor enter them.
const TRANSFER_FREE = /^XH-(RD|HR|IT|FIN)(-|$)/;

export type DemoCompany = { units: DemoUnit[]; employees: DemoEmployee[] };

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCompany(options: GenerateCompanyOptions = {}): DemoCompany {
  const {
    seed = 20261122,
    units: unitTarget = 150,
    employees: employeeTarget = 2000,
    domain = "xinghe.example",
    today = localDate(new Date(), "Asia/Shanghai"),
  } = options;
  const onboardingStart = addDays(today, DEMO_ONBOARDING_LEAD_DAYS);
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

  const units: (DemoUnit & { tz: string; family: string })[] = [
    {
      code: "XH",
      name: "星河科技",
      nameEn: "Xinghe Technology",
      parentCode: null,
      managerNo: null,
      tz: "Asia/Shanghai",
      family: "default",
    },
  ];
  const addBranch = (b: Branch, parent: string, tz: string, family: string) => {
    const code = `${parent}-${b.code}`;
    units.push({
      code,
      name: b.name,
      nameEn: b.nameEn,
      parentCode: parent,
      managerNo: null,
      tz: b.tz ?? tz,
      family,
    });
    for (const c of b.children ?? []) addBranch(c, code, b.tz ?? tz, family);
  };
  for (const b of SKELETON)
    addBranch(b, "XH", "Asia/Shanghai", TITLES[b.code] ? b.code : "default");

  // Grow teams under the leaves (and teams under big teams) until the target is reached.
  let frontier = units.filter(
    (u) => !units.some((c) => c.parentCode === u.code) && u.code !== "XH",
  );
  while (units.length < unitTarget && frontier.length) {
    const next: typeof units = [];
    for (const parent of frontier) {
      const n = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < n && units.length < unitTarget; i++) {
        const [zh, en] = TEAM_WORDS[(units.length + i) % TEAM_WORDS.length];
        const unit = {
          code: `${parent.code}-${String(i + 1).padStart(2, "0")}`,
          name: `${parent.name}${zh}`,
          nameEn: `${parent.nameEn} ${en}`,
          parentCode: parent.code,
          managerNo: null,
          tz: parent.tz,
          family: parent.family,
        };
        units.push(unit);
        next.push(unit);
      }
    }
    frontier = next;
  }

  const employees: DemoEmployee[] = [];
  const usedEmails = new Set<string>();
  const emailFor = (local: string) => {
    let candidate = local;
    for (let i = 2; usedEmails.has(candidate); i++) candidate = `${local}${i}`;
    usedEmails.add(candidate);
    return `${candidate}@${domain}`;
  };
  const unitByCode = new Map(units.map((u) => [u.code, u]));

  for (const p of DEMO_PEOPLE) {
    const unit = unitByCode.get(p.unitCode)!;
    employees.push({
      employeeNo: p.employeeNo,
      name: p.name,
      nameEn: p.nameEn,
      title: p.title,
      grade: p.grade,
      unitCode: p.unitCode,
      email: emailFor(p.login),
      mobile: `1380000${p.employeeNo.slice(-4)}`,
      managerNo: null,
      status: "active",
      hireDate: "2019-03-01",
      timeZone: unit.tz,
      locale: unit.tz === "Asia/Shanghai" ? "zh-CN" : "en",
    });
  }

  // Everyone else: weight big leaves more, so teams have 5–30 people.
  const leaves = units.filter((u) => u.code !== "XH");
  for (let i = employees.length; i < employeeTarget; i++) {
    const unit = leaves[Math.floor(Math.pow(rand(), 1.3) * leaves.length)];
    const western = unit.tz !== "Asia/Shanghai" && rand() < 0.7;
    let name: string;
    let nameEn: string;
    let local: string;
    if (western) {
      const first = pick(WESTERN_FIRST);
      const last = pick(WESTERN_LAST);
      name = `${first} ${last}`;
      nameEn = name;
      local = `${first}.${last}`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z.]/g, "");
    } else {
      const [sh, sp] = pick(SURNAMES);
      const g1 = pick(GIVEN);
      const two = rand() < 0.6;
      const g2 = pick(GIVEN);
      name = sh + g1[0] + (two ? g2[0] : "");
      const given = g1[1] + (two ? g2[1] : "");
      nameEn = `${given[0].toUpperCase()}${given.slice(1)} ${sp}`;
      local = `${given}.${sp.toLowerCase()}`;
    }
    const titles = TITLES[unit.family] ?? TITLES.default;
    const [titleZh, titleEn, grade] = pick(titles);
    const r = rand();
    const status: DemoEmployee["status"] =
      r < 0.02 ? "onboarding" : r < 0.04 ? "on_leave" : "active";
    const year = 2012 + Math.floor(rand() * 14);
    const month = 1 + Math.floor(rand() * 12);
    employees.push({
      employeeNo: `XH${String(i + 1).padStart(6, "0")}`,
      name,
      nameEn,
      email: emailFor(local),
      mobile: `1${pick(["39", "58", "86", "37", "50"])}${String(10_000_000 + i).slice(-8)}`,
      title: unit.tz !== "Asia/Shanghai" || western ? titleEn : titleZh,
      grade,
      unitCode: unit.code,
      managerNo: null,
      status,
      hireDate:
        status === "onboarding" ? onboardingStart : `${year}-${String(month).padStart(2, "0")}-01`,
      timeZone: unit.tz,
      locale: unit.tz === "Asia/Shanghai" ? "zh-CN" : "en",
    });
  }

  // Managers: the first active employee of each unit manages it (a hire yet to start or someone on leave
  // has no IM account to be named as a manager); everyone reports to their unit's manager, else upwards.
  const firstOfUnit = new Map<string, string>();
  for (const e of employees)
    if (!firstOfUnit.has(e.unitCode) && e.status === "active")
      firstOfUnit.set(e.unitCode, e.employeeNo);
  firstOfUnit.set("XH", "XH000001");
  firstOfUnit.set("XH-HR", "XH000002");
  firstOfUnit.set("XH-IT", "XH000003");
  const managerOf = (code: string | null): string | null => {
    for (let c = code; c; c = unitByCode.get(c)?.parentCode ?? null) {
      const m = firstOfUnit.get(c);
      if (m) return m;
    }
    return null;
  };
  for (const u of units) u.managerNo = firstOfUnit.get(u.code) ?? null;
  for (const e of employees) {
    const own = firstOfUnit.get(e.unitCode);
    e.managerNo =
      own && own !== e.employeeNo ? own : managerOf(unitByCode.get(e.unitCode)?.parentCode ?? null);
    if (e.employeeNo === "XH000001") e.managerNo = null;
  }

  // A few pending transfers (one in every 400 people, never a unit's manager), picked without
  // drawing from the generator so the rest of the company stays the same.
  const managers = new Set(firstOfUnit.values());
  const movable = leaves.filter((u) => !TRANSFER_FREE.test(u.code));
  for (let i = 137; i < employees.length && movable.length > 1; i += 400) {
    const e = employees[i];
    if (e.status !== "active" || managers.has(e.employeeNo) || TRANSFER_FREE.test(e.unitCode))
      continue;
    const here = movable.findIndex((u) => u.code === e.unitCode);
    const to = movable[(here + 7) % movable.length];
    if (to.code !== e.unitCode)
      e.transfer = { unitCode: to.code, effectiveDate: addDays(today, DEMO_TRANSFER_LEAD_DAYS) };
  }

  return {
    units: units.map(({ code, name, nameEn, parentCode, managerNo }) => ({
      code,
      name,
      nameEn,
      parentCode,
      managerNo,
    })),
    employees,
  };
}
