import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` (offline). Migrations go through
// scripts/db.ts and Prisma's WebAssembly schema engine; see docs/database.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
