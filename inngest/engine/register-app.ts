import type { EngineContext } from "./context";
import { scheduleAllCrons } from "./cron";
import { RegistrationError } from "./errors";
import { readFlowOptions } from "./flow-options";
import { functionConfigSchema, registerBodySchema, sameEndpoint } from "./functions";
import { json } from "./sql-values";

/** Stores an app's functions (from /fn/register or an in-band sync) and drops the ones it no longer serves. */
export async function registerApp(
  ctx: EngineContext,
  raw: unknown,
): Promise<{ appId: string; functions: string[] }> {
  const body = registerBodySchema.parse(raw);
  const appId = body.appName ?? body.app_id;
  if (!appId) throw new RegistrationError("appName is required");
  // The registered URL is where step requests (with run data) go: only the app
  // URLs this executor was started with may be registered, never one a request names.
  if (ctx.opts.appUrls.length && !ctx.opts.appUrls.some((u) => sameEndpoint(u, body.url)))
    throw new RegistrationError(`${body.url} is not one of this executor's app URLs`);
  const configs = body.functions.map((f) => functionConfigSchema.parse(f));
  for (const cfg of configs)
    for (const step of Object.values(cfg.steps))
      if (!sameEndpoint(body.url, step.runtime.url))
        throw new RegistrationError(
          `function ${cfg.id} runs at ${step.runtime.url}, not ${body.url}`,
        );
  await ctx.tx(async (c) => {
    for (const cfg of configs) {
      const step = Object.values(cfg.steps)[0];
      if (!step) throw new RegistrationError(`function ${cfg.id} has no step runtime`);
      // A function with an option we cannot honour is stored (the console shows why) but never run.
      const { refusals } = readFlowOptions(cfg);
      const refusal = refusals.length ? `function ${cfg.id}: ${refusals.join("; ")}` : null;
      if (refusal) ctx.opts.log(`refused ${refusal}`);
      await c.query(
        `INSERT INTO "JobFunction" (id, "appId", name, url, "appUrl", config, refusal, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (id) DO UPDATE SET "appId" = $2, name = $3, url = $4, "appUrl" = $5, config = $6, refusal = $7, "updatedAt" = now()`,
        [cfg.id, appId, cfg.name ?? cfg.id, step.runtime.url, body.url, json(cfg), refusal],
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
