/** A catalogue that counts the action-matching work the checks ask of it, for the report. */
import type { IamCatalog } from '../../core/policy/catalog/iam-catalog.ts';

/** How much matching work the checks asked for. */
export interface MatchingWork {
  /** expandActionPattern calls, and the distinct patterns among them. */
  expansions: number;
  distinctPatterns: Set<string>;
  /** invertNotAction calls. */
  inversions: number;
  /** actionPatternMatches calls. */
  matches: number;
}

/** `catalog`, counting into `work`. */
export function countingCatalog(catalog: IamCatalog, work: MatchingWork): IamCatalog {
  return {
    ...catalog,
    expandActionPattern(pattern) {
      work.expansions += 1;
      work.distinctPatterns.add(pattern.toLowerCase());
      return catalog.expandActionPattern(pattern);
    },
    invertNotAction(patterns) {
      work.inversions += 1;
      return catalog.invertNotAction(patterns);
    },
    actionPatternMatches(pattern, action) {
      work.matches += 1;
      return catalog.actionPatternMatches(pattern, action);
    },
  };
}
