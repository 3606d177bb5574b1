import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("hr") });

test.describe("health for IT admins", () => {
  test.use({ storageState: storageFor("it") });
  test("health reports the database and the version", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.server).toMatch(/^PostgreSQL \d+/);
  });
});

test("health tells anonymous callers only ok / not ok", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: undefined });
  const res = await anonymous.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  await anonymous.dispose();
});

test("dashboard shows the seeded demo company from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-orgUnits")).toHaveText("150");
  // 2,000 seeded, plus any hires other specs pushed through the HR webhook (specs share one stack).
  await expect(page.getByTestId("stat-employees")).toHaveText(/^2,\d{3}$/);
  await expect(page.getByRole("figure", { name: "Head count by division" })).toContainText(
    "R&D Center",
  );
});

test("language follows Accept-Language and the switcher changes it", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageFor("hr") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "仪表盘" })).toBeVisible();
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await context.close();
});

test("navigation shows only the areas of the role", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Console navigation" });
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API tokens" })).toHaveCount(0);
});

test("machine endpoints answer uncompressed; pages stay gzipped", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: undefined });
  const hook = await anonymous.post("/api/hooks/hr/no-such-connection", {
    headers: { "accept-encoding": "gzip", "content-type": "application/json" },
    data: "{}",
  });
  expect(hook.status()).toBe(401);
  expect(hook.headers()["content-encoding"]).toBeUndefined();
  const page = await anonymous.get("/signin", { headers: { "accept-encoding": "gzip" } });
  expect(page.status()).toBe(200);
  expect(page.headers()["content-encoding"]).toBe("gzip");
  await anonymous.dispose();
});
