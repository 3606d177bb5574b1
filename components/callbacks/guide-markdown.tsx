import { Fragment, type ReactNode } from "react";

// Renders the subset of Markdown docs/callbacks-receiver.md uses (headings, paragraphs, lists,
// tables, fenced code, inline code/bold/links), so the console shows the same text as the repository.

function inline(text: string): ReactNode[] {
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\)|\*[^*\s][^*]*\*)/g);
  return parts.map((part, i) => {
    if (part.startsWith("**") && part.endsWith("**"))
      return <strong key={i}>{inline(part.slice(2, -2))}</strong>;
    if (part.startsWith("`") && part.endsWith("`"))
      return (
        <code key={i} className="rounded bg-muted px-1 py-0.5 text-[0.85em]">
          {part.slice(1, -1)}
        </code>
      );
    const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part);
    if (link)
      return (
        <a
          key={i}
          href={link[2]}
          className="text-primary underline underline-offset-4"
          rel="noreferrer"
        >
          {link[1]}
        </a>
      );
    if (part.length > 2 && part.startsWith("*") && part.endsWith("*"))
      return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

export function GuideMarkdown({ source }: { source: string }) {
  const lines = source.replace(/<!--[\s\S]*?-->\n?/g, "").split("\n");
  const blocks: ReactNode[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (line.startsWith("```")) {
      const lang = line.slice(3).trim();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) body.push(lines[i]);
      i++;
      blocks.push(
        <pre
          key={blocks.length}
          aria-label={lang || undefined}
          // Focusable, so a keyboard can scroll a long line into view.
          tabIndex={0}
          className="overflow-x-auto rounded-lg bg-muted p-3 text-xs leading-relaxed"
        >
          <code>{body.join("\n")}</code>
        </pre>,
      );
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(" ");
      const text = inline(line.slice(level + 1));
      blocks.push(
        level === 1 ? (
          <h2 key={blocks.length} className="sr-only">
            {text}
          </h2>
        ) : level === 2 ? (
          <h2 key={blocks.length} className="mt-4 text-lg font-semibold">
            {text}
          </h2>
        ) : (
          <h3 key={blocks.length} className="mt-2 font-semibold">
            {text}
          </h3>
        ),
      );
      i++;
    } else if (line.startsWith("|")) {
      const rows: string[] = [];
      for (; i < lines.length && lines[i].startsWith("|"); i++) rows.push(lines[i]);
      const [head, , ...body] = rows;
      blocks.push(
        <div key={blocks.length} className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b">
                {cells(head).map((c, j) => (
                  <th key={j} className="px-2 py-1.5 text-left font-medium text-muted-foreground">
                    {inline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r, k) => (
                <tr key={k} className="border-b last:border-0">
                  {cells(r).map((c, j) => (
                    <td key={j} className="px-2 py-1.5 align-top">
                      {inline(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
    } else if (line.startsWith("- ")) {
      const items: string[] = [];
      for (; i < lines.length && (lines[i].startsWith("- ") || lines[i].startsWith("  ")); i++) {
        if (lines[i].startsWith("- ")) items.push(lines[i].slice(2));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      blocks.push(
        <ul key={blocks.length} className="flex list-disc flex-col gap-1 pl-5 text-sm">
          {items.map((item, k) => (
            <li key={k}>{inline(item)}</li>
          ))}
        </ul>,
      );
    } else if (line.trim() === "") {
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() !== "" && !/^(```|#|\||- )/.test(lines[i]); i++)
        para.push(lines[i]);
      blocks.push(
        <p key={blocks.length} className="text-sm leading-relaxed">
          {inline(para.join(" "))}
        </p>,
      );
    }
  }
  return <article className="flex max-w-4xl flex-col gap-3">{blocks}</article>;
}
