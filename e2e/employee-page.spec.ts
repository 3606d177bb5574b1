import { randomInt } from "node:crypto";
import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

test("an IT admin finds a new hire from the search box, runs a dry run and reads its trace", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A new hire in the sandbox HR: its signed webhook puts them in OrgBridge's directory.
  const n = randomInt(1000, 9999);
  const name = `开通 测试${n}`;
  await page.goto("/hr-simulator");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail").fill(`prov.${n}@xinghe.example`);
  await page.getByLabel("Department").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Hire", exact: true }).click();
  const hired = page.getByText(new RegExp(`^Hired ${name} \\((E\\d+)\\)`));
  await expect(hired).toBeVisible();
  const employeeNo = (await hired.textContent())!.match(/\((E\d+)\)/)![1];

  // The header's search box: an exact employee number opens the employee page.
  await expect(async () => {
    await page.goto("/");
    const search = page.getByRole("search", { name: "Search employees" });
    await search.getByRole("searchbox", { name: "Search employees" }).fill(employeeNo);
    await search.getByRole("searchbox", { name: "Search employees" }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`/employees/${employeeNo}$`), { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(
    page.getByRole("heading", { level: 1, name: `${name} · ${employeeNo}` }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "HR record" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Scheduled changes" })).toBeVisible();

  await page.getByLabel("IM target").selectOption({ label: "Sandbox IM (WeCom API)" });
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText(/^Dry run finished: /)).toBeVisible({ timeout: 60_000 });
  const trace = page.getByRole("list", { name: "Rules applied for Sandbox IM (WeCom API)" });
  await expect(
    trace
      .getByRole("listitem")
      .filter({ hasText: "Active: the account should exist and be enabled" }),
  ).toHaveCount(1);
  await expect(trace.getByRole("listitem").filter({ hasText: /^Scoping/ })).not.toHaveCount(0);
  await expect(trace.getByRole("listitem").filter({ hasText: /^Privacy/ })).not.toHaveCount(0);
  await expect(trace.getByRole("listitem").filter({ hasText: /^Attribute authority/ })).toHaveCount(
    4,
  );
  await expect(trace.getByRole("listitem").filter({ hasText: /^Manager/ })).toHaveCount(1);
  // Either the calls it would make, or — if a sync already created the account — none.
  const calls = page.getByRole("list", { name: "IM calls for Sandbox IM (WeCom API)" });
  const none = page.getByText("Already in sync: no IM calls.");
  await expect(calls.or(none)).toBeVisible();
  if (await calls.isVisible())
    await expect(calls.getByRole("listitem").filter({ hasText: "createUser" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Apply" })).toBeEnabled();
});
