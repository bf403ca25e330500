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
}

const ANY: ResourceMatch = { resultType: 'any' };
const NO_MATCH: ResourceMatch = { resultType: 'no-match' };

/** A matcher with its own caches. */
export function createResourceMatcher(): ResourceMatcher {
  const templates = new BoundedCache<string, ArnPattern>(20_000);
  const values = new BoundedCache<string, ArnPattern>(20_000);
  const overlaps = new BoundedCache<string, Map<string, boolean>>(20_000);

  function overlap(resource: string, arn: string): boolean {
    const byTemplate = overlaps.get(resource, () => new Map());
    let result = byTemplate.get(arn);
    if (result === undefined) {
      result = arnPatternsOverlap(
        values.get(resource, parseResourcePattern),
        templates.get(arn, parseArnTemplate),
      );
      byTemplate.set(arn, result);
    }
    return result;
  }

  return {
    match(resource, action) {
      if (/^\*+$/.test(resource)) return ANY;
      if (action.isWildcardOnly) {
        return { resultType: 'wildcard-only', possible: /[*?]|\$\{/.test(resource) };
      }
      const types = action.resourceTypes.filter((type) => overlap(resource, type.arn));
      return types.length === 0 ? NO_MATCH : { resultType: 'match', resourceTypes: types };
    },
  };
}
