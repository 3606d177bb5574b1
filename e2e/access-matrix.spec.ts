import { AREAS, canView, type Area, type Role } from "../lib/core/auth/permissions";
import { expect, PERSONAS, storageFor, test, type Persona } from "./fixtures";

// One case per cell of the permission matrix (lib/core/auth/permissions.ts, docs/permissions.md).
const ROLES_OF: Record<Persona, Role[]> = {
  hr: ["EMPLOYEE", "HR_ADMIN"],
  it: ["EMPLOYEE", "IT_ADMIN"],
  employee: ["EMPLOYEE"],
};
const HEADINGS: Partial<Record<Area, RegExp>> = { me: /^Hello, / };
const NAV_NAMES: Record<Area, string> = {
  dashboard: "Dashboard",
  org: "Org mapping",
  employees: "Employees",
  sync: "Sync runs",
  conflicts: "Conflicts",
  notifications: "Notifications",
  callbacks: "Data callbacks",
  connections: "Connections",
  imPreview: "IM preview",
  hrSimulator: "HR simulator",
  jobs: "Job runs",
  tokens: "API tokens",
  apiLog: "API request log",
  developers: "Developer API",
  audit: "Audit log",
  users: "Users & roles",
  me: "My notifications",
};

for (const persona of Object.keys(PERSONAS) as Persona[]) {
  test.describe(`${persona}`, () => {
    test.use({ storageState: storageFor(persona) });
    for (const area of Object.keys(AREAS) as Area[]) {
      const allowed = canView(ROLES_OF[persona], area);
      test(`${allowed ? "may" : "may not"} open ${AREAS[area].path}`, async ({ page }) => {
        const response = await page.goto(AREAS[area].path);
        if (area === "dashboard" && !allowed) {
          await expect(page).toHaveURL(/\/me$/);
          return;
        }
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(
            page.getByRole("heading", { level: 1, name: HEADINGS[area] ?? NAV_NAMES[area] }),
          ).toBeVisible();
        } else {
          expect(response?.status()).toBe(403);
          await expect(
            page.getByRole("heading", { name: "You don't have access to this page" }),
          ).toBeVisible();
        }
      });
    }
  });
}

test.describe("without a session", () => {
  test("a page sends you to sign-in and back", async ({ page }) => {
    await page.goto("/audit?action=token.");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faudit%3Faction%3Dtoken\./);
    await expect(page.getByRole("button", { name: "Sign in with company SSO" })).toBeVisible();
  });

  test("the API answers 401 with a reason", async ({ request }) => {
    const res = await request.get("/api/v1/org-units");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("missing_token");
  });

  test("a forged session cookie is treated as no session", async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: "next-auth.session-token",
        value: "forged.jwt.value",
        domain: "localhost",
        path: "/",
      },
    ]);
    const page = await context.newPage();
    const res = await page.goto("/tokens");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/signin/);
    await context.close();
  });
});

test.describe("employee and the API", () => {
  test.use({ storageState: storageFor("employee") });
  test("a console session is no API token", async ({ page }) => {
    const res = await page.request.get("/api/v1/org-units");
    expect(res.status()).toBe(401);
  });
});
