import path from "node:path";
import { startExecutor } from "@/inngest/engine";
import { ensureSandboxConnections } from "@/lib/sandbox/demo/ensure-sandbox-connections";
import { startEmbeddedIdp } from "@/lib/sandbox/idp/start-embedded-idp";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { pullHrDirectory } from "@/lib/sync/engine/pull-hr-directory";
import { SANDBOX_HR_CONNECTION } from "@/lib/sandbox/demo/ensure-sandbox-connections";
import { startSandboxHr } from "@/lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm } from "@/lib/sandbox/im/start-sandbox-im";
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
  /** Where the functions worker will serve the Inngest functions; unset: the app's /api/inngest. */
  functionsUrl?: string;
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

  // Sandboxes: stand-ins for the company's HR system and IM platform, reached only over HTTP by the real connectors.
  if (env.ORGBRIDGE_SANDBOXES !== "off") {
    await assertPortFree(profile.ports.sandboxIm, "sandbox IM");
    await assertPortFree(profile.ports.sandboxHr, "sandbox HR");
    const corpId = "ww-sandbox";
    const agentId = 1000002;
    const im = await startSandboxIm({
      port: profile.ports.sandboxIm,
      databaseUrl: env.DATABASE_URL!,
      corpId,
      corpSecret: secrets.sandboxImSecret,
      agentId,
      rateLimit: false,
    });
    services.push({ name: "Sandbox IM (WeCom API)", url: im.baseUrl, stop: im.close });
    const hr = await startSandboxHr({
      port: profile.ports.sandboxHr,
      databaseUrl: env.DATABASE_URL!,
      apiToken: secrets.sandboxHrToken,
    });
    services.push({ name: "Sandbox HR (REST API + simulator)", url: hr.url, stop: hr.close });
    process.env.ORGBRIDGE_SECRET_KEY ??= env.ORGBRIDGE_SECRET_KEY;
    await ensureSandboxConnections({
      databaseUrl: env.DATABASE_URL!,
      hr: {
        baseUrl: hr.url,
        token: secrets.sandboxHrToken,
        webhookSecret: secrets.sandboxHrWebhookSecret,
      },
      im: { baseUrl: im.baseUrl, corpId, corpSecret: secrets.sandboxImSecret, agentId },
    });
    // First start: fill OrgBridge's directory from the sandbox HR through the real REST connector, as an HR pull would.
    process.env.DATABASE_URL ??= env.DATABASE_URL;
    const { db } = await import("@/lib/core/db");
    if ((await db.orgUnit.count()) === 0) {
      const hrConnection = await db.connection.findUniqueOrThrow({
        where: { kind_name: { kind: "HR_SOURCE", name: SANDBOX_HR_CONNECTION } },
      });
      const pulled = await pullHrDirectory({ hrConnectionId: hrConnection.id });
      ctx.log(
        `first HR pull from the sandbox HR: ${pulled.units.created} org units, ${pulled.employees.created} employees`,
      );
    }
    // A SCIM inbound connection whose token is secrets.json's scimToken: a SCIM client can push at once.
    const { ensureDemoScimConnection } =
      await import("@/lib/sandbox/demo/ensure-demo-scim-connection");
    if (await ensureDemoScimConnection({ token: secrets.scimToken }))
      ctx.log("created the demo SCIM inbound connection (token: scimToken in .data/secrets.json)");
    // The sandbox HR pushes its changes to OrgBridge's webhook receiver (incremental sync), like a real HR system.
    const { sandboxHrWebhookTarget } = await import("@/lib/sandbox/hr/sandbox-webhook-target");
    hr.simulator.webhook = await sandboxHrWebhookTarget(ctx.appUrl);
    // The demo maps the whole company (root unit, with descendants) onto the sandbox IM; a sync does the rest.
    const mapping = await ensureDemoMapping({ databaseUrl: env.DATABASE_URL! });
    if (mapping.created)
      ctx.log("created the demo mapping: the whole company mirrored into the sandbox IM");
    const { ensureDemoNotificationCategories } =
      await import("@/lib/sandbox/demo/ensure-demo-notification-categories");
    const categories = await ensureDemoNotificationCategories();
    if (categories.length)
      ctx.log(`created the demo notification categories: ${categories.join(", ")}`);
    // Data callbacks: a sandbox receiver that verifies our signatures, with a demo endpoint subscribed to it.
    await assertPortFree(profile.ports.sandboxCallbacks, "sandbox callback receiver");
    const { startDemoCallbackReceiver } =
      await import("@/lib/sandbox/callback-receiver/start-demo-callback-receiver");
    const receiver = await startDemoCallbackReceiver({
      port: profile.ports.sandboxCallbacks,
      log: ctx.log,
    });
    services.push({
      name: "Sandbox callback receiver (verifies signatures; GET lists what arrived)",
      url: receiver.url,
      stop: receiver.close,
    });
    env.SANDBOX_IM_URL = im.url;
    env.SANDBOX_HR_URL = hr.url;
  }

  // Inngest: the embedded executor unless Inngest Cloud / self-hosted Inngest is configured.
  if (!env.INNGEST_BASE_URL && !env.INNGEST_SIGNING_KEY) {
    await assertPortFree(profile.ports.executor, "embedded Inngest executor");
    const executor = await startExecutor({
      port: profile.ports.executor,
      databaseUrl: env.DATABASE_URL!,
      signingKey: secrets.inngestSigningKey,
      eventKey: secrets.inngestEventKey,
      appUrls: [ctx.functionsUrl ?? `http://127.0.0.1:${profile.ports.app}/api/inngest`],
      log: (line) => ctx.log(`executor: ${line}`),
    });
    env.INNGEST_DEV = "0";
    env.INNGEST_BASE_URL = executor.url;
    // The SDK reports this origin when registering, whatever Host a request carries.
    env.INNGEST_SERVE_ORIGIN = `http://127.0.0.1:${profile.ports.app}`;
    env.INNGEST_SIGNING_KEY = secrets.inngestSigningKey;
    env.INNGEST_EVENT_KEY = secrets.inngestEventKey;
    env.ORGBRIDGE_EMBEDDED_EXECUTOR = "1";
    services.push({
      name: "Jobs (embedded Inngest executor)",
      url: executor.url,
      stop: executor.stop,
    });
  }
  return services;
}
