/** Bilingual label (and optional help) for a config or secret field, read by the console's form generator. */
export type FieldMeta = {
  label: { zh: string; en: string };
  help?: { zh: string; en: string };
  /** A secret: write-only in the console, never rendered back. */
  secret?: boolean;
};

export function field(zh: string, en: string, extra: Omit<FieldMeta, "label"> = {}): FieldMeta {
  return { label: { zh, en }, ...extra };
}
