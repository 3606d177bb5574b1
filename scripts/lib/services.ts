import path from "node:path";
import { startExecutor } from "@/inngest/engine";
import { startEmbeddedIdp } from "@/lib/idp/start-embedded-idp";
import { assertPortFree } from "./postgres.ts";
import type { Profile } from "./profiles.ts";
import type { LocalSecrets } from "./secrets.ts";
import { projectRoot } from "./stack.ts";

export type Service = { name: string; url: string; stop: () => Promise<void> };

export type ServiceContext = {
  /** Ports and folders of the running profile. */
  profile: Profile;
  /** The environment the app will get; services add their variables to it. */
  env: NodeJS.ProcessEnv;
  /** Secrets of the embedded defaults. */
  secrets: LocalSecrets;
  /** Where the console is served. */
  appUrl: string;
  log: (line: string) => void;
};

/** Starts the embedded IdP, the sandboxes and the job executor — each only where nothing is configured. */
export async function startOptionalServices(ctx: ServiceContext): Promise<Service[]> {
  const services: Service[] = [];
  const { env, profile, secrets } = ctx;

  if (!env.OIDC_ISSUER) {
    await assertPortFree(profile.ports.idp, "embedded IdP");
    const idp = await startEmbeddedIdp({
      port: profile.ports.idp,
      client: { id: "orgbridge-console", secret: secrets.oidcClientSecret, appUrl: ctx.appUrl },
      stateDir: path.join(projectRoot, profile.dataDir),
    });
    env.OIDC_ISSUER = idp.issuer;
    env.OIDC_CLIENT_ID = "orgbridge-console";
    env.OIDC_CLIENT_SECRET = secrets.oidcClientSecret;
    services.push({ name: "SSO (embedded IdP, demo users)", url: idp.issuer, stop: idp.stop });
  }

  // Inngest: the embedded executor unless Inngest Cloud / self-hosted Inngest is configured.
  if (!env.INNGEST_BASE_URL && !env.INNGEST_SIGNING_KEY) {
    await assertPortFree(profile.ports.executor, "embedded Inngest executor");
    const executor = await startExecutor({
      port: profile.ports.executor,
      databaseUrl: env.DATABASE_URL!,
      signingKey: secrets.inngestSigningKey,
      eventKey: secrets.inngestEventKey,
      appUrls: [`http://127.0.0.1:${profile.ports.app}/api/inngest`],
      log: (line) => ctx.log(`executor: ${line}`),
    });
    env.INNGEST_DEV = "0";
    env.INNGEST_BASE_URL = executor.url;
    env.INNGEST_SIGNING_KEY = secrets.inngestSigningKey;
    env.INNGEST_EVENT_KEY = secrets.inngestEventKey;
    env.ORGBRIDGE_EMBEDDED_EXECUTOR = "1";
    services.push({ name: "Jobs (embedded Inngest executor)", url: executor.url, stop: executor.stop });
  }
  return services;
}
