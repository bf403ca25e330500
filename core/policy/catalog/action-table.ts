/**
 * Tables about the actions of one catalogue, indexed by ActionInfo.ordinal. The permission checks ask about every
 * action of every pattern they meet (its facts, its ARN services, whether a wildcard covers it); an array read by a
 * small integer costs a fraction of a Map's hashing of the object, and most of these questions are asked while the
 * code is not yet optimised. Only for actions of one catalogue: ordinals of two catalogues overlap.
 */
import type { ActionInfo } from './action-info.ts';

/** A value per action, set on first use. */
export class ActionTable<T> {
  #values: (T | undefined)[] = [];

  /** The value kept for `action`, or undefined. */
  get(action: ActionInfo): T | undefined {
    const values = this.#values;
    return action.ordinal < values.length ? values[action.ordinal] : undefined;
  }

  /** Keeps `value` for `action`. */
  set(action: ActionInfo, value: T): void {
    if (action.ordinal >= this.#values.length) this.#grow(action.ordinal);
    this.#values[action.ordinal] = value;
  }

  // Grown by copying into a list filled with undefined, so its elements stay packed (a write far past the end would
  // turn the array into a slow dictionary).
  #grow(ordinal: number): void {
    const old = this.#values;
    const values = new Array<T | undefined>(Math.max(ordinal + 1, old.length * 2, 1024)).fill(undefined);
    for (let i = 0; i < old.length; i++) values[i] = old[i];
    this.#values = values;
  }
}

/**
 * A fixed set of actions, as one byte per ordinal from its lowest to its highest: most sets are the actions of one
 * service (a `Get*` wildcard), whose ordinals are close together, so a set costs bytes in proportion to that span
 * rather than to the whole catalogue.
 */
export class ActionSet {
  readonly #bits: Uint8Array;
  /** The lowest ordinal of the set (bit 0). */
  readonly #low: number;
  /** How many actions it holds. */
  readonly size: number;

  constructor(actions: readonly ActionInfo[]) {
    let low = actions.length === 0 ? 0 : Number.POSITIVE_INFINITY;
    let high = -1;
    for (let i = 0; i < actions.length; i++) {
      const ordinal = actions[i]!.ordinal;
      if (ordinal < low) low = ordinal;
      if (ordinal > high) high = ordinal;
    }
    const bits = new Uint8Array(high - low + 1);
    let size = 0;
    for (let i = 0; i < actions.length; i++) {
      const at = actions[i]!.ordinal - low;
      if (bits[at] === 0) {
        bits[at] = 1;
        size++;
      }
    }
    this.#bits = bits;
    this.#low = low;
    this.size = size;
  }

  /** Whether it holds `action`. */
  has(action: ActionInfo): boolean {
    const at = action.ordinal - this.#low;
    return at >= 0 && at < this.#bits.length && this.#bits[at] === 1;
  }
}

/** The set of each list asked about (expansions are frozen arrays the catalogue caches per pattern). */
const setsOfLists = new WeakMap<readonly ActionInfo[], ActionSet>();

/**
 * `list` as a set, built on first use and kept as long as the list lives: the checks that compare wildcards
 * (redundant-entry, the pattern facts) ask about the same expansions, and share one set for each.
 */
export function actionSetOf(list: readonly ActionInfo[]): ActionSet {
  let set = setsOfLists.get(list);
  if (!set) {
    set = new ActionSet(list);
    setsOfLists.set(list, set);
  }
  return set;
}
