import type { Page } from "@playwright/test";
import { expect, storageFor, test } from "./fixtures";

const HR_NAME = "人力资源部";
const IM_NAME = "人力资源部（IM 手改）";

async function syncNow(page: Page) {
  await page.goto("/sync");
  await page
    .getByRole("group", { name: "Sandbox IM (WeCom API)" })
    .getByRole("button", { name: "Sync now" })
    .click();
  await expect(page.getByText("Sync requested for Sandbox IM (WeCom API)")).toBeVisible();
}

/** Opens a department in the IM preview's tree, expanding parents until it shows. */
async function openImDepartment(page: Page, name: string) {
  await page.goto("/im-preview");
  const tree = page.getByRole("navigation", { name: "Sandbox IM department tree" });
  const link = tree.getByRole("link", { name, exact: true });
  for (let depth = 0; depth < 3 && !(await link.isVisible()); depth++) {
    await tree
      .getByRole("button", { name: /^Expand / })
      .first()
      .click();
  }
  await link.click();
  await expect(page.getByText(`Members of ${name}`)).toBeVisible();
}

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("an IM rename raises a conflict; keep HR resolves it and the re-check renames the IM group back", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await syncNow(page);
    const run = page
      .getByRole("table", { name: "Sync runs" })
      .getByRole("row")
      .filter({ hasText: "Sandbox IM (WeCom API)" })
      .filter({ has: page.getByRole("link", { name: "Full" }) })
      .first();
    // The demo company (2,000 employees) takes about a minute to sync on a small machine.
    await expect(run.getByText("Succeeded")).toBeVisible({ timeout: 150_000 });

    await openImDepartment(page, HR_NAME);
    await page.getByRole("button", { name: "Rename in IM (as an IM admin would)" }).click();
    await page.getByLabel("New name in IM").fill(IM_NAME);
    await page.getByRole("button", { name: "Rename", exact: true }).click();
    await expect(page.getByText(`Renamed “${HR_NAME}” to “${IM_NAME}” in the IM`)).toBeVisible();

    await syncNow(page);
    const row = page
      .getByRole("table", { name: "Conflicts" })
      .getByRole("row")
      .filter({ hasText: "IM group renamed" })
      .filter({ hasText: IM_NAME });
    await expect(async () => {
      await page.goto("/conflicts?type=im_group_renamed");
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 150_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();
    await expect(row.getByText(HR_NAME, { exact: true }).first()).toBeVisible();

    await row.getByRole("button", { name: "Resolve" }).click();
    const form = page.getByRole("form", { name: /^Resolve / });
    await form.getByRole("radio", { name: "Keep HR" }).check();
    await form.getByLabel("Note").fill("HR owns department names");
    await form.getByRole("button", { name: "Apply resolution" }).click();
    await expect(
      page.getByText("Resolved; the engine applies it and re-checks with a sync."),
    ).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.goto("/conflicts?status=RESOLVED&type=im_group_renamed");
    const resolved = page
      .getByRole("table", { name: "Conflicts" })
      .getByRole("row")
      .filter({ hasText: IM_NAME });
    await expect(resolved.getByText("Resolved", { exact: true })).toBeVisible();
    await expect(resolved.getByText("Keep HR by 陈志强")).toBeVisible();

    // The resolution renames the IM group back, and the re-check sync finds nothing to raise.
    await expect(async () => {
      await openImDepartment(page, HR_NAME);
    }).toPass({ timeout: 150_000 });
    await expect(async () => {
      await page.goto("/conflicts?type=im_group_renamed");
      await expect(page.getByText("No conflicts match")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 150_000 });
  });
});
