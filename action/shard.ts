/**
 * Shards: `shard: K/N` makes this job scan the K-th of N slices of the targets, so a matrix of N jobs spreads
 * hundreds of accounts over as many runners. Slices are contiguous and differ in size by at most one, and every
 * target is in exactly one slice, whatever the list's length.
 */

/** This job's slice: the `index`-th (from 1) of `count`. */
export interface Shard {
  /** K, from 1. */
  index: number;
  /** N, at least 1. */
  count: number;
}

/** Result of `parseShard`. */
export type ShardResult =
  | {
      /** Parsed. */
      ok: true;
      /** The shard. */
      shard: Shard;
    }
  | {
      /** Not a shard. */
      ok: false;
      /** What is wrong, one line. */
      error: string;
    };

/** The most shards a scan may be split into: GitHub runs at most 256 jobs per matrix. */
export const MAX_SHARDS = 256;

/** Parses `K/N` (spaces allowed around the slash). */
export function parseShard(text: string): ShardResult {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!match)
    return {
      ok: false,
      error: `'${text}' is not a shard; write K/N, e.g. 1/4 (in a matrix: \${{ matrix.shard }}/4)`,
    };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    return { ok: false, error: `'${text}': the number of shards must be 1 to ${MAX_SHARDS}` };
  if (index < 1 || index > count)
    return { ok: false, error: `'${text}': the shard number must be 1 to ${count}` };
  return { ok: true, shard: { index, count } };
}

/** The items of `shard` among `items`, in their order. */
export function shardSlice<T>(items: readonly T[], shard: Shard): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}

/** 'shard-2-of-4', for SARIF categories and comment markers. */
export function shardLabel(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}`;
}
