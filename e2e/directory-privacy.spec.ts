import AxeBuilder from "@axe-core/playwright";
import { expect, storageFor, test } from "./fixtures";

// Issue 18 items 3 and 5 in the browser: an HR admin hides directors' mobiles and sees, on the org
// mapping screen, what the sandbox IM will get; an IT admin sets field ownership per IM target.

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("adds a privacy rule for senior grades; the sandbox IM preview shows the mobile hidden", async ({
    page,
  }) => {
    await page.goto("/org");
    const form = page.getByRole("form", { name: "Add a privacy rule" });
    await form.getByLabel("Rule name").fill("Directors");
    // Checked in the browser with the server's schema: a rule must say whom it hits.
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(
      form.getByText("A privacy rule needs at least one org unit, job title or grade"),
    ).toBeVisible();
    // Grades compare case-insensitively: the demo's CEO is M6, the HR director M5.
    await form.getByLabel("Grades").fill("m5, M6");

    // The sandbox IM speaks WeCom's API, which has no senior mode: refused, naming the platform.
    await form.getByRole("checkbox", { name: "Senior mode" }).check();
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(form.getByRole("alert")).toContainText("cannot honour senior mode");
    await expect(form.getByRole("alert")).toContainText("Sandbox IM (WeCom API)");
    await expect(page.getByRole("table", { name: "Employees hit by Directors" })).toHaveCount(0);

    await form.getByRole("checkbox", { name: "Senior mode" }).uncheck();
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByText("Privacy rules saved; the next sync applies them.")).toBeVisible();

    const preview = page.getByRole("table", { name: "Employees hit by Directors" });
    const director = preview.getByRole("row", { name: /李娜/ });
    await expect(director).toContainText("XH000002");
    await expect(director.getByRole("cell").nth(2)).toHaveText("M5");
    await expect(director.getByRole("cell").nth(3)).toHaveText(
      "Hidden (not sent to Sandbox IM (WeCom API))",
    );
    await expect(director.getByRole("cell").nth(4)).toHaveText("Shown");
    await expect(preview.getByRole("row", { name: /王建国/ })).toContainText("M6");
    await expect(page.getByText("Grade: M6")).toBeVisible();

    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByRole("button", { name: "Delete rule Directors" }).click();
    await expect(page.getByText("No privacy rules yet")).toBeVisible();
  });
});

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("sets a field to IM wins on the IM target's sync settings", async ({ page }) => {
    await page.goto("/sync/settings");
    const form = page.getByRole("form", { name: /^Field ownership for / }).first();
    await expect(form.getByLabel("Manager")).toBeDisabled();
    await form.getByLabel("Name", { exact: true }).selectOption("im_wins");
    await form.getByRole("button", { name: "Save field ownership" }).click();
    await expect(page.getByText(/^Field ownership for .+ saved\.$/)).toBeVisible();
    await page.reload();
    await expect(
      page
        .getByRole("form", { name: /^Field ownership for / })
        .first()
        .getByLabel("Name", { exact: true }),
    ).toHaveValue("im_wins");
    await form.getByLabel("Name", { exact: true }).selectOption("hr_wins");
    await form.getByRole("button", { name: "Save field ownership" }).click();
    await expect(page.getByText(/^Field ownership for .+ saved\.$/)).toBeVisible();
  });
});
