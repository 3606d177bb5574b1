import { randomInt } from "node:crypto";
import { ensureFullSync } from "./ensure-full-sync";
import { expect, storageFor, test } from "./fixtures";

const UNIT = { code: "XH-RD-QA", name: "质量保障部" };
const TEMPLATE = "{code} {name}";
const GROUP = `${UNIT.code} ${UNIT.name}`;

test("HR maps a unit, hires into it in the HR system, and the pushed change creates the IM account in the renamed group", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const it = await browser.newContext({ storageState: storageFor("it") });
  await ensureFullSync(await it.newPage());

  const hr = await browser.newContext({ storageState: storageFor("hr") });
  const page = await hr.newPage();
  await page.goto("/org");
  await page.getByRole("searchbox", { name: "Search units" }).fill(UNIT.name);
  const tree = page.getByRole("tree", { name: "HR org tree" });
  await tree
    .getByRole("treeitem", { name: `${UNIT.name} (${UNIT.code})` })
    .getByText(UNIT.name, { exact: true })
    .click();
  const form = page.getByRole("form", { name: `Mapping of ${UNIT.name}` });
  await form.getByRole("radio", { name: "Mirror" }).check();
  await form.getByLabel("Naming template").fill(TEMPLATE);
  await form.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText(`Mapping saved for ${UNIT.name}`)).toBeVisible();

  // The sandbox HR pushes the hire to OrgBridge's signed webhook; the incremental sync does the rest.
  const n = randomInt(1000, 9999);
  const name = `增量 测试${n}`;
  await page.goto("/hr-simulator");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail").fill(`incr.${n}@xinghe.example`);
  await page.getByLabel("Department").selectOption(UNIT.code);
  await page.getByRole("button", { name: "Hire", exact: true }).click();
  await expect(page.getByText(new RegExp(`^Hired ${name} \\(E\\d+\\)`))).toBeVisible();

  await expect(async () => {
    await page.goto("/im-preview");
    const nav = page.getByRole("navigation", { name: "Sandbox IM department tree" });
    for (const parent of ["星河科技", "研发中心"]) {
      const expand = nav.getByRole("button", { name: `Expand ${parent}`, exact: true });
      if (await expand.isVisible()) await expand.click();
    }
    await nav.getByRole("link", { name: GROUP, exact: true }).click({ timeout: 2_000 });
    await expect(page.getByText(`Members of ${GROUP}`)).toBeVisible({ timeout: 2_000 });
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // The change came through an incremental run: counted in its hour, listed when the hour is opened.
  await page.goto("/sync?kind=INCREMENTAL");
  await page
    .getByRole("table", { name: "Incremental runs per hour" })
    .getByRole("row")
    .filter({ hasText: "Sandbox IM (WeCom API)" })
    .getByRole("link")
    .first()
    .click();
  await expect(
    page
      .getByRole("table", { name: "Sync runs" })
      .getByRole("link", { name: "Incremental" })
      .first(),
  ).toBeVisible();
  await it.close();
  await hr.close();
});
