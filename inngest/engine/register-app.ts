import type { EngineContext } from "./context";
import { scheduleAllCrons } from "./cron";
import { RegistrationError } from "./errors";
import { functionConfigSchema, registerBodySchema } from "./functions";
import { json } from "./sql-values";

/** Stores an app's functions (from /fn/register or an in-band sync) and drops the ones it no longer serves. */
export async function registerApp(
  ctx: EngineContext,
  raw: unknown,
): Promise<{ appId: string; functions: string[] }> {
  const body = registerBodySchema.parse(raw);
  const appId = body.appName ?? body.app_id;
  if (!appId) throw new RegistrationError("appName is required");
  const configs = body.functions.map((f) => functionConfigSchema.parse(f));
  await ctx.tx(async (c) => {
    for (const cfg of configs) {
      const step = Object.values(cfg.steps)[0];
      if (!step) throw new RegistrationError(`function ${cfg.id} has no step runtime`);
      await c.query(
        `INSERT INTO "JobFunction" (id, "appId", name, url, "appUrl", config, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (id) DO UPDATE SET "appId" = $2, name = $3, url = $4, "appUrl" = $5, config = $6, "updatedAt" = now()`,
        [cfg.id, appId, cfg.name ?? cfg.id, step.runtime.url, body.url, json(cfg)],
      );
    }
    await c.query(`DELETE FROM "JobFunction" WHERE "appId" = $1 AND NOT (id = ANY($2::text[]))`, [
      appId,
      configs.map((c) => c.id),
    ]);
  });
  await ctx.registry.reload();
  await scheduleAllCrons(ctx);
  ctx.opts.log(
    `registered app ${appId}: ${configs.map((c) => c.id).join(", ") || "(no functions)"}`,
  );
  return { appId, functions: configs.map((c) => c.id) };
}
