import type { z } from "zod";
import { eventCatalogue } from "@/lib/callbacks/rules/event-catalogue";
import { retrySchedules } from "@/lib/callbacks/rules/retry-schedule";

// docs/callbacks-receiver.md carries these tables between marker comments; a unit test keeps them equal.

const fields = (schema: z.ZodType): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape).map(([name, field]) =>
    field.safeParse(undefined).success ? `${name}?` : name,
  );
};

/** The event catalogue as a Markdown table: type, `data` fields (optional ones with `?`), English and Chinese description. */
export function renderCatalogueTable(): string {
  const rows = Object.entries(eventCatalogue).map(
    ([type, entry]) =>
      `| \`${type}\` | ${fields(entry.data)
        .map((f) => `\`${f}\``)
        .join(", ")} | ${entry.descriptionEn} | ${entry.descriptionZh} |`,
  );
  return [
    "| type | `data` fields (`?` = optional) | description | 说明 |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

const human = (ms: number) =>
  ms % 3_600_000 === 0
    ? `${ms / 3_600_000} h`
    : ms % 60_000 === 0
      ? `${ms / 60_000} min`
      : `${ms / 1000} s`;

/** The retry schedules as a Markdown table: the wait before each retry, and the total span. */
export function renderScheduleTable(): string {
  const rows = Object.entries(retrySchedules).map(([name, delays]) => {
    const total = delays.reduce((a, b) => a + b, 0);
    return `| \`${name}\` | ${delays.length} | ${delays.map(human).join(" → ")} | ~${total >= 3_600_000 ? `${Math.round(total / 3_600_000)} h` : `${Math.round(total / 60_000)} min`} |`;
  });
  return [
    "| schedule | retries | wait before retry 1, 2, … (±20 % jitter) | first to last attempt |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers for "${name}" not found`);
  return `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`;
}
