export type ReadableBlock = { kind: "heading" | "quote" | "text"; text: string };
export type ReadableMessage = { title?: string; blocks: ReadableBlock[] };

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

// WeCom markdown: headings, **bold**, [text](url), `code`, > quotes and <font color="info|comment|warning">.
function inlineMarkdown(line: string): string {
  return line
    .replace(/<\/?font[^>]*>/gi, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/`([^`]+)`/g, "$1");
}

function markdownBlocks(source: string): ReadableBlock[] {
  return source
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .map((line): ReadableBlock => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return { kind: "heading", text: inlineMarkdown(heading[1]) };
      const quote = /^>\s?(.*)$/.exec(line);
      if (quote) return { kind: "quote", text: inlineMarkdown(quote[1]) };
      return { kind: "text", text: inlineMarkdown(line) };
    });
}

// A textcard's description may hold <div class="gray|normal|highlight"> and <br>: one line per div.
function cardBlocks(description: string): ReadableBlock[] {
  const text = description
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/div>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t) => ({ kind: "text", text: t }));
}

/** What an IM message says, as plain blocks the console can show without rendering HTML or markdown. */
export function toReadableMessage(msg: {
  msgtype: string;
  title?: string;
  text: string;
}): ReadableMessage {
  switch (msg.msgtype) {
    case "markdown":
      return { blocks: markdownBlocks(msg.text) };
    case "textcard":
      return { title: msg.title, blocks: cardBlocks(msg.text) };
    default:
      return { title: msg.title, blocks: msg.text ? [{ kind: "text", text: msg.text }] : [] };
  }
}
