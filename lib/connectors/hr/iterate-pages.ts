import type { HrListOptions, HrPage } from "../types";

/** Follows `nextCursor` from page to page and yields every item. */
export async function* iteratePages<T>(
  fetchPage: (options: HrListOptions) => Promise<HrPage<T>>,
  options: HrListOptions = {},
): AsyncIterable<T> {
  let cursor = options.cursor;
  for (;;) {
    const page = await fetchPage({ ...options, cursor });
    yield* page.items;
    if (!page.nextCursor || page.nextCursor === cursor) return;
    cursor = page.nextCursor;
  }
}
