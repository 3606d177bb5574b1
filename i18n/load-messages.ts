import en from "@/messages/en.json";
import api from "@/messages/parts/api.json";
import zh from "@/messages/zh-CN.json";
import callbacks from "@/messages/parts/callbacks.json";
import conflicts from "@/messages/parts/conflicts.json";
import connections from "@/messages/parts/connections.json";
import employees from "@/messages/parts/employees.json";
import lifecycle from "@/messages/parts/lifecycle.json";
import notifications from "@/messages/parts/notifications.json";
import org from "@/messages/parts/org.json";
import privacyAuthority from "@/messages/parts/privacy-authority.json";
import retention from "@/messages/parts/retention.json";
import sandbox from "@/messages/parts/sandbox.json";
import sync from "@/messages/parts/sync.json";
import { explainMessages } from "@/lib/notifications/rules/explain-messages";
import type { Locale } from "./locales";

// Feature folders keep their strings in messages/parts/<feature>.json ({ "en": …, "zh-CN": … })
// so parallel work does not edit one big file; they are merged over the base files here.
// notify.decision: the policy rule's reason sentences (lib/notifications/rules), shared with logs and the sender.
const NOTIFY = {
  en: { notify: { decision: explainMessages.en } },
  "zh-CN": { notify: { decision: explainMessages["zh-CN"] } },
};
const PARTS: Record<Locale, Record<string, unknown>>[] = [
  api,
  callbacks,
  conflicts,
  connections,
  employees,
  lifecycle,
  notifications,
  org,
  privacyAuthority,
  retention,
  sandbox,
  sync,
  NOTIFY,
];

export function loadMessages(locale: Locale): Record<string, unknown> {
  const base = (locale === "en" ? en : zh) as Record<string, unknown>;
  return Object.assign({}, base, ...PARTS.map((p) => p[locale]));
}
