/** Entries a memo keeps before it starts afresh (dates × zones of a 100k directory fit many times over). */
const MAX_ENTRIES = 50_000;

/**
 * Remembers a pure function of a string key: the sync computes the same calendar arithmetic for
 * thousands of employees sharing a hire date and zone (temporal-polyfill's zone maths was 16 % of a
 * 100k plan). Bounded: cleared when full.
 */
export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, value);
    return value;
  };
}
