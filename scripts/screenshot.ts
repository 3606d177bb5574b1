// Takes Chromium screenshots of console pages, for looking at what we built.
//   node --import tsx scripts/screenshot.ts http://localhost:3000/ out.png [--locale en] [--dark] [--storage state.json]
import { chromium } from "@playwright/test";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: "string", default: "zh-CN" },
    dark: { type: "boolean" },
    storage: { type: "string" },
    width: { type: "string", default: "1440" },
  },
});
const [url, out] = positionals;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const context = await browser.newContext({
  locale: values.locale,
  colorScheme: values.dark ? "dark" : "light",
  viewport: { width: Number(values.width), height: 900 },
  storageState: values.storage,
});
const page = await context.newPage();
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
