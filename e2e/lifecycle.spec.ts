import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { profiles } from "../scripts/lib/profiles";
import { addCalendarDays } from "@/lib/core/time/add-calendar-days";
import { localDate } from "@/lib/core/time/local-date";
import { ensureFullSync } from "./ensure-full-sync";
import { expect, storageFor, test } from "./fixtures";

/** Moves a leaver's recorded disable `days` into the past in the e2e database (the spec's clock). */
async function moveDisableBack(employeeNo: string, days: number) {
  const client = new pg.Client({
    connectionString: `postgresql://postgres:orgbridge@127.0.0.1:${profiles.e2e.ports.postgres}/orgbridge`,
  });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE "ImAccount" a SET "disabledAt" = a."disabledAt" - make_interval(days => $2)
       FROM "Employee" e WHERE e.id = a."employeeId" AND e."employeeNo" = $1 AND a."disabledAt" IS NOT NULL`,
      [employeeNo, days],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

// The demo company's zone; the sandbox hires into it.
const today = localDate(new Date(), "Asia/Shanghai");

async function hire(page: Page, name: string, email: string, hireDate?: string) {
  await page.goto("/hr-simulator");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Department").selectOption("XH-RD-FE");
  if (hireDate) await page.getByLabel("Hire date").fill(hireDate);
  await page.getByRole("button", { name: "Hire", exact: true }).click();
  const toast = page.getByText(new RegExp(`^Hired ${name} \\((E\\d+)\\)`));
  await expect(toast).toBeVisible();
  return /\((E\d+)\)/.exec((await toast.textContent()) ?? "")![1];
}

/** The sandbox IM's own view of a member: "· Disabled" follows the name when the account is off. */
async function expectImMember(page: Page, name: string, disabled: boolean) {
  await expect(async () => {
    await page.goto(`/im-preview?q=${encodeURIComponent(name)}`);
    const results = page.getByRole("list", { name: `Members matching “${name}”` });
    const member = results.getByRole("link").filter({ hasText: name });
    await expect(member).toBeVisible({ timeout: 2_000 });
    if (disabled) await expect(member).toContainText("Disabled", { timeout: 2_000 });
    else await expect(member).not.toContainText("Disabled", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** An IT admin's page (after the initial full sync) and an HR admin's page. */
async function itAndHr(browser: Browser) {
  const it = await browser.newContext({ storageState: storageFor("it") });
  const itPage = await it.newPage();
  await ensureFullSync(itPage);
  const hr = await browser.newContext({ storageState: storageFor("hr") });
  return { it, itPage, hr, page: await hr.newPage() };
}

test("a future hire is pre-boarded disabled with the enable scheduled; a leaver is disabled, the deletion scheduled, and deleted once the grace has passed", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { it, itPage, hr, page } = await itAndHr(browser);
  const n = randomInt(1000, 9999);

  // Starts in two days: inside the 3-day pre-boarding window, so the push creates the account disabled.
  const future = `预入职 测试${n}`;
  const futureNo = await hire(page, future, `pre.${n}@xinghe.example`, addCalendarDays(today, 2));
  await expectImMember(page, future, true);

  await expect(async () => {
    await itPage.goto("/sync/scheduled");
    await expect(
      itPage.getByRole("heading", { level: 1, name: "Scheduled changes" }),
    ).toBeVisible();
    const row = itPage.getByTestId(`scheduled-enable-${futureNo}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row).toContainText(future);
    await expect(row).toContainText("Asia/Shanghai");
    await expect(row.getByText("Enable", { exact: true })).toBeVisible();
  }).toPass({ timeout: 60_000 });

  // Hired today, then leaving with yesterday as the last day: the end of that day has passed.
  const leaver = `离职 测试${n}`;
  const leaverNo = await hire(page, leaver, `leave.${n}@xinghe.example`);
  await expectImMember(page, leaver, false);
  await page.goto("/hr-simulator");
  await page.getByRole("tab", { name: "Terminate", exact: true }).click();
  await page.getByLabel("Employee", { exact: true }).fill(leaverNo);
  await page.getByLabel("Last day").fill(addCalendarDays(today, -1));
  await page.getByRole("button", { name: "Terminate", exact: true }).click();
  await expect(page.getByText(new RegExp(`^Terminated ${leaver} \\(${leaverNo}\\)`))).toBeVisible();
  await expectImMember(page, leaver, true);

  // Deletion waits for the 30-day grace.
  await expect(async () => {
    await itPage.goto("/sync/scheduled");
    const row = itPage.getByTestId(`scheduled-delete-${leaverNo}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row.getByText("Delete", { exact: true })).toBeVisible();
  }).toPass({ timeout: 60_000 });
  await expect(itPage.getByTestId(`scheduled-disable-${leaverNo}`)).toHaveCount(0);

  // Thirty-one days on. The fake clock: the app has no clock hook, so time moves in the data —
  // the account's disable is moved 31 days into the past, as if the grace had run out. An IT
  // admin provisions the leaver on demand: the dry run's calls delete the account, Apply does it.
  await moveDisableBack(leaverNo, 31);
  await itPage.goto(`/employees/${leaverNo}`);
  await itPage.getByLabel("IM target").selectOption({ label: "Sandbox IM (WeCom API)" });
  await itPage.getByRole("button", { name: "Dry run" }).click();
  const calls = itPage.getByRole("list", { name: "IM calls for Sandbox IM (WeCom API)" });
  await expect(calls.getByRole("listitem").filter({ hasText: "deleteUser" })).toHaveCount(1, {
    timeout: 60_000,
  });
  await itPage.getByRole("button", { name: "Apply" }).click();
  await expect(itPage.getByText(/^Applied: 1 change made, 0 failed/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(async () => {
    await page.goto(`/im-preview?q=${encodeURIComponent(leaver)}`);
    await expect(page.getByText(`No member matches “${leaver}”.`)).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });
  await it.close();
  await hr.close();
});

test("a transfer HR schedules for next week is listed with both units, in the employee's zone and UTC", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { it, itPage, hr, page } = await itAndHr(browser);
  const n = randomInt(1000, 9999);
  const mover = `调动 测试${n}`;
  const moverNo = await hire(page, mover, `move.${n}@xinghe.example`);

  await page.goto("/hr-simulator");
  await page.getByRole("tab", { name: "Transfer", exact: true }).click();
  await page.getByLabel("Employee", { exact: true }).fill(moverNo);
  await page.getByLabel("Target department").selectOption("XH-RD-QA");
  await page.getByLabel("First day in the new department").fill(addCalendarDays(today, 7));
  await page.getByRole("button", { name: "Transfer", exact: true }).click();
  await expect(
    page.getByText(new RegExp(`^Scheduled ${mover} \\(${moverNo}\\) to move to `)),
  ).toBeVisible();

  await expect(async () => {
    await itPage.goto("/sync/scheduled");
    const row = itPage.getByTestId(`scheduled-transfer-${moverNo}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row.getByText("Transfer", { exact: true })).toBeVisible();
    await expect(row).toContainText(/\(XH-RD-FE\) → .*\(XH-RD-QA\)/);
    await expect(row).toContainText("Asia/Shanghai");
    await expect(row).toContainText("UTC");
  }).toPass({ timeout: 60_000 });
  await it.close();
  await hr.close();
});
