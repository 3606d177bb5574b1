import { randomInt } from "node:crypto";
import { expect, storageFor, test } from "./fixtures";

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("adds a termination rule by reason, is told about a bad time zone on the field, and the rule persists", async ({
    page,
  }) => {
    await page.goto("/sync");
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sync settings" })).toBeVisible();
    const form = page.getByRole("form", { name: "Sync settings" });
    await expect(form.getByLabel("Full sync")).toHaveValue("30 2 * * *");

    const reason = `严重违纪-${randomInt(1000, 9999)}`;
    await form.getByRole("button", { name: "Add a reason" }).click();
    const rows = form.getByRole("listitem");
    const n = await rows.count();
    await form.getByLabel(`Termination reason ${n}`).fill(reason);
    await form.getByLabel(`Timing for reason ${n}`).selectOption("immediate");

    await form.getByLabel("Company time zone").fill("Asia/Beijing");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByLabel("Company time zone")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Company time zone: not an IANA time zone name")).toBeVisible();

    await form.getByLabel("Company time zone").fill("Asia/Shanghai");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Sync settings saved")).toBeVisible();

    await page.reload();
    const saved = page.getByRole("form", { name: "Sync settings" });
    await expect(saved.getByLabel(`Termination reason ${n}`)).toHaveValue(reason);
    await expect(saved.getByLabel(`Timing for reason ${n}`)).toHaveValue("immediate");
    // The audit log says who changed the sync rules.
    await page.goto("/audit");
    await expect(page.getByText("sync.settings_updated").first()).toBeVisible();
  });
});

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("sees the sync settings read-only", async ({ page }) => {
    await page.goto("/sync/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Sync settings" })).toBeVisible();
    await expect(page.getByText("Only IT admins can change the sync settings.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(page.getByLabel("Company time zone")).toBeDisabled();
  });
});
