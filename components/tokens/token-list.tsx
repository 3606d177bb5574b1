import { KeyRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CredentialList, type CredentialRow } from "./credential-list";
import { RevokeTokenButton } from "./revoke-token-button";

type TokenRow = Omit<CredentialRow, "identifier"> & { prefix: string };

/** The API tokens table of the tokens page. */
export async function TokenList({
  tokens,
  defaultLimit,
}: {
  tokens: TokenRow[];
  defaultLimit: number;
}) {
  const t = await getTranslations("tokens");
  return (
    <CredentialList
      rows={tokens.map((tok) => ({ ...tok, identifier: `obt_${tok.prefix}_…` }))}
      kind="token"
      defaultLimit={defaultLimit}
      headers={{
        name: t("name"),
        identifier: t("prefix"),
        rateLimit: t("rateLimit"),
        lastUsed: t("lastUsed"),
      }}
      empty={{ icon: <KeyRound />, title: t("empty"), hint: t("emptyHint") }}
      actions={(tok) => <RevokeTokenButton id={tok.id} name={tok.name} />}
    />
  );
}
