import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const IM = "Sandbox IM (WeCom API)";

/**
 * Pushes only reach an IM target after its initial full sync: make sure one has succeeded (specs share
 * the stack). By default a full sync is requested and awaited; `reuse` settles for one that already
 * succeeded, when the spec needs only the target to be live.
 */
export async function ensureFullSync(page: Page, options: { reuse?: boolean } = {}) {
  await page.goto("/sync");
  const full = page
    .getByRole("table", { name: "Sync runs" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Full" }) });
  if (options.reuse && (await full.filter({ hasText: "Succeeded" }).count()) > 0) return;
  await page.getByRole("group", { name: IM }).getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(`Sync requested for ${IM}`)).toBeVisible();
  // The demo company (2,000 employees) takes about a minute the first time on a small machine.
  await expect(full.first().getByText("Succeeded")).toBeVisible({ timeout: 150_000 });
}
