import { RETENTION_KINDS } from "../lib/retention/retention-kinds";
import { expect, storageFor, test } from "./fixtures";

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("sees the storage panel, prunes now, and the last prune shows per kind", async ({
    page,
  }) => {
    await page.goto("/");
    const panel = page.getByRole("region", { name: "Storage" });
    await expect(panel.getByRole("heading", { name: "Storage" })).toBeVisible();
    const table = panel.getByRole("table", { name: "Storage per kind of record" });
    // A header row and one row per kind of record.
    await expect(table.getByRole("row")).toHaveCount(RETENTION_KINDS.length + 1);
    await expect(table.getByTestId("storage-auditLog")).toContainText("AuditLog");
    await expect(panel.getByRole("figure", { name: "Size per table" })).toBeVisible();
    await page.screenshot({ path: "test-results/retention-dashboard.png", fullPage: true });

    await panel.getByRole("link", { name: "Retention settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Retention" })).toBeVisible();
    await page.getByRole("button", { name: "Prune now" }).click();
    await expect(page.getByText("Pruning queued")).toBeVisible();

    // The maintenance run prunes kind after kind in the background; once the last (the audit
    // log) shows its result, every kind's does.
    await expect(async () => {
      await page.goto("/");
      await expect(page.getByTestId("storage-auditLog")).toContainText("removed", {
        timeout: 1000,
      });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByTestId("storage-jobRuns")).toContainText("removed");
    await expect(page.getByTestId("storage-queueArchive")).toContainText("removed");
  });

  test("changes a retention setting: refused out of bounds on the field, saved, audited", async ({
    page,
  }) => {
    await page.goto("/jobs");
    await page.getByRole("link", { name: "Retention settings" }).click();
    const form = page.getByRole("form", { name: "Retention settings" });
    const jobRuns = form.getByLabel("Job runs and steps");
    await expect(form.getByTestId("retention-in-force-jobRuns")).toHaveText("14 days");

    await jobRuns.fill("0");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(jobRuns).toHaveAttribute("aria-invalid", "true");

    // Sync changes may not outlive the sync runs that hold them (180 days by default).
    await jobRuns.fill("10");
    await form.getByLabel("Sync changes").fill("200");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("At most 180 days")).toBeVisible();
    await form.getByLabel("Sync changes").fill("");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Retention settings saved")).toBeVisible();
    await page.screenshot({ path: "test-results/retention-settings.png", fullPage: true });

    await page.reload();
    const saved = page.getByRole("form", { name: "Retention settings" });
    await expect(saved.getByLabel("Job runs and steps")).toHaveValue("10");
    await expect(saved.getByTestId("retention-in-force-jobRuns")).toHaveText("10 days");
    await page.goto("/");
    await expect(page.getByTestId("storage-jobRuns")).toContainText("10 days");
    await page.goto("/audit");
    await expect(page.getByText("retention.settings_updated").first()).toBeVisible();

    // Back to the default, so other specs see the product as shipped.
    await page.goto("/jobs/retention");
    await page.getByLabel("Job runs and steps").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Retention settings saved")).toBeVisible();
  });
});

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("has no storage panel on the dashboard", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Storage" })).toHaveCount(0);
  });
});
