// Database tasks: `migrate`, `diff --name x`, `reset`, `seed`.
// Uses DATABASE_URL when set, else starts the embedded PostgreSQL under .data/.
import { parseArgs } from "node:util";
import { applyMigrations, diffMigration, resetDatabase } from "./lib/migrate.ts";
import { withDatabase } from "./lib/stack.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" } },
});
const task = positionals[0];

await withDatabase(async (url) => {
  switch (task) {
    case "migrate": {
      const applied = await applyMigrations({ url });
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
      break;
    }
    case "diff": {
      if (!values.name)
        throw new Error("db:diff needs a name: npm run db:diff -- --name add_something");
      await applyMigrations({ url });
      const dir = await diffMigration({ url, name: values.name });
      console.log(
        dir ? `Wrote ${dir}/migration.sql` : "Schema and migrations agree; nothing written.",
      );
      break;
    }
    case "reset": {
      await resetDatabase({ url });
      const applied = await applyMigrations({ url });
      console.log(`Database reset; applied ${applied.length} migration(s).`);
      const { seedDemoCompany } = await import("./lib/seed.ts");
      await seedDemoCompany(url, { log: console.log });
      break;
    }
    case "seed": {
      await applyMigrations({ url });
      const { seedDemoCompany } = await import("./lib/seed.ts");
      await seedDemoCompany(url, { log: console.log, force: true });
      break;
    }
    default:
      throw new Error(`Unknown task "${task}". Use migrate, diff --name x, reset or seed.`);
  }
});
