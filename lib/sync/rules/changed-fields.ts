/** The fields whose value differs from the row's, by `same`. */
export function changedFields<T extends object>(
  row: Record<string, unknown>,
  fields: T,
  same: (a: unknown, b: unknown) => boolean,
): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(fields) as (keyof T & string)[])
    if (!same(row[k], fields[k])) out[k] = fields[k];
  return out;
}
