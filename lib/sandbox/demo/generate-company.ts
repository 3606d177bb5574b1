// A deterministic fictional company for the sandbox HR directory, the demo and
// the benchmarks. Same options → same company, byte for byte.

import { addDays } from "@/lib/sync/rules/add-days";

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
  unitCode: string;
  managerNo: string | null;
  status: "onboarding" | "active" | "on_leave" | "terminated";
  hireDate: string;
  timeZone: string;
  locale: string;
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

export type DemoCompany = { units: DemoUnit[]; employees: DemoEmployee[] };

/** Fixed people the embedded IdP signs in as; they are ordinary employees of the company. */
export const DEMO_PEOPLE = [
  {
    employeeNo: "XH000001",
    name: "王建国",
    nameEn: "Jianguo Wang",
    title: "首席执行官",
    unitCode: "XH",
    login: "ceo",
  },
  {
    employeeNo: "XH000002",
    name: "李娜",
    nameEn: "Na Li",
    title: "人力资源总监",
    unitCode: "XH-HR",
    login: "hr.admin",
  },
  {
    employeeNo: "XH000003",
    name: "陈志强",
    nameEn: "Zhiqiang Chen",
    title: "IT 经理",
    unitCode: "XH-IT",
    login: "it.admin",
  },
  {
    employeeNo: "XH000004",
    name: "张伟",
    nameEn: "Wei Zhang",
    title: "高级前端工程师",
    unitCode: "XH-RD-FE",
    login: "zhang.wei",
  },
  {
    employeeNo: "XH000005",
    name: "陈艾米",
    nameEn: "Emily Chen",
    title: "Account Executive",
    unitCode: "XH-GLB-SG",
    login: "emily.chen",
  },
] as const;

const SURNAMES: [string, string][] = [
  ["王", "Wang"],
  ["李", "Li"],
  ["张", "Zhang"],
  ["刘", "Liu"],
  ["陈", "Chen"],
  ["杨", "Yang"],
  ["黄", "Huang"],
  ["赵", "Zhao"],
  ["吴", "Wu"],
  ["周", "Zhou"],
  ["徐", "Xu"],
  ["孙", "Sun"],
  ["马", "Ma"],
  ["朱", "Zhu"],
  ["胡", "Hu"],
  ["郭", "Guo"],
  ["何", "He"],
  ["高", "Gao"],
  ["林", "Lin"],
  ["罗", "Luo"],
  ["郑", "Zheng"],
  ["梁", "Liang"],
  ["谢", "Xie"],
  ["宋", "Song"],
  ["唐", "Tang"],
  ["许", "Xu"],
  ["韩", "Han"],
  ["冯", "Feng"],
  ["邓", "Deng"],
  ["曹", "Cao"],
  ["彭", "Peng"],
  ["曾", "Zeng"],
  ["萧", "Xiao"],
  ["田", "Tian"],
  ["董", "Dong"],
];
const GIVEN: [string, string][] = [
  ["伟", "wei"],
  ["芳", "fang"],
  ["娜", "na"],
  ["敏", "min"],
  ["静", "jing"],
  ["丽", "li"],
  ["强", "qiang"],
  ["磊", "lei"],
  ["军", "jun"],
  ["洋", "yang"],
  ["勇", "yong"],
  ["艳", "yan"],
  ["杰", "jie"],
  ["娟", "juan"],
  ["涛", "tao"],
  ["明", "ming"],
  ["超", "chao"],
  ["秀", "xiu"],
  ["霞", "xia"],
  ["平", "ping"],
  ["刚", "gang"],
  ["桂", "gui"],
  ["文", "wen"],
  ["华", "hua"],
  ["欣", "xin"],
  ["宇", "yu"],
  ["晨", "chen"],
  ["浩", "hao"],
  ["婷", "ting"],
  ["雪", "xue"],
  ["琳", "lin"],
  ["子", "zi"],
  ["涵", "han"],
  ["思", "si"],
  ["博", "bo"],
  ["嘉", "jia"],
  ["俊", "jun"],
  ["佳", "jia"],
  ["睿", "rui"],
  ["鑫", "xin"],
];
const WESTERN_FIRST = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "Lucas",
  "Sophia",
  "Ethan",
  "Mia",
  "James",
  "Chloe",
  "Ryan",
  "Grace",
  "Daniel",
  "Hannah",
  "Aarav",
  "Priya",
  "Kenji",
  "Yuki",
  "Mei",
];
const WESTERN_LAST = [
  "Smith",
  "Tan",
  "Lim",
  "Brown",
  "Patel",
  "Nguyen",
  "Müller",
  "García",
  "Wilson",
  "Kumar",
  "Sato",
  "Lee",
  "Ong",
  "Martin",
  "Davies",
];

type Branch = { code: string; name: string; nameEn: string; children?: Branch[]; tz?: string };

/** Top of the tree, written by hand so the demo reads like a real company; the rest is generated below it. */
const SKELETON: Branch[] = [
  {
    code: "RD",
    name: "研发中心",
    nameEn: "R&D Center",
    children: [
      { code: "FE", name: "前端开发部", nameEn: "Frontend Engineering" },
      { code: "BE", name: "后端开发部", nameEn: "Backend Engineering" },
      { code: "MOB", name: "移动开发部", nameEn: "Mobile Engineering" },
      { code: "QA", name: "质量保障部", nameEn: "Quality Assurance" },
      { code: "DATA", name: "数据平台部", nameEn: "Data Platform" },
      { code: "AI", name: "人工智能实验室", nameEn: "AI Lab" },
      { code: "SRE", name: "基础架构部", nameEn: "Infrastructure & SRE" },
    ],
  },
  {
    code: "PD",
    name: "产品中心",
    nameEn: "Product Center",
    children: [
      { code: "PM", name: "产品管理部", nameEn: "Product Management" },
      { code: "UX", name: "用户体验设计部", nameEn: "UX Design" },
    ],
  },
  {
    code: "SALES",
    name: "销售中心",
    nameEn: "Sales Center",
    children: [
      { code: "N", name: "华北大区", nameEn: "North China Region" },
      { code: "E", name: "华东大区", nameEn: "East China Region" },
      { code: "S", name: "华南大区", nameEn: "South China Region" },
      { code: "W", name: "西部大区", nameEn: "West China Region" },
      { code: "KA", name: "大客户部", nameEn: "Key Accounts" },
    ],
  },
  {
    code: "MKT",
    name: "市场部",
    nameEn: "Marketing",
    children: [
      { code: "BRAND", name: "品牌部", nameEn: "Brand" },
      { code: "GROWTH", name: "增长部", nameEn: "Growth" },
    ],
  },
  {
    code: "CS",
    name: "客户成功部",
    nameEn: "Customer Success",
    children: [
      { code: "SUP", name: "技术支持部", nameEn: "Technical Support" },
      { code: "IMPL", name: "实施交付部", nameEn: "Implementation" },
    ],
  },
  {
    code: "OPS",
    name: "运营中心",
    nameEn: "Operations",
    children: [
      { code: "SCM", name: "供应链部", nameEn: "Supply Chain" },
      { code: "ADMIN", name: "行政部", nameEn: "Administration" },
    ],
  },
  {
    code: "HR",
    name: "人力资源部",
    nameEn: "Human Resources",
    children: [
      { code: "TA", name: "招聘组", nameEn: "Talent Acquisition" },
      { code: "CB", name: "薪酬福利组", nameEn: "Compensation & Benefits" },
      { code: "LD", name: "培训发展组", nameEn: "Learning & Development" },
    ],
  },
  {
    code: "FIN",
    name: "财务部",
    nameEn: "Finance",
    children: [
      { code: "ACC", name: "会计组", nameEn: "Accounting" },
      { code: "TAX", name: "税务组", nameEn: "Tax" },
    ],
  },
  { code: "LEGAL", name: "法务部", nameEn: "Legal" },
  {
    code: "IT",
    name: "IT 部",
    nameEn: "IT",
    children: [
      { code: "DESK", name: "桌面支持组", nameEn: "Service Desk" },
      { code: "SEC", name: "信息安全组", nameEn: "Information Security" },
    ],
  },
  {
    code: "GLB",
    name: "海外事业部",
    nameEn: "International",
    children: [
      { code: "SG", name: "新加坡办事处", nameEn: "Singapore Office", tz: "Asia/Singapore" },
      { code: "LON", name: "伦敦办事处", nameEn: "London Office", tz: "Europe/London" },
      {
        code: "SF",
        name: "旧金山办事处",
        nameEn: "San Francisco Office",
        tz: "America/Los_Angeles",
      },
    ],
  },
];

const TEAM_WORDS: [string, string][] = [
  ["一组", "Team 1"],
  ["二组", "Team 2"],
  ["三组", "Team 3"],
  ["平台组", "Platform"],
  ["工具组", "Tooling"],
  ["增长组", "Growth"],
  ["创新组", "Innovation"],
  ["交付组", "Delivery"],
  ["华东组", "East"],
  ["华南组", "South"],
];
const TITLES: Record<string, [string, string][]> = {
  RD: [
    ["软件工程师", "Software Engineer"],
    ["高级工程师", "Senior Engineer"],
    ["测试工程师", "QA Engineer"],
    ["架构师", "Architect"],
  ],
  SALES: [
    ["销售经理", "Sales Manager"],
    ["客户经理", "Account Manager"],
    ["销售代表", "Sales Representative"],
  ],
  GLB: [
    ["Account Executive", "Account Executive"],
    ["Solutions Engineer", "Solutions Engineer"],
  ],
  default: [
    ["专员", "Specialist"],
    ["高级专员", "Senior Specialist"],
    ["主管", "Supervisor"],
    ["分析师", "Analyst"],
  ],
};

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
    today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" }),
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
    const [titleZh, titleEn] = pick(titles);
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
      unitCode: unit.code,
      managerNo: null,
      status,
      hireDate:
        status === "onboarding" ? onboardingStart : `${year}-${String(month).padStart(2, "0")}-01`,
      timeZone: unit.tz,
      locale: unit.tz === "Asia/Shanghai" ? "zh-CN" : "en",
    });
  }

  // Managers: the first employee of each unit manages it; everyone reports to their unit's manager, else upwards.
  const firstOfUnit = new Map<string, string>();
  for (const e of employees)
    if (!firstOfUnit.has(e.unitCode)) firstOfUnit.set(e.unitCode, e.employeeNo);
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
