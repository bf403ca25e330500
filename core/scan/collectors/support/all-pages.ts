/**
 * Drains an SDK paginator into one list. The paginator sends through the same client, so every page passes
 * the read-only guard and the call counter.
 */
export async function allPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}
