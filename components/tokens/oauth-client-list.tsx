import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CredentialList, type CredentialRow } from "./credential-list";
import { OAuthClientActions } from "./oauth-client-actions";

type ClientRow = Omit<CredentialRow, "identifier"> & { clientId: string };

/** The OAuth clients table of the tokens page. */
export async function OAuthClientList({
  clients,
  defaultLimit,
}: {
  clients: ClientRow[];
  defaultLimit: number;
}) {
  const t = await getTranslations("oauthClients");
  return (
    <CredentialList
      rows={clients.map((c) => ({ ...c, identifier: c.clientId }))}
      kind="client"
      defaultLimit={defaultLimit}
      label={t("title")}
      headers={{
        name: t("name"),
        identifier: "client_id",
        rateLimit: t("rateLimit"),
        lastUsed: t("lastToken"),
      }}
      empty={{ icon: <ShieldCheck />, title: t("empty"), hint: t("emptyHint") }}
      actions={(c) => <OAuthClientActions id={c.id} name={c.name} />}
    />
  );
}
