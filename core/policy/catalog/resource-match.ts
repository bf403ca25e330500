/**
 * Whether a statement's Resource value can apply to an action: does any of the action's resource types have ARNs
 * the value could name? Results are cached per (value, ARN template): policies repeat their Resource values across
 * many actions, and ~2,300 templates serve ~22,000 actions.
 */
import type { ActionInfo, ActionResourceType } from './action-info.ts';
import { type ArnPattern, arnPatternsOverlap, parseArnTemplate, parseResourcePattern } from './arn-match.ts';
import { BoundedCache } from './bounded-cache.ts';

/** How a Resource value relates to an action. */
export type ResourceMatch =
  | {
      /** The value is "*": it covers every resource of every action. */
      readonly resultType: 'any';
    }
  | {
      /** The value could name resources of these types of the action. */
      readonly resultType: 'match';
      /** The action's resource types the value could name (at least one). */
      readonly resourceTypes: readonly ActionResourceType[];
    }
  | {
      /** The action has resource types and the value can name none of them: the statement grants nothing here. */
      readonly resultType: 'no-match';
    }
  | {
      /** The action supports no resource-level permissions, so only "*" grants it. */
      readonly resultType: 'wildcard-only';
      /** True when the value has a wildcard or policy variable and so might still be meant as "*"-like. */
      readonly possible: boolean;
    };

/** Matches Resource values against actions, with caches. */
export interface ResourceMatcher {
  /** How `resource` (a policy Resource value) relates to `action`. */
  match(resource: string, action: ActionInfo): ResourceMatch;
  /**
   * True when `resource` could apply to `action`: `match` is 'any' or 'match', or 'wildcard-only' with `possible`.
   * Answered without building a ResourceMatch: checks ask it for every action of every statement.
   */
  matches(resource: string, action: ActionInfo): boolean;
}

const ANY: ResourceMatch = { resultType: 'any' };
const NO_MATCH: ResourceMatch = { resultType: 'no-match' };
const WILDCARD_ONLY_POSSIBLE: ResourceMatch = { resultType: 'wildcard-only', possible: true };
const WILDCARD_ONLY_IMPOSSIBLE: ResourceMatch = { resultType: 'wildcard-only', possible: false };

/** What is kept about one Resource value: decided once, then one lookup per question. */
interface ResourceValue {
  /** "*" (or "**"): every resource. */
  readonly star: boolean;
  /** It has a wildcard or policy variable, so it might still be meant as "*"-like. */
  readonly possible: boolean;
  /** Its ARN pattern, parsed on first use. */
  pattern: ArnPattern | undefined;
  /** Whether it overlaps each ARN template asked about so far. */
  readonly overlaps: Map<string, boolean>;
}

/** A matcher with its own caches. */
export function createResourceMatcher(): ResourceMatcher {
  const templates = new BoundedCache<string, ArnPattern>(20_000);
  const values = new BoundedCache<string, ResourceValue>(20_000);

  function valueFor(resource: string): ResourceValue {
    let value = values.peek(resource);
    if (value === undefined) {
      value = {
        star: /^\*+$/.test(resource),
        possible: /[*?]|\$\{/.test(resource),
        pattern: undefined,
        overlaps: new Map(),
      };
      values.set(resource, value);
    }
    return value;
  }

  function overlap(resource: string, value: ResourceValue, arn: string): boolean {
    let result = value.overlaps.get(arn);
    if (result === undefined) {
      value.pattern ??= parseResourcePattern(resource);
      result = arnPatternsOverlap(value.pattern, templates.get(arn, parseArnTemplate));
      value.overlaps.set(arn, result);
    }
    return result;
  }

  return {
    match(resource, action) {
      const value = valueFor(resource);
      if (value.star) return ANY;
      if (action.isWildcardOnly) return value.possible ? WILDCARD_ONLY_POSSIBLE : WILDCARD_ONLY_IMPOSSIBLE;
      const types = action.resourceTypes.filter((type) => overlap(resource, value, type.arn));
      return types.length === 0 ? NO_MATCH : { resultType: 'match', resourceTypes: types };
    },
    matches(resource, action) {
      const value = valueFor(resource);
      if (value.star) return true;
      if (action.isWildcardOnly) return value.possible;
      const types = action.resourceTypes;
      for (let i = 0; i < types.length; i++) if (overlap(resource, value, types[i]!.arn)) return true;
      return false;
    },
  };
}
