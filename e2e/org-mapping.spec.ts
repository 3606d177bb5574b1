import { expect, storageFor, test } from "./fixtures";

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("maps the org tree: search, exclude a department, children follow, invalid template named", async ({
    page,
  }) => {
    await page.goto("/org");
    await expect(page.getByRole("heading", { level: 1, name: "Org mapping" })).toBeVisible();
    const tree = page.getByRole("tree", { name: "HR org tree" });
    // The run command mirrors the root "XH" with its descendants, so the units below inherit it.
    const root = tree.getByRole("treeitem", { name: "星河科技 (XH)" });
    await expect(root.getByText("Mirror", { exact: true })).toBeVisible();
    await expect(
      tree.getByRole("treeitem", { name: "研发中心 (XH-RD)" }).getByText("inherited from 星河科技"),
    ).toBeVisible();

    await page.getByRole("searchbox", { name: "Search units" }).fill("前端");
    const frontend = tree.getByRole("treeitem", { name: "前端开发部 (XH-RD-FE)" });
    await expect(frontend).toBeVisible();
    await frontend.getByText("前端开发部", { exact: true }).click();

    const form = page.getByRole("form", { name: "Mapping of 前端开发部" });
    await expect(page.getByText("Effective: Mirror, inherited from 星河科技.")).toBeVisible();
    await form.getByRole("radio", { name: "Exclude" }).check();
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText("Mapping saved for 前端开发部")).toBeVisible();
    await expect(frontend.getByText("Excluded", { exact: true })).toBeVisible();

    const child = tree.getByRole("treeitem", { name: /^前端开发部.+ \(XH-RD-FE-\d+\)$/ }).first();
    await expect(child.getByText("Excluded", { exact: true })).toBeVisible();
    await expect(child.getByText("inherited from 前端开发部")).toBeVisible();

    const saved = page.getByRole("form", { name: "Mapping of 前端开发部" });
    await saved.getByRole("radio", { name: "Mirror" }).check();
    await saved.getByLabel("Naming template").fill("{nope}");
    await expect(saved.getByText(/Cannot render: Unknown placeholder \{nope\}/)).toBeVisible();
    await saved.getByRole("button", { name: "Save mapping" }).click();
    await expect(saved.getByRole("alert")).toContainText(
      "Naming template: Unknown placeholder {nope}",
    );
    await expect(saved.getByLabel("Naming template")).toHaveAttribute("aria-invalid", "true");
    await expect(frontend.getByText("Excluded", { exact: true })).toBeVisible();
  });
});

test.describe("IT admin", () => {
  test.use({ storageState: storageFor("it") });

  test("sees the mappings read-only, without a save button", async ({ page }) => {
    await page.goto("/org");
    await expect(page.getByRole("heading", { level: 1, name: "Org mapping" })).toBeVisible();
    const root = page
      .getByRole("tree", { name: "HR org tree" })
      .getByRole("treeitem", { name: "星河科技 (XH)" });
    await root.getByText("星河科技", { exact: true }).click();
    await expect(page.getByRole("form", { name: "Mapping of 星河科技" })).toBeVisible();
    await expect(page.getByText("Only HR admins can change mappings.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save mapping" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Apply to subtree…" })).toHaveCount(0);
  });
});
