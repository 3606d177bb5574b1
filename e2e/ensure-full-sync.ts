import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Pushes only reach an IM target after its initial full sync: make sure one has succeeded (specs share the stack). */
export async function ensureFullSync(page: Page) {
  await page.goto("/sync");
  await page
    .getByRole("group", { name: "Sandbox IM (WeCom API)" })
    .getByRole("button", { name: "Sync now" })
    .click();
  await expect(page.getByText("Sync requested for Sandbox IM (WeCom API)")).toBeVisible();
  const run = page
    .getByRole("table", { name: "Sync runs" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Full" }) })
    .first();
  // The demo company (2,000 employees) takes about a minute the first time on a small machine.
  await expect(run.getByText("Succeeded")).toBeVisible({ timeout: 150_000 });
}
