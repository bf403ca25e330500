/**
 * A memo table that forgets everything once it holds `limit` entries. The catalogue caches per distinct pattern;
 * policy sets repeat a few thousand patterns, but a long-running bot fed arbitrary input must not grow without
 * bound, and clearing is simpler and cheaper than tracking recency for a cache that refills in microseconds.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value for `key`, computing and keeping it on first use. */
  get(key: K, compute: (key: K) => V): V {
    const found = this.#entries.get(key);
    if (found !== undefined || this.#entries.has(key)) return found as V;
    const value = compute(key);
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}
