// Rewrites the generated tables of docs/callbacks-receiver{,.zh-CN}.md from the code:
// node --import tsx scripts/update-receiver-guide.ts
import { readFileSync, writeFileSync } from "node:fs";
import {
  renderCatalogueTable,
  renderScheduleTable,
  replaceSection,
} from "../lib/callbacks/rules/render-receiver-guide-tables.ts";

for (const file of ["callbacks-receiver.md", "callbacks-receiver.zh-CN.md"]) {
  const path = new URL(`../docs/${file}`, import.meta.url);
  let doc = readFileSync(path, "utf8");
  doc = replaceSection(doc, "schedules", renderScheduleTable());
  doc = replaceSection(doc, "catalogue", renderCatalogueTable());
  writeFileSync(path, doc);
}
