import pg from "pg";
const c = new pg.Client({ connectionString: "postgresql://postgres:orgbridge@127.0.0.1:54329/orgbridge" }); await c.connect();
for (const q of process.argv.slice(2)) { const r = await c.query(q); console.table(r.rows); }
await c.end();
