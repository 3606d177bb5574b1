import { DEMO_PEOPLE } from "@/lib/sandbox/demo/generate-company";

export type DemoAccount = {
  /** What the person types on the sign-in page. */
  login: string;
  /** Stable subject identifier (what a real IdP would put in `sub`). */
  sub: string;
  name: string;
  email: string;
  employeeNo: string | null;
  /** IdP groups; OIDC_ROLE_MAP turns them into OrgBridge roles. */
  groups: string[];
  locale: string;
  description: { en: string; zh: string };
};

/** The one password of every demo account of the embedded IdP (never used in production). */
export const DEMO_PASSWORD = "orgbridge";

const GROUPS: Record<string, string[]> = {
  ceo: ["orgbridge-hr-admins", "orgbridge-it-admins", "staff"],
  "hr.admin": ["orgbridge-hr-admins", "staff"],
  "it.admin": ["orgbridge-it-admins", "staff"],
};

const DESCRIPTIONS: Record<string, { en: string; zh: string }> = {
  ceo: { en: "HR and IT admin", zh: "HR 与 IT 管理员" },
  "hr.admin": { en: "HR admin", zh: "HR 管理员" },
  "it.admin": { en: "IT admin", zh: "IT 管理员" },
  "zhang.wei": { en: "Employee (Shanghai)", zh: "员工（上海）" },
  "emily.chen": { en: "Employee (Singapore)", zh: "员工（新加坡）" },
};

/** Demo people of the seeded company, plus one contractor who is not an employee. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...DEMO_PEOPLE.map((p) => ({
    login: p.login,
    sub: `demo-${p.employeeNo.toLowerCase()}`,
    name: p.name,
    email: `${p.login}@xinghe.example`,
    employeeNo: p.employeeNo,
    groups: GROUPS[p.login] ?? ["staff"],
    locale: p.unitCode === "XH-GLB-SG" ? "en" : "zh-CN",
    description: DESCRIPTIONS[p.login],
  })),
  {
    login: "contractor",
    sub: "demo-contractor",
    name: "Alex Contractor",
    email: "alex@partner.example",
    employeeNo: null,
    groups: ["contractors"],
    locale: "en",
    description: { en: "Not an employee", zh: "非公司员工" },
  },
];

export function findDemoAccount(login: string): DemoAccount | undefined {
  const needle = login.trim().toLowerCase();
  return DEMO_ACCOUNTS.find((a) => a.login === needle || a.email === needle);
}
