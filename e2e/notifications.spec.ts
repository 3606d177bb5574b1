import type { Browser, Page } from "@playwright/test";
import { expect, storageFor, test } from "./fixtures";

// Specs share one running stack: every category this spec creates has a key unique to the run.
const uniq = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

type NewCategory = {
  key: string;
  nameEn: string;
  mandatory?: boolean;
  quiet?: { start: string; end: string; zone: string };
};

/** HR creates a category through the policy form, as a person would. */
async function createCategory(page: Page, c: NewCategory) {
  await page.goto("/notifications/categories/new");
  const form = page.getByRole("form", { name: "New notification category" });
  await form.getByLabel("Key").fill(c.key);
  await form.getByLabel("Name (Chinese)").fill(`测试 ${c.nameEn}`);
  await form.getByLabel("Name (English)").fill(c.nameEn);
  await form.getByLabel("Description (English)").fill(`What ${c.nameEn} is for.`);
  if (c.mandatory) await form.getByRole("radio", { name: /^Mandatory/ }).check();
  if (c.quiet) {
    await form.getByLabel("Hold notifications during quiet hours").check();
    await form.getByLabel("Start").fill(c.quiet.start);
    await form.getByLabel("End", { exact: true }).fill(c.quiet.end);
    await form.getByLabel("Time zone").fill(c.quiet.zone);
  }
  await form.getByRole("button", { name: "Create category" }).click();
  await expect(page.getByText(`Category ${c.key} created`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/notifications/categories/${c.key}$`));
}

async function asHr<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: storageFor("hr"), locale: "en-US" });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

test.describe("HR admin", () => {
  test.use({ storageState: storageFor("hr") });

  test("creates a policy with quiet hours, versions it, and the simulator explains a deferral", async ({
    page,
  }) => {
    const key = uniq();
    await createCategory(page, {
      key,
      nameEn: `Review reminder ${key}`,
      quiet: { start: "22:00", end: "08:00", zone: "Asia/Shanghai" },
    });
    await expect(
      page.getByRole("heading", { level: 1, name: `Review reminder ${key}` }),
    ).toBeVisible();
    const history = page.getByRole("list", { name: "Version history" });
    await expect(history.getByText("First version.")).toBeVisible();

    // The simulator runs the sender's rule: 23:30 in Shanghai is inside 22:00–08:00.
    const simulator = page.getByRole("form", { name: "Delivery-time simulator" });
    await simulator.getByRole("radio", { name: "Anyone in a time zone" }).check();
    await simulator.getByRole("combobox", { name: "Time zone" }).fill("Asia/Shanghai");
    await simulator.getByLabel("Send time").fill("2026-11-22T23:30");
    await expect(
      simulator.getByText(/On the clock in Asia\/Shanghai; that is Nov 22, 2026, 3:30\sPM UTC\./),
    ).toBeVisible();
    await simulator.getByRole("button", { name: "Simulate" }).click();
    const result = page.getByTestId("simulation-result");
    await expect(result.getByText("Deferred", { exact: true })).toBeVisible();
    await expect(result).toContainText(
      "Delivered at 08:00 on 2026-11-23 (Asia/Shanghai) because quiet hours 22:00–08:00 defer it.",
    );

    // A change is a new version; the history shows what changed.
    const form = page.getByRole("form", { name: "Edit notification category" });
    await form.getByLabel("Start").fill("21:00");
    await form.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page.getByText("Saved as version 2")).toBeVisible();
    await expect(history.getByText(/Quiet start:\s*22:00\s*→\s*21:00/)).toBeVisible();

    // "Deliver anyway" is only for urgent mandatory categories, and the server's key check lands on the field.
    await expect(form.getByRole("radio", { name: "Deliver anyway" })).toBeDisabled();
    await page.goto("/notifications/categories/new");
    const again = page.getByRole("form", { name: "New notification category" });
    await again.getByLabel("Key").fill(key);
    await again.getByLabel("Name (Chinese)").fill("重复");
    await again.getByLabel("Name (English)").fill("Duplicate");
    await again.getByRole("button", { name: "Create category" }).click();
    await expect(
      again.getByText(`A category with the key "${key}" already exists; choose another key.`),
    ).toBeVisible();
    await expect(again.getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
  });

  test("composes a notification to a small audience and sees its outcomes in the log", async ({
    page,
  }) => {
    const key = uniq();
    const title = `Payslip ready ${key}`;
    await createCategory(page, { key, nameEn: `Payslip ${key}` });
    await page.goto("/notifications/compose");
    await page.getByLabel("Category").selectOption(key);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body").fill("你的工资条已生成。");
    await expect(page.getByText("27 / 2048 bytes")).toBeVisible();
    // Org units can be browsed level by level; this audience stays two people.
    await page.getByText("Browse the org tree").click();
    await expect(
      page.getByRole("tree", { name: "Org tree" }).getByRole("treeitem").first(),
    ).toBeVisible();
    await page.getByLabel("Employee numbers").fill("XH000004, XH000005, NOPE-404");
    const preview = page.getByTestId("audience-preview");
    await expect(preview).toContainText("2 active employees");
    await expect(preview).toContainText("Unknown employee numbers: NOPE-404");
    await page.getByRole("button", { name: "Send notification" }).click();
    await expect(page.getByText("Notification accepted for 2 recipients")).toBeVisible();
    await expect(page).toHaveURL(/\/notifications\/log\/[a-z0-9]+$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("region", { name: "Summary" })).toContainText(
      "Unknown employee numbers: NOPE-404",
    );

    // Both recipients get an outcome (sent, or failed when their IM account does not exist yet).
    const recipients = page.getByRole("table", { name: "Recipients" });
    await expect(recipients.getByRole("row").filter({ hasText: "XH000004" })).toBeVisible({
      timeout: 60_000,
    });
    // Without a sync the demo employees have no IM account yet, so all-failed (FAILED) is as final as COMPLETED.
    await expect(page.getByTestId("notification-status")).toHaveText(/^(Completed|Failed)$/, {
      timeout: 60_000,
    });
    const outcomes = await Promise.all(
      ["SENT", "FAILED"].map(async (s) =>
        Number(await page.getByTestId(`count-${s}`).locator("span").last().textContent()),
      ),
    );
    expect(outcomes[0] + outcomes[1]).toBe(2);

    await page.goto(`/notifications/log?category=${key}`);
    const row = page
      .getByRole("table", { name: "Notifications" })
      .getByRole("row")
      .filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByText(/^(Completed|Failed)$/)).toBeVisible();
    await expect(row.getByRole("img", { name: /(Sent|Failed) \d/ })).toBeVisible();
  });
});

test.describe("employee", () => {
  test.use({ storageState: storageFor("employee") });

  test("opts out of an optional category (saved, survives a reload) and sees a mandatory one locked", async ({
    page,
    browser,
  }) => {
    const optional = { key: uniq(), nameEn: "Birthday wishes" };
    const mandatory = { key: uniq(), nameEn: "Emergency notice", mandatory: true };
    optional.nameEn = `Birthday wishes ${optional.key}`;
    mandatory.nameEn = `Emergency notice ${mandatory.key}`;
    await asHr(browser, async (hr) => {
      await createCategory(hr, optional);
      await createCategory(hr, mandatory);
    });

    await page.goto("/me");
    const toggle = page.getByRole("switch", { name: `Receive ${optional.nameEn}` });
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(page.getByText(`You will no longer receive ${optional.nameEn}`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("switch", { name: `Receive ${optional.nameEn}` })).toHaveAttribute(
      "aria-checked",
      "false",
    );

    const locked = page.getByRole("switch", {
      name: `${mandatory.nameEn} (required by HR, cannot be turned off)`,
    });
    await expect(locked).toBeDisabled();
    await expect(locked).toHaveAttribute("aria-checked", "true");
    await expect(
      page.getByText(`Required by HR: every employee receives “${mandatory.nameEn}”.`),
    ).toBeVisible();
  });
});
