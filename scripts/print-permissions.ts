// Prints the permission matrix as Markdown: node --import tsx scripts/print-permissions.ts > docs/permissions.md
import { AREAS, ROLES } from "@/lib/core/auth/permissions";

const cell = (area: keyof typeof AREAS, role: (typeof ROLES)[number]) => {
  const a = AREAS[area] as { view: readonly string[]; edit: readonly string[] };
  return a.edit.includes(role) ? "see + change" : a.view.includes(role) ? "see" : "—";
};
console.log("# Permission matrix\n");
console.log(
  "Generated from `lib/core/auth/permissions.ts` by `scripts/print-permissions.ts`; every page, server action and",
);
console.log(
  "console API checks it through `requireArea` / `areaAction` / `withApi`. The e2e suite",
);
console.log(
  "(`e2e/access-matrix.spec.ts`) runs one case per cell. Employees reach only `/me`, and only their own data.\n",
);
console.log(`| area | path | ${ROLES.join(" | ")} |`);
console.log(`| --- | --- | ${ROLES.map(() => "---").join(" | ")} |`);
for (const area of Object.keys(AREAS) as (keyof typeof AREAS)[]) {
  console.log(
    `| ${area} | \`${AREAS[area].path}\` | ${ROLES.map((r) => cell(area, r)).join(" | ")} |`,
  );
}
console.log(
  "\nAPI (`/api/v1/*`): API tokens only, never a console session. Scopes: `notifications:write`, `events:write`, `read`.",
);
console.log(
  "Unauthenticated → 401 JSON (pages: redirect to sign-in); authenticated without the role or scope → 403.",
);
