import { randomBytes } from "node:crypto";
import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

test("IT admin sees the seeded sandbox connections and a connection test turns them healthy", async ({
  page,
}) => {
  await page.goto("/connections");
  const hr = page.getByRole("region", { name: "HR sources" });
  const im = page.getByRole("region", { name: "IM targets" });
  const hrRow = hr.getByRole("row").filter({ hasText: "Sandbox HR" });
  const imRow = im.getByRole("row").filter({ hasText: "Sandbox IM (WeCom API)" });
  await expect(hrRow).toBeVisible();
  await expect(imRow).toBeVisible();

  await imRow.getByRole("button", { name: "Test connection Sandbox IM (WeCom API)" }).click();
  await expect(page.getByText("Sandbox IM (WeCom API): connection works")).toBeVisible();
  await expect(imRow.getByText("Healthy", { exact: true })).toBeVisible();
  await expect(imRow.getByRole("status")).toContainText("Connected to corp");

  await hrRow.getByRole("button", { name: "Test connection Sandbox HR" }).click();
  await expect(hrRow.getByText("Healthy", { exact: true })).toBeVisible();
});

test("a new WeCom connection to a dead address fails its test, and its secret never reaches the page", async ({
  page,
}) => {
  const name = `Dead WeCom ${Date.now()}`;
  const secret = `typed-${randomBytes(8).toString("hex")}`;
  await page.goto("/connections");
  await page.getByRole("link", { name: "Add IM target" }).click();
  await page.getByLabel("Provider").selectOption({ label: "WeCom" });
  await page
    .getByRole("form", { name: "New connection" })
    .getByLabel("Name", { exact: true })
    .fill(name);
  await page.getByLabel("API base URL").fill("http://127.0.0.1:9/cgi-bin");
  await page.getByLabel("Corp ID (corpid)").fill("ww-dead");
  await page.getByLabel("App AgentId").fill("1000002");
  await page.getByLabel("Contact sync secret").fill(secret);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connection saved")).toBeVisible();

  const row = page
    .getByRole("region", { name: "IM targets" })
    .getByRole("row")
    .filter({ hasText: name });
  await row.getByRole("button", { name: `Test connection ${name}` }).click();
  await expect(page.getByText(`${name}: connection test failed`)).toBeVisible();
  await expect(row.getByText("Failing", { exact: true })).toBeVisible();
  await expect(row.getByRole("status")).not.toBeEmpty();
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByText("Leave a secret empty to keep the stored one.")).toBeVisible();
  await expect(page.getByLabel("Contact sync secret")).toHaveValue("");
  await expect(page.getByLabel("Corp ID (corpid)")).toHaveValue("ww-dead");
  expect(await page.content()).not.toContain(secret);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByText("Connection deleted")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("a bad URL in the connection form names the field", async ({ page }) => {
  await page.goto("/connections");
  await page.getByRole("link", { name: "Add IM target" }).click();
  await page.getByLabel("Provider").selectOption({ label: "WeCom" });
  await page
    .getByRole("form", { name: "New connection" })
    .getByLabel("Name", { exact: true })
    .fill("Bad URL");
  await page.getByLabel("API base URL").fill("not a url");
  await page.getByLabel("Corp ID (corpid)").fill("ww-x");
  await page.getByLabel("App AgentId").fill("1");
  await page.getByLabel("Contact sync secret").fill("x");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByLabel("API base URL")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form").getByText("Invalid URL")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Bad URL" })).toHaveCount(0);
});
