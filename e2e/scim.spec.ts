import { randomInt } from "node:crypto";
import { ensureFullSync } from "./ensure-full-sync";
import { expect, storageFor, test } from "./fixtures";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

test("an IT admin creates a SCIM connection, its token is shown once, and a user pushed with it appears in the sandbox IM", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const it = await browser.newContext({ storageState: storageFor("it") });
  const page = await it.newPage();
  await ensureFullSync(page, { reuse: true });

  const n = randomInt(1000, 9999);
  const connection = `Entra e2e ${n}`;
  await page.goto("/connections");
  await expect(page.getByTestId("scim-endpoint")).toHaveText(/\/scim\/v2$/);
  const form = page.getByRole("form", { name: "New SCIM inbound connection" });
  await form.getByLabel("Name").fill(connection);
  await form.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByText("SCIM connection created")).toBeVisible();
  const shown = page.getByTestId("scim-token");
  await expect(shown).toHaveText(/^obscim_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await expect(
    page
      .getByRole("table", { name: "SCIM inbound connections" })
      .getByRole("row")
      .filter({ hasText: connection }),
  ).toBeVisible();
  // Shown once: after a reload only its first characters remain.
  await page.reload();
  await expect(page.getByTestId("scim-token")).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: connection })).toContainText(
    token.slice(0, 11),
  );

  // The SCIM client: a wrong token is refused, the real one provisions a user into a mirrored department.
  const refused = await request.get("/scim/v2/Users", {
    headers: { Authorization: "Bearer obscim_wrong" },
  });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
  const name = `SCIM 推送${n}`;
  const created = await request.post("/scim/v2/Users", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
    data: {
      schemas: [USER, ENT],
      userName: `scim.e2e.${n}@xinghe.example`,
      displayName: name,
      active: true,
      emails: [{ type: "work", value: `scim.e2e.${n}@xinghe.example`, primary: true }],
      // A department no other spec re-maps (org-mapping.spec excludes XH-RD-FE).
      [ENT]: { employeeNumber: `SC${n}`, department: "XH-FIN-TAX" },
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toContain("application/scim+json");
  const found = await request.get(
    `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "scim.e2e.${n}@xinghe.example"`)}`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  expect((await found.json()).totalResults).toBe(1);

  // The incremental sync creates the account in the sandbox IM.
  await expect(async () => {
    await page.goto(`/im-preview?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("link").filter({ hasText: name })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await it.close();
});
