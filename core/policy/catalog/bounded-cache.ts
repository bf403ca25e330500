/**
 * A memo table that forgets everything once it holds `limit` entries. The catalogue caches per distinct pattern;
 * policy sets repeat a few thousand patterns, but a long-running bot fed arbitrary input must not grow without
 * bound, and clearing is simpler and cheaper than tracking recency for a cache that refills in microseconds.
 */

/** What the table holds for a computed undefined, so a miss is one lookup, not a lookup and a `has`. */
const UNDEFINED = Symbol('undefined');

export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V | typeof UNDEFINED>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value for `key`, computing and keeping it on first use. */
  get(key: K, compute: (key: K) => V): V {
    const found = this.#entries.get(key);
    if (found !== undefined) return found === UNDEFINED ? (undefined as V) : found;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /**
   * The value kept for `key`, or undefined: for hot paths, which then need no closure to compute a miss (callers
   * must not keep undefined as a value, or a hit would read as a miss).
   */
  peek(key: K): V | undefined {
    const found = this.#entries.get(key);
    return found === UNDEFINED ? undefined : found;
  }

  /** Keeps `value` for `key`. */
  set(key: K, value: V): void {
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, value === undefined ? UNDEFINED : value);
  }
}
