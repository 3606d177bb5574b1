/** Reads a dotted path ("dept.code") from a record; "" returns the record itself. */
export function getPath(record: unknown, path: string): unknown {
  if (!path) return record;
  let cur: unknown = record;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
