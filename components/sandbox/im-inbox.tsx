import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ImPreviewParams } from "@/lib/sandbox/console/im-preview-schema";
import { toReadableMessage } from "@/lib/sandbox/console/readable-message";
import type { SandboxInboxMessage } from "@/lib/sandbox/im/list-inbox";
import { imPreviewHref } from "./im-preview-href";

const safeUrl = (url?: string) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** One member's messages, newest first, as readable text (never rendered as HTML). */
export async function ImInbox({
  member,
  messages,
  limit,
  params,
}: {
  member: { userid: string; name: string; enabled: boolean };
  messages: SandboxInboxMessage[];
  limit: number;
  params: Partial<ImPreviewParams>;
}) {
  const t = await getTranslations("imPreview");
  const format = await getFormatter();
  const oldest = messages.at(-1);
  return (
    <section aria-labelledby="inbox-of" className="flex flex-col gap-3">
      <h3 id="inbox-of" className="flex items-center gap-2 text-sm font-semibold">
        {t("inboxOf", { name: member.name, userid: member.userid })}
        <Badge variant={member.enabled ? "success" : "destructive"}>
          {member.enabled ? t("enabled") : t("disabled")}
        </Badge>
      </h3>
      {messages.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("inboxEmpty")}</p>
      ) : (
        <ol aria-label={t("messagesLabel")} className="flex flex-col gap-2">
          {messages.map((m) => {
            const readable = toReadableMessage(m);
            const url = safeUrl(m.url);
            return (
              <li key={m.id}>
                <article className="rounded-md border p-3 text-sm">
                  <header className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <time dateTime={m.createdAt.toISOString()} className="tabular-nums">
                      {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                    <Badge variant="outline">{m.msgtype}</Badge>
                  </header>
                  {readable.title ? <h4 className="font-medium">{readable.title}</h4> : null}
                  {readable.blocks.map((b, i) =>
                    b.kind === "heading" ? (
                      <p key={i} className="font-semibold">
                        {b.text}
                      </p>
                    ) : b.kind === "quote" ? (
                      <p key={i} className="border-l-2 pl-2 text-muted-foreground">
                        {b.text}
                      </p>
                    ) : (
                      <p key={i} className="whitespace-pre-wrap break-words">
                        {b.text}
                      </p>
                    ),
                  )}
                  {url ? (
                    <a
                      href={url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="mt-1 inline-block text-xs text-primary underline"
                    >
                      {t("openLink")}
                    </a>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex gap-3 text-sm">
        {params.before ? (
          <Link
            className="text-primary hover:underline"
            href={imPreviewHref(params, { before: null })}
          >
            {t("newestMessages")}
          </Link>
        ) : null}
        {oldest && messages.length >= limit ? (
          <Link
            className="text-primary hover:underline"
            href={imPreviewHref(params, { before: oldest.createdAt.toISOString() })}
          >
            {t("olderMessages")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
