import type { ImMessage, ImMessageFormat } from "@/lib/connectors";

export type ComposeMessageOptions = {
  /** IM user ids. */
  to: string[];
  /** The category's channel (or its fallback on a retry). */
  format: ImMessageFormat;
  title: string;
  body: string;
  link: string | null;
  /** Stable per batch, so a platform that dedupes (Feishu uuid) drops a retried call. */
  idempotencyKey: string;
};

/**
 * The IM message for one batch. Plain text has no title or link fields, so both go into the text;
 * markdown and cards carry them separately and the connector lays them out per platform.
 */
export function composeMessage(options: ComposeMessageOptions): ImMessage {
  const { to, format, title, body, link, idempotencyKey } = options;
  if (format === "text") {
    return { to, format, text: [title, body, link].filter(Boolean).join("\n\n"), idempotencyKey };
  }
  return { to, format, title, text: body, ...(link ? { url: link } : {}), idempotencyKey };
}
