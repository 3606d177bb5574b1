import { expect, storageFor, test } from "./fixtures";

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("Sync now runs a full sync to Succeeded, its change log shows the creates, and the IM gets the tree", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto("/sync");
    await expect(page.getByRole("heading", { level: 1, name: "Sync runs" })).toBeVisible();
    await page
      .getByRole("group", { name: "Sandbox IM (WeCom API)" })
      .getByRole("button", { name: "Sync now" })
      .click();
    await expect(page.getByText("Sync requested for Sandbox IM (WeCom API)")).toBeVisible();

    const row = page
      .getByRole("table", { name: "Sync runs" })
      .getByRole("row")
      .filter({ hasText: "Sandbox IM (WeCom API)" })
      .filter({ has: page.getByRole("link", { name: "Full" }) })
      .first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    // The demo company (2,000 employees) takes about a minute to sync on a small machine.
    await expect(row.getByText("Succeeded")).toBeVisible({ timeout: 150_000 });

    // Specs share one stack: the company's first full sync (the oldest run) holds the creates,
    // whether this spec or an earlier one started it.
    await page
      .getByRole("table", { name: "Sync runs" })
      .getByRole("link", { name: "Full" })
      .last()
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Full sync · Sandbox IM (WeCom API)" }),
    ).toBeVisible();
    const changes = page.getByRole("table", { name: "Changes" });
    await expect(
      changes
        .getByRole("row")
        .filter({ hasText: "group.create" })
        .filter({ hasText: "Applied" })
        .first(),
    ).toBeVisible();

    await page.getByLabel("Operation").selectOption("account.create");
    await page.getByLabel("Change status").selectOption("APPLIED");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(/op=account\.create/);
    await expect(
      changes
        .getByRole("row")
        .filter({ hasText: "account.create" })
        .filter({ hasText: "Applied" })
        .first(),
    ).toBeVisible();
    await expect(changes.getByRole("row").filter({ hasText: "group.create" })).toHaveCount(0);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();

    await page.goto("/im-preview");
    await expect(
      page
        .getByRole("navigation", { name: "Sandbox IM department tree" })
        .getByText("星河科技")
        .first(),
    ).toBeVisible();
  });
});

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("sees sync runs read-only, without Sync now", async ({ page }) => {
    await page.goto("/sync");
    await expect(page.getByRole("heading", { level: 1, name: "Sync runs" })).toBeVisible();
    await expect(page.getByText("Only IT admins can start a sync.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Dry run" })).toHaveCount(0);
  });
});
