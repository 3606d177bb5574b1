import type { EngineContext } from "./context";
import { registerApp } from "./register-app";
import { canonicalJson, signBody } from "./signing";

/** In-band sync: a signed PUT; the SDK answers with its config (or, if it refuses in-band, POSTs /fn/register itself). */
export async function syncApp(ctx: EngineContext, url: string): Promise<void> {
  const body = canonicalJson({ url });
  const res = await fetch(url, {
    method: "PUT",
    body,
    headers: {
      "content-type": "application/json",
      "x-inngest-signature": signBody(body, ctx.opts.signingKey),
      "x-inngest-sync-kind": "in_band",
      "x-inngest-server-kind": "cloud",
    },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  if (res.headers.get("x-inngest-sync-kind") === "in_band") {
    const data = JSON.parse(text) as { app_id?: string; url?: string; functions?: unknown[] };
    await registerApp(ctx, {
      url: data.url ?? url,
      appName: data.app_id,
      functions: data.functions ?? [],
    });
  }
}

/**
 * What the Inngest dev server does: PUT each serve URL, retrying every 0.5–2 s
 * until the app answers, then again every `resyncIntervalMs`.
 */
export class AppSyncLoop {
  private timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly ctx: EngineContext) {}

  start(url: string): void {
    this.attempt(url, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private attempt(url: string, failures: number): void {
    if (this.stopped) return;
    syncApp(this.ctx, url).then(
      () => this.schedule(url, this.ctx.opts.resyncIntervalMs ?? 5 * 60_000, 0),
      (err: Error) => {
        if (failures === 0 || failures % 30 === 0)
          this.ctx.opts.log(`sync ${url} failed (will retry): ${err.message}`);
        this.schedule(url, failures < 10 ? 500 : 2000, failures + 1);
      },
    );
  }

  private schedule(url: string, ms: number, failures: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(url));
    const t = setTimeout(() => this.attempt(url, failures), ms);
    t.unref();
    this.timers.set(url, t);
  }
}
