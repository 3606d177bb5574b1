import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

test("a test event runs a real Inngest function through the embedded executor, visible live with its steps", async ({
  page,
}) => {
  await page.goto("/jobs");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event sent")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "system/ping.requested" }).first();
  await expect(row.getByText("Completed")).toBeVisible({ timeout: 45_000 });

  await row.getByRole("link", { name: "System ping" }).click();
  const steps = page.getByRole("list", { name: "Steps" });
  for (const name of ["acknowledge", "check-database", "summarise"]) {
    await expect(steps.getByText(name, { exact: true })).toBeVisible();
  }
  // The seeded company (150 units, 2,000 people) plus whatever other specs hired through the HR pushes.
  await expect(page.getByLabel("Output")).toContainText(/1\d\d org units, 2\d{3} employees/);

  await page.getByRole("button", { name: "Rerun" }).click();
  await expect(page.getByText("Rerun started")).toBeVisible();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 45_000 });
});

test("the executor registered the app's functions, including the nightly cron", async ({
  page,
}) => {
  await page.goto("/jobs");
  const options = page.getByLabel("Function").locator("option");
  await expect(options.filter({ hasText: "Nightly maintenance" })).toHaveCount(1);
  await expect(options.filter({ hasText: "System ping" })).toHaveCount(1);
});

test("the functions panel shows each registered function's state and flow control", async ({
  page,
}) => {
  await page.goto("/jobs");
  const panel = page.getByRole("table", { name: "Functions" });
  const drain = panel.getByRole("row").filter({ hasText: "Send due callback deliveries" });
  await expect(drain.getByText("Runnable")).toBeVisible();
  await expect(drain.getByText("singleton")).toBeVisible();
  await expect(drain.getByText("mode: skip")).toBeVisible();
  const ping = panel.getByRole("row").filter({ hasText: "System ping" });
  await expect(ping.getByText("none")).toBeVisible();
  // The app's own functions declare nothing the executor refuses.
  await expect(panel.getByText("Refused")).toHaveCount(0);
});
