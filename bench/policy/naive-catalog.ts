/**
 * The naive baseline as a catalogue: the real IAM catalogue with its three action-matching entry points replaced by
 * the naive way (policy-catalog-baseline.ts): every call compiles fresh RegExps and tests them against every action
 * of the catalogue, with no index and no cache. Everything else (service data, condition keys, resources) is the
 * real catalogue's, so the checks do exactly the work they do with it and only the matching differs.
 */
import type { ActionExpansion } from '../../core/policy/catalog/action-expansion.ts';
import type { ActionInfo } from '../../core/policy/catalog/action-info.ts';
import type { IamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { naivePatternRegExp } from './policy-catalog-baseline.ts';

/** The naive catalogue over `real` (whose every service must already be loaded, as a baseline would have them). */
export function naiveCatalog(real: IamCatalog): IamCatalog {
  const actions = real.allActions();
  const prefixes = real.services().map((service) => service.prefix);

  function expand(pattern: string): ActionExpansion {
    const lower = pattern.toLowerCase();
    if (!/^\*+$/.test(pattern) && !/^[^:]+:[^:]+$/.test(pattern))
      return {
        resultType: 'invalid',
        pattern: lower,
        actions: [],
        memo: undefined,
        reason: "An action is written 'service:Action' (or '*' for all).",
      };
    const regex = naivePatternRegExp(pattern);
    const matched = actions.filter((action) => regex.test(action.key));
    if (matched.length > 0)
      return {
        resultType: /[*?]/.test(pattern) ? 'wildcard' : 'exact',
        pattern: lower,
        actions: matched,
        memo: undefined,
      };
    const service = naivePatternRegExp(pattern.slice(0, pattern.indexOf(':')));
    return prefixes.some((prefix) => service.test(prefix))
      ? { resultType: 'unknown-action', pattern: lower, actions: [], memo: undefined }
      : { resultType: 'unknown-service', pattern: lower, actions: [], memo: undefined };
  }

  return {
    ...real,
    expandActionPattern: expand,
    actionPatternMatches: (pattern: string, action: ActionInfo) =>
      naivePatternRegExp(pattern).test(action.key),
    invertNotAction(patterns: readonly string[]) {
      const regexes = patterns.map(naivePatternRegExp);
      return actions.filter((action) => !regexes.some((regex) => regex.test(action.key)));
    },
  };
}
