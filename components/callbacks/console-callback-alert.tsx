import { getTranslations } from "next-intl/server";
import { listAutoDisabledEndpoints } from "@/lib/callbacks/queries/list-auto-disabled-endpoints";
import { CallbackAlertBar } from "./callback-alert-bar";

/** Console-wide notice for IT admins while any callback endpoint is auto-disabled. */
export async function ConsoleCallbackAlert() {
  const off = await listAutoDisabledEndpoints();
  if (off.length === 0) return null;
  const t = await getTranslations("callbacks");
  return (
    <CallbackAlertBar
      title={t("banner.title", { count: off.length })}
      names={off.map((e) => e.name)}
      review={t("banner.review")}
    />
  );
}
