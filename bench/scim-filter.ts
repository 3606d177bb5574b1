// The in-memory part of a SCIM list whose filter names no indexed equality (`listScimResources`):
// render every resource of a client, build its filter view and run the compiled filter. Also the
// rendering of one page of 100 for comparison. Run: npx tsx bench/scim-filter.ts [users=10000]
import { loadavg } from "node:os";
import { compileScimFilter } from "@/lib/scim/rules/compile-scim-filter";
import { filterView } from "@/lib/scim/rules/filter-view";
import { renderScimResource } from "@/lib/scim/rules/render-scim-resource";
import type { StoredUser } from "@/lib/scim/types";

const users = Number(process.argv[2] ?? 10_000);
const rows = Array.from({ length: users }, (_, i) => {
  const data: StoredUser = {
    userName: `user${i}@example.com`,
    externalId: `ext-${i}`,
    displayName: `User ${i}`,
    name: { givenName: "User", familyName: String(i) },
    active: i % 10 !== 0,
    emails: [{ type: "work", value: `user${i}@example.com`, primary: true }],
    enterprise: { employeeNumber: `E${i}`, department: `Dept ${i % 50}` },
  };
  return {
    id: `id${i}`,
    type: "User",
    data,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
});
const filters = [
  'userName sw "user1" and emails[type eq "work"].value co "example"',
  'active eq false or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "dept 7"',
];
const figures: Record<string, number> = { users };
for (const [i, text] of filters.entries()) {
  const compiled = compileScimFilter(text, "userName");
  const runs: number[] = [];
  let matched = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    matched = rows.filter((row) =>
      compiled.test(
        filterView(renderScimResource(row, "http://x/scim/v2")) as Record<string, unknown>,
      ),
    ).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  figures[`filter${i + 1}MedianMs`] = Math.round(runs[2]);
  figures[`filter${i + 1}Matched`] = matched;
  console.log(
    `${text}: ${matched} of ${users} matched, median ${runs[2].toFixed(0)} ms over 5 runs`,
  );
}
const t0 = performance.now();
for (let r = 0; r < 100; r++)
  rows.slice(0, 100).map((row) => renderScimResource(row, "http://x/scim/v2"));
figures.renderPage100Ms = Number(((performance.now() - t0) / 100).toFixed(2));
console.log(`render one page of 100: ${figures.renderPage100Ms} ms`);
const load = loadavg().map((l) => Number(l.toFixed(2)));
console.log(`load average ${load.join(" ")}`);
console.log(`BENCH ${JSON.stringify({ bench: "scim-filter", ...figures, load })}`);
