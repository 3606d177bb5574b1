import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import Provider, { type Configuration } from "oidc-provider";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, findDemoAccount } from "./demo-accounts";
import { createLoginThrottle, type LoginThrottleOptions } from "./login-throttle";
import { renderLoginPage } from "./render-login-page";

export type EmbeddedIdpOptions = {
  /** Port on 127.0.0.1; the issuer is http://127.0.0.1:<port>. */
  port: number;
  /** The OrgBridge client registered with the IdP. */
  client: { id: string; secret: string; appUrl: string };
  /** Folder for the signing key and cookie keys, so sessions survive a restart. */
  stateDir: string;
  /** Failed-sign-in limits (defaults: 5 per login, 20 per address, per 15 minutes). */
  throttle?: LoginThrottleOptions;
};

type KeyFile = { jwk: Record<string, unknown>; cookieKeys: string[] };

function loadKeys(stateDir: string): KeyFile {
  const file = path.join(stateDir, "idp-keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keys: KeyFile = {
    jwk: {
      ...privateKey.export({ format: "jwk" }),
      kid: randomBytes(8).toString("hex"),
      use: "sig",
      alg: "RS256",
    },
    cookieKeys: [randomBytes(32).toString("hex")],
  };
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * A real OpenID Provider (the certified `oidc-provider` package) with a sign-in
 * page for the demo accounts. Started by the run command when OIDC_ISSUER is
 * unset; production points OIDC_ISSUER at the company's IdP instead.
 */
export async function startEmbeddedIdp(opts: EmbeddedIdpOptions) {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const keys = loadKeys(opts.stateDir);
  const configuration: Configuration = {
    clients: [
      {
        client_id: opts.client.id,
        client_secret: opts.client.secret,
        redirect_uris: [`${opts.client.appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${opts.client.appUrl}/signin`],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [keys.jwk as never] },
    cookies: { keys: keys.cookieKeys },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username", "locale"],
      groups: ["groups"],
      employee: ["employee_no"],
    },
    scopes: ["openid", "email", "profile", "groups", "employee", "offline_access"],
    pkce: { required: () => false },
    // Put the requested claims in the ID token as Keycloak and Entra do, so the console needs no userinfo call.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    // The console is the company's own first-party app: consent is implied, as in most workforce IdPs.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile groups employee offline_access");
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const account = DEMO_ACCOUNTS.find((a) => a.sub === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: account.name,
          preferred_username: account.login,
          email: account.email,
          email_verified: true,
          locale: account.locale,
          groups: account.groups,
          ...(account.employeeNo ? { employee_no: account.employeeNo } : {}),
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      Session: 8 * 3600,
      Interaction: 3600,
      Grant: 8 * 3600,
      AccessToken: 3600,
      IdToken: 3600,
      RefreshToken: 8 * 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><meta charset="utf-8"><title>Sign-in error</title><body style="font-family:system-ui;padding:3rem"><h1>Sign-in error</h1><p>${String(out.error)}: ${String(out.error_description ?? "")}</p></body>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  const oidc = provider.callback();

  const throttle = createLoginThrottle(opts.throttle);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = url.pathname.match(/^\/interaction\/([\w-]+)(\/login|\/abort)?$/);
    if (!match) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (match[2] === "/abort") {
        await provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "The user cancelled the sign-in." },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (req.method === "POST" && match[2] === "/login") {
        const form = await readForm(req);
        const login = form.get("login") ?? "";
        const ip = req.socket.remoteAddress ?? "unknown";
        const verdict = await throttle.check(login, ip);
        if (!verdict.allowed) {
          res.writeHead(429, {
            "content-type": "text/html; charset=utf-8",
            "retry-after": String(verdict.retryAfterSeconds),
          });
          res.end(
            renderLoginPage({
              uid: details.uid,
              error: false,
              throttledMinutes: Math.ceil(verdict.retryAfterSeconds / 60),
              login,
              locale: req.headers["accept-language"],
            }),
          );
          return;
        }
        const account = findDemoAccount(login);
        if (!account || form.get("password") !== DEMO_PASSWORD) {
          await throttle.fail(login, ip);
          res.writeHead(401, { "content-type": "text/html; charset=utf-8" });
          res.end(
            renderLoginPage({
              uid: details.uid,
              error: true,
              login: form.get("login") ?? "",
              locale: req.headers["accept-language"],
            }),
          );
          return;
        }
        await throttle.succeed(login);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(
        renderLoginPage({
          uid: details.uid,
          error: false,
          login: "",
          locale: req.headers["accept-language"],
        }),
      );
    } catch (err) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end(
        `Sign-in session expired or invalid (${(err as Error).message}). Go back to OrgBridge and sign in again.`,
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
