/** Keeps the record with the highest version per key; on a tie the later one wins. */
export function keepNewestRecord<T extends { version: number }>(
  map: Map<string, T>,
  key: string,
  value: T,
): void {
  const prev = map.get(key);
  if (!prev || prev.version <= value.version) map.set(key, value);
}
