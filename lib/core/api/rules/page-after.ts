/**
 * A cursor page over a short list already in memory (ordered by `id` ascending here): the items
 * after `cursor`, at most `limit`, and the cursor of the next page.
 */
export function pageAfter<T extends { id: string }>(
  items: readonly T[],
  cursor: string | undefined,
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = cursor === undefined ? sorted : sorted.filter((i) => i.id > cursor);
  const page = rest.slice(0, limit);
  return { items: page, nextCursor: rest.length > limit ? page[page.length - 1].id : null };
}
