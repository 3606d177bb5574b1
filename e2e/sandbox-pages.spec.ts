import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("hr") });

test("HR hires in the simulator: a toast says what changed and the record shows in recent changes", async ({
  page,
}) => {
  await page.goto("/hr-simulator");
  await expect(page.getByRole("heading", { level: 1, name: "HR simulator" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("signed HR webhook");

  await page.getByLabel("Name", { exact: true }).fill("测试 新人");
  await page.getByLabel("English name").fill("Ceshi Xinren");
  await page.getByLabel("E-mail").fill("ceshi.xinren@xinghe.example");
  await page.getByLabel("Department").selectOption("XH-RD-FE");
  await page.getByRole("button", { name: "Hire", exact: true }).click();

  const toast = page.getByText(/^Hired 测试 新人 \(E\d+\) into .+ · version 1$/);
  await expect(toast).toBeVisible();
  const employeeNo = /\((E\d+)\)/.exec((await toast.textContent()) ?? "")![1];
  const recent = page.getByRole("table", { name: "Recent changes" });
  const row = recent.getByRole("row").filter({ hasText: employeeNo });
  await expect(row).toContainText("测试 新人");
  await expect(row).toContainText("XH-RD-FE");
  await expect(row.getByRole("cell", { name: "v1" })).toBeVisible();
});

test("bulk hire 3 adds three rows to recent changes", async ({ page }) => {
  await page.goto("/hr-simulator");
  await page.getByRole("tab", { name: "Bulk hire" }).click();
  await page.getByLabel("How many (1–500)").fill("3");
  await page.getByLabel("Department").selectOption("XH-HR");
  await page.getByRole("button", { name: "Hire them" }).click();

  const toast = page.getByText(/^Hired 3 into .+: E\d+, E\d+, E\d+$/);
  await expect(toast).toBeVisible();
  const keys = ((await toast.textContent()) ?? "").match(/E\d+/g) ?? [];
  expect(keys).toHaveLength(3);
  const recent = page.getByRole("table", { name: "Recent changes" });
  for (const key of keys)
    await expect(recent.getByRole("row").filter({ hasText: key })).toContainText("XH-HR");
});

test("a missing field is flagged on the field itself", async ({ page }) => {
  await page.goto("/hr-simulator");
  await page.getByLabel("Department").selectOption("XH-RD-FE");
  await page.getByRole("button", { name: "Hire", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Name is required")).toBeVisible();
});

test("in the Chinese console the form's checks speak Chinese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageFor("hr") });
  const page = await context.newPage();
  await page.goto("/hr-simulator");
  await page.getByLabel("部门").selectOption("XH-RD-FE");
  await page.getByLabel("邮箱").fill("not-an-address");
  await page.getByRole("button", { name: "办理入职", exact: true }).click();
  await expect(page.getByLabel("姓名", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("此项必填")).toBeVisible();
  await expect(page.getByText("请输入有效的电子邮件地址")).toBeVisible();
  await expect(page.getByText("Name is required")).toHaveCount(0);
  await context.close();
});

test("the IM preview shows the IM directory (or says it fills with the first sync), and an inbox search", async ({
  page,
}) => {
  await page.goto("/im-preview");
  await expect(page.getByRole("heading", { level: 1, name: "IM preview" })).toBeVisible();
  // Specs share one stack: another spec may already have synced the company into the IM.
  const empty = page.getByText(/fills when a sync runs/);
  const tree = page.getByRole("navigation", { name: "Sandbox IM department tree" });
  await expect(empty.or(tree)).toBeVisible();
  const search = page.getByLabel("Search inbox by name or userid");
  await expect(search).toBeVisible();
  await search.fill("nobody-here");
  await page.locator("#main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=nobody-here/);
  await expect(page.getByText("No member matches “nobody-here”.")).toBeVisible();
});
