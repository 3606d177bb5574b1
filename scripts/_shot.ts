import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const locale = process.argv[2] ?? "en-US";
const ctx = await browser.newContext({ locale, baseURL: "http://localhost:3000", viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.goto("/signin");
await page.locator("main button").first().click();
await page.locator("#login").fill("ceo");
await page.locator("#password").fill("orgbridge");
await page.locator("button[type=submit]").first().click();
await page.waitForURL("http://localhost:3000/");
for (const p of ["connections", "hr-simulator", "im-preview"]) {
  await page.goto("/" + p, { timeout: 120000 }); await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/${p}-${locale}.png`, fullPage: true });
}
await browser.close();
