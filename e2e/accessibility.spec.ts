import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { AREAS, canView, type Area, type Role } from "../lib/core/auth/permissions";
import { expect, PERSONAS, storageFor, test, type Persona } from "./fixtures";

// axe (WCAG 2.0/2.1 A and AA) over every console page, as each role that may see it,
// in the light and the dark theme. Any violation fails and is listed rule by rule.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const ROLES_OF: Record<Persona, Role[]> = {
  hr: ["EMPLOYEE", "HR_ADMIN"],
  it: ["EMPLOYEE", "IT_ADMIN"],
  employee: ["EMPLOYEE"],
};

/** Pages beyond the navigation's own, each in the area whose view right it needs. */
const MORE_PAGES: { path: string; area: Area }[] = [
  { path: "/sync/settings", area: "sync" },
  { path: "/jobs/retention", area: "jobs" },
  { path: "/sync/scheduled", area: "sync" },
  { path: "/callbacks/new", area: "callbacks" },
  { path: "/callbacks/guide", area: "callbacks" },
  { path: "/notifications/compose", area: "notifications" },
  { path: "/notifications/log", area: "notifications" },
  { path: "/notifications/categories/new", area: "notifications" },
];

/** Detail pages: found through their list, or made (cheaply, through the UI) when the stack has none yet. */
const DETAIL_PAGES: { name: string; area: Area; find: (browser: Browser) => Promise<string> }[] = [
  { name: "a sync run", area: "sync", find: findSyncRun },
  { name: "a job run", area: "jobs", find: findJobRun },
  { name: "a callback endpoint", area: "callbacks", find: (b) => findEndpoint(b) },
  { name: "its edit form", area: "callbacks", find: async (b) => `${await findEndpoint(b)}/edit` },
  { name: "a callback delivery", area: "callbacks", find: findDelivery },
  { name: "a notification category", area: "notifications", find: findCategory },
  { name: "a sent notification", area: "notifications", find: findNotification },
];

/** Runs axe on what the page shows now and fails with every violation, rule and elements. */
async function expectNoViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`,
        )
        .join("\n") +
      (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more like these` : ""),
  );
  expect(report, `axe on ${label}:\n${report.join("\n")}`).toEqual([]);
}

/** Checks the page in the light theme, then in the dark one (the console follows the system's). */
async function checkBothThemes(page: Page, path: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveClass(
      colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
    );
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page, `${path} (${colorScheme})`);
  }
}

for (const persona of Object.keys(PERSONAS) as Persona[]) {
  test.describe(`as ${persona}`, () => {
    test.use({ storageState: storageFor(persona) });
    const visible = (area: Area) => canView(ROLES_OF[persona], area);

    const pages = [
      ...(Object.keys(AREAS) as Area[]).filter(visible).map((area) => AREAS[area].path),
      ...MORE_PAGES.filter((p) => visible(p.area)).map((p) => p.path),
    ];
    for (const path of pages) {
      test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
        await checkBothThemes(page, path);
      });
    }

    for (const detail of DETAIL_PAGES.filter((d) => visible(d.area))) {
      test(`${detail.name} has no WCAG A/AA violations`, async ({ page, browser }) => {
        test.setTimeout(120_000);
        await checkBothThemes(page, await detail.find(browser));
      });
    }
  });
}

test.describe("without a session", () => {
  test("the sign-in page has no WCAG A/AA violations", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/signin");
      await expect(page.getByRole("button", { name: "Sign in with company SSO" })).toBeVisible();
      await expectNoViolations(page, `/signin (${colorScheme})`);
    }
  });
});

/** Runs `fn` on a fresh page signed in as the IT or HR admin. */
async function as<T>(browser: Browser, persona: Persona, fn: (page: Page) => Promise<T>) {
  const context = await browser.newContext({ storageState: storageFor(persona), locale: "en-US" });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The href of the first link in `scope` matching `href`, or null when there is none. */
async function firstLink(page: Page, href: RegExp): Promise<string | null> {
  for (const link of await page.getByRole("link").all()) {
    const value = await link.getAttribute("href");
    if (value && href.test(value)) return value;
  }
  return null;
}

async function waitForLink(page: Page, href: RegExp): Promise<string> {
  let found: string | null = null;
  await expect(async () => {
    await page.reload();
    found = await firstLink(page, href);
    expect(found).not.toBeNull();
  }).toPass({ timeout: 60_000 });
  return found!;
}

const SYNC_RUN = /^\/sync\/(?!settings$)[^/]+$/;

async function findSyncRun(browser: Browser) {
  return as(browser, "it", async (page) => {
    await page.goto("/sync");
    const existing = await firstLink(page, SYNC_RUN);
    if (existing) return existing;
    await page
      .getByRole("group", { name: "Sandbox IM (WeCom API)" })
      .getByRole("button", { name: "Dry run" })
      .click();
    await expect(page.getByText("Dry run requested for Sandbox IM (WeCom API)")).toBeVisible();
    return waitForLink(page, SYNC_RUN);
  });
}

async function findJobRun(browser: Browser) {
  return as(browser, "it", async (page) => {
    await page.goto("/jobs");
    const existing = await firstLink(page, /^\/jobs\/[^/]+$/);
    if (existing) return existing;
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event sent")).toBeVisible();
    return waitForLink(page, /^\/jobs\/[^/]+$/);
  });
}

const ENDPOINT = /^\/callbacks\/(?!new$|guide$)[^/]+$/;

async function findEndpoint(browser: Browser) {
  return as(browser, "it", async (page) => {
    await page.goto("/callbacks");
    const existing = await firstLink(page, ENDPOINT);
    if (existing) return existing;
    // A receiver nobody listens on: the deliveries fail, which is all these pages need.
    const allowList = page.getByLabel("Allow-list");
    const current = await allowList.inputValue();
    if (!current.split(/[\s,]+/).includes("127.0.0.1"))
      await allowList.fill(`${current}\n127.0.0.1`.trim());
    await page.getByLabel("Allow plain http://").check();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Network policy saved")).toBeVisible();
    await page.goto("/callbacks/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Accessibility check");
    await page.getByLabel("URL", { exact: true }).fill("http://127.0.0.1:9/hooks");
    await page.getByRole("checkbox", { name: /sync\.completed/ }).check();
    await page.getByRole("button", { name: "Create endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Signing secret for Accessibility check" });
    await dialog.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Accessibility check" }),
    ).toBeVisible();
    return new URL(page.url()).pathname;
  });
}

async function findDelivery(browser: Browser) {
  const endpoint = await findEndpoint(browser);
  return as(browser, "it", async (page) => {
    const delivery = new RegExp(`^${endpoint}/deliveries/[^/]+$`);
    await page.goto(endpoint);
    const existing = await firstLink(page, delivery);
    if (existing) return existing;
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/^Test event \S+ queued$/)).toBeVisible();
    return waitForLink(page, delivery);
  });
}

const CATEGORY = /^\/notifications\/categories\/(?!new$)[^/]+$/;

async function findCategory(browser: Browser) {
  return as(browser, "hr", async (page) => {
    await page.goto("/notifications");
    const existing = await firstLink(page, CATEGORY);
    if (existing) return existing;
    const key = `a11y-${Date.now().toString(36)}`;
    await page.goto("/notifications/categories/new");
    const form = page.getByRole("form", { name: "New notification category" });
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Name (Chinese)").fill("无障碍检查");
    await form.getByLabel("Name (English)").fill("Accessibility check");
    await form.getByRole("button", { name: "Create category" }).click();
    await expect(page).toHaveURL(new RegExp(`/notifications/categories/${key}$`));
    return new URL(page.url()).pathname;
  });
}

async function findNotification(browser: Browser) {
  const category = decodeURIComponent((await findCategory(browser)).split("/").pop()!);
  return as(browser, "hr", async (page) => {
    await page.goto("/notifications/log");
    const existing = await firstLink(page, /^\/notifications\/log\/[^/]+$/);
    if (existing) return existing;
    await page.goto("/notifications/compose");
    await page.getByLabel("Category").selectOption(category);
    await page.getByLabel("Title").fill("Accessibility check");
    await page.getByLabel("Body").fill("无障碍检查。");
    await page.getByLabel("Employee numbers").fill("XH000004");
    await page.getByRole("button", { name: "Send notification" }).click();
    await expect(page).toHaveURL(/\/notifications\/log\/[a-z0-9]+$/);
    return new URL(page.url()).pathname;
  });
}
