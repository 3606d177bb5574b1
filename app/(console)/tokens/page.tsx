import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { CreateOAuthClientForm } from "@/components/tokens/create-oauth-client-form";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { OAuthClientList } from "@/components/tokens/oauth-client-list";
import { TokenList } from "@/components/tokens/token-list";
import { requireArea } from "@/lib/core/auth/require-area";
import { envSection } from "@/lib/core/env";
import { listOAuthClients } from "@/lib/oauth/queries/list-oauth-clients";
import { listTokens } from "@/lib/tokens/queries/list-tokens";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  await requireArea("tokens");
  const t = await getTranslations("tokens");
  const [tokens, clients] = await Promise.all([listTokens(), listOAuthClients()]);
  const defaultLimit = envSection("api").API_RATE_LIMIT_PER_MINUTE;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <CreateTokenForm defaultLimit={defaultLimit} />
        <TokenList tokens={tokens} defaultLimit={defaultLimit} />
        <CreateOAuthClientForm
          defaultLimit={defaultLimit}
          tokenMinutes={Math.round(envSection("oauth").OAUTH_ACCESS_TOKEN_TTL_SECONDS / 60)}
        />
        <OAuthClientList clients={clients} defaultLimit={defaultLimit} />
      </div>
    </>
  );
}
