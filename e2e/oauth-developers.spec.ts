import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

async function expectAccessible(page: Page, label: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe on ${label} (${colorScheme})`,
    ).toEqual([]);
  }
}

test("IT creates an OAuth client, an integration trades its secret for a token, rate limits and rotation apply, all audited", async ({
  page,
  playwright,
}) => {
  const name = `OA client ${Date.now().toString(36)}`;
  await page.goto("/tokens");
  await page.getByRole("button", { name: "New OAuth client" }).click();
  await page.getByLabel("Client name", { exact: true }).fill(name);
  await page.getByLabel("Client IP allow-list").fill("not-an-ip");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByLabel("Client IP allow-list")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Client IP allow-list").fill("");
  await expectAccessible(page, "/tokens with the OAuth client form open");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("OAuth client created")).toBeVisible();
  const clientId = (await page.getByTestId("new-client-id").textContent())!.trim();
  const secret = (await page.getByTestId("new-client-secret").textContent())!.trim();
  expect(clientId).toMatch(/^obc_[0-9a-f]{24}$/);
  expect(secret).toMatch(/^obs_/);

  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const basic = `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
  const issue = () =>
    api.post("/api/oauth/token", {
      headers: { authorization: basic },
      form: { grant_type: "client_credentials" },
    });
  const issued = await issue();
  expect(issued.status()).toBe(200);
  const { access_token: accessToken, scope } = await issued.json();
  expect(scope).toBe("org:read");
  const orgUnits = () =>
    api.get("/api/v1/org-units?limit=2", { headers: { authorization: `Bearer ${accessToken}` } });
  const ok = await orgUnits();
  expect(ok.status()).toBe(200);
  expect(ok.headers()["ratelimit-limit"]).toBe("600");
  expect((await ok.json()).items).toHaveLength(2);
  const wrong = await api.post("/api/oauth/token", {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:nope`).toString("base64")}` },
    form: { grant_type: "client_credentials" },
  });
  expect([wrong.status(), (await wrong.json()).error]).toEqual([401, "invalid_client"]);

  await page.reload();
  await page
    .getByLabel(`Rate limit for ${name} (requests a minute; empty: default)`, { exact: true })
    .fill("1");
  await page.getByRole("button", { name: `Save rate limit for ${name}` }).click();
  await expect(page.getByText("Rate limit saved")).toBeVisible();
  const first = await orgUnits();
  const second = await orgUnits();
  // The window may turn between the two calls; one of them, at least, meets the new limit.
  expect(first.headers()["ratelimit-limit"]).toBe("1");
  if (first.status() === 200) expect(second.status()).toBe(429);
  const limited = first.status() === 429 ? first : second;
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.code).toBe("rate_limited");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Rotate secret of ${name}` }).click();
  await expect(page.getByText("Secret rotated")).toBeVisible();
  await expect(page.getByTestId("rotated-client-secret")).toBeVisible();
  const stale = await orgUnits();
  expect([stale.status(), (await stale.json()).error.code]).toEqual([401, "revoked_token"]);
  expect((await issue()).status()).toBe(401);

  await page.goto("/audit?action=oauth");
  await expect(page.getByRole("cell", { name: "oauth_client.created" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "oauth.token_issued" }).first()).toBeVisible();
  await expect(
    page.getByRole("cell", { name: "oauth_client.secret_rotated" }).first(),
  ).toBeVisible();
});

test("the developer page renders the OpenAPI document the API serves", async ({ page }) => {
  const spec = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(spec.openapi).toBe("3.1.0");
  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Developer API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  for (const path of ["/api/v1/employees", "/api/v1/sync-runs", "/api/v1/callback-endpoints/{id}"])
    await expect(page.getByText(path, { exact: true }).first()).toBeVisible();
  const employees = page.locator("#listEmployees");
  await expect(employees.getByText("employees:read").first()).toBeVisible();
  await expect(employees.getByRole("cell", { name: "updatedSince" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download openapi.json" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
  await expectAccessible(page, "/developers");
});
