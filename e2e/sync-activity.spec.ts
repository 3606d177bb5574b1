import { randomInt } from "node:crypto";
import { ensureFullSync } from "./ensure-full-sync";
import { expect, storageFor, test } from "./fixtures";

const IM = "Sandbox IM (WeCom API)";
const IM_PATTERN = IM.replace(/[()]/g, "\\$&");

test("full runs and incremental activity apart: the kind filter, the hourly view, its drill-down and the chart", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const it = await browser.newContext({ storageState: storageFor("it") });
  const page = await it.newPage();
  await ensureFullSync(page);

  // Two hires pushed by the sandbox HR: each runs an incremental sync.
  const hr = await browser.newContext({ storageState: storageFor("hr") });
  const hrPage = await hr.newPage();
  await hrPage.goto("/hr-simulator");
  for (const i of [1, 2]) {
    const n = randomInt(1000, 9999);
    const name = `活动 测试${n}${i}`;
    await hrPage.getByLabel("Name", { exact: true }).fill(name);
    await hrPage.getByLabel("E-mail").fill(`activity.${n}.${i}@xinghe.example`);
    await hrPage.getByLabel("Department").selectOption("XH-RD-QA");
    await hrPage.getByRole("button", { name: "Hire", exact: true }).click();
    await expect(hrPage.getByText(new RegExp(`^Hired ${name} \\(E\\d+\\)`))).toBeVisible();
  }

  // "All" keeps the runs table to full runs and dry runs, and shows incremental runs per hour.
  await page.goto("/sync");
  const kinds = page.getByRole("navigation", { name: "Run kind" });
  await expect(kinds.getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  await expect(
    page.getByRole("table", { name: "Sync runs" }).getByRole("link", { name: "Incremental" }),
  ).toHaveCount(0);
  await expect(page.getByRole("figure", { name: "Changes per hour" })).toBeVisible();

  await kinds.getByRole("link", { name: "Incremental" }).click();
  await expect(page).toHaveURL(/[?&]kind=INCREMENTAL/);
  await expect(page.getByRole("table", { name: "Sync runs" })).toHaveCount(0);
  const hours = page.getByRole("table", { name: "Incremental runs per hour" });
  // The pushes are handled in the background: reload until both runs are counted.
  await expect(async () => {
    await page.reload();
    const links = hours.getByRole("row").filter({ hasText: IM }).getByRole("link");
    await expect(links.first()).toBeVisible({ timeout: 2_000 });
    const counts = await links.allInnerTexts();
    expect(
      counts.reduce((n, text) => n + Number(text.match(/\d+/)?.[0] ?? 0), 0),
    ).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 90_000 });
  await page.screenshot({ path: "test-results/sync-activity-hours.png", fullPage: true });

  // Drill down into the hour: its runs, each opening its change log.
  await hours
    .getByRole("link", {
      name: new RegExp(`^Open the \\d+ incremental runs? of .+ on ${IM_PATTERN}$`),
    })
    .first()
    .click();
  await expect(page).toHaveURL(/[?&]hour=.+&connection=/);
  await expect(
    page.getByRole("heading", { level: 2, name: /^Incremental runs of / }),
  ).toBeVisible();
  const hourRuns = page.getByRole("table", { name: "Sync runs" });
  await expect(hourRuns.getByRole("link", { name: "Incremental" }).first()).toBeVisible();
  await expect(hourRuns.getByRole("link", { name: "Full" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/sync-activity-hour.png", fullPage: true });
  await hourRuns.getByRole("link", { name: "Incremental" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Incremental sync · ${IM}` }),
  ).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "Back to all hours" }).click();
  await expect(page).toHaveURL(/\/sync\?kind=INCREMENTAL$/);

  // Full syncs only; then the week.
  await kinds.getByRole("link", { name: "Full syncs" }).click();
  await expect(page).toHaveURL(/[?&]kind=FULL/);
  const fullRuns = page.getByRole("table", { name: "Sync runs" });
  await expect(fullRuns.getByRole("link", { name: "Full" }).first()).toBeVisible();
  await expect(fullRuns.getByRole("link", { name: "Incremental" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Incremental runs per hour" })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Period" })
    .getByRole("link", { name: "Last 7 days" })
    .click();
  await expect(page).toHaveURL(/kind=FULL&range=7d/);
  await expect(page.getByRole("figure", { name: "Changes per hour" })).toBeVisible();

  // A filter the product does not have is refused, naming the field.
  await page.goto("/sync?kind=WEEKLY");
  await expect(page.getByText("The filter in the address was not understood (kind)")).toBeVisible();
  const api = await page.request.get("/api/console/sync-runs?kind=WEEKLY");
  expect(api.status()).toBe(422);
  expect((await api.json()).error.issues[0].field).toBe("kind");
  await it.close();
  await hr.close();
});
