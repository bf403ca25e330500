/**
 * Runs `run` over `items` with at most `limit` in flight, keeping the results in input order. The first
 * failure rejects the whole map and stops further items from starting (those in flight finish on their own),
 * so a denial does not fan out into hundreds of doomed calls.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  // One iterator shared by every worker: each takes the next item as soon as it is free.
  const queue = items.entries();
  let failed = false;
  async function worker(): Promise<void> {
    for (const [index, item] of queue) {
      if (failed) return;
      try {
        results[index] = await run(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  return results;
}
