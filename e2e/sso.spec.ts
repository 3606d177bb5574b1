import { expect, signInThroughSso, test } from "./fixtures";

test("each role lands on its home after SSO", async ({ browser }) => {
  for (const [login, home, heading] of [
    ["hr.admin", /\/$/, "Dashboard"],
    ["it.admin", /\/$/, "Dashboard"],
    ["zhang.wei", /\/me$/, "Hello, Wei Zhang"],
  ] as const) {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signInThroughSso(page, login);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await context.close();
  }
});

test("the employee sees their own HR profile", async ({ page }) => {
  await signInThroughSso(page, "emily.chen", "/me");
  await expect(page.getByTestId("me-employee-no")).toHaveText("XH000005");
});

test("a wrong password is refused on the IdP's page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with company SSO" }).click();
  await page.getByLabel("Username or e-mail").fill("hr.admin");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
});

test("cancelling at the IdP shows a readable error", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with company SSO" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/cancelled|denied|failed/i);
});

test("sign out ends the session", async ({ page }) => {
  await signInThroughSso(page, "it.admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/signin/);
});
