/**
 * Expansion of Action / NotAction values (`s3:Get*`, `iam:*`, `*`, `ec2:Describe?pcs`) into catalogue actions.
 * Managed and real-world policies repeat the same few thousand patterns, so each distinct pattern is parsed and
 * expanded once and its result kept: later calls with the same pattern (in any case) return the same object.
 */
import type { ActionInfo } from './action-info.ts';
import { BoundedCache } from './bounded-cache.ts';
import { compileGlob, type GlobMatcher, hasWildcard } from './glob.ts';
import type { ServiceIndex } from './service-index.ts';
import { nearest } from './suggest.ts';

const NONE: readonly ActionInfo[] = Object.freeze([]);

/** What every kind of expansion has. */
interface ExpansionBase {
  /** The pattern, lowercased: one expansion serves every spelling, so checks compare values by it. */
  readonly pattern: string;
  /** The actions it stands for, by service then name; empty when nothing matched. */
  readonly actions: readonly ActionInfo[];
  /**
   * What a check works out from this expansion alone and keeps for the next policy naming the pattern (the
   * permission checks' pattern facts), undefined until then. Kept on the expansion, not in a table keyed by it:
   * every Action value of every statement asks, and a hash lookup into a table of thousands of entries, cold in
   * the cache, cost as much as the rest of that work. One owner: checks/support/permission-pattern-facts.ts.
   */
  memo: object | undefined;
}

/** What one Action pattern stands for. */
export type ActionExpansion = ExpansionBase &
  (
    | {
        /** A single action, named without wildcards. */
        readonly resultType: 'exact';
      }
    | {
        /** A wildcard pattern matching at least one action. */
        readonly resultType: 'wildcard';
      }
    | {
        /** No service matches the service part. */
        readonly resultType: 'unknown-service';
        /** The nearest real action or service pattern, e.g. 's3:GetObject' for 's33:GetObject'. */
        readonly suggestion?: string;
      }
    | {
        /** The service exists but no action of it matches. */
        readonly resultType: 'unknown-action';
        /** The nearest real action, e.g. 's3:GetObject' for 's3:GetObjet'. */
        readonly suggestion?: string;
      }
    | {
        /** Not of the form 'service:action' or '*'. */
        readonly resultType: 'invalid';
        /** Why, one sentence. */
        readonly reason: string;
      }
  );

/** What the expander needs from the catalogue. */
export interface ExpansionSource {
  /** Every service prefix, lowercase, sorted. */
  readonly prefixes: readonly string[];
  /** The index of service `prefix` (lowercase), or undefined when there is no such service. */
  service(prefix: string): ServiceIndex | undefined;
}

/** A pattern split into its parts, with matchers for the parts that have wildcards. */
type ParsedPattern =
  | { readonly kind: 'invalid'; readonly reason: string }
  | {
      readonly kind: 'pattern';
      /** Lowercase service part, e.g. 's3' or 's?'. */
      readonly servicePart: string;
      /** Lowercase action part, e.g. 'get*'. */
      readonly actionPart: string;
      readonly service: GlobMatcher;
      readonly action: GlobMatcher;
      /** For an action part of the common `Get*` shape (one trailing `*`, no other wildcard), the part before it. */
      readonly actionPrefix: string | undefined;
    };

const MATCH_ALL: GlobMatcher = () => true;

function parse(lower: string): ParsedPattern {
  if (/^\*+$/.test(lower)) {
    return {
      kind: 'pattern',
      servicePart: '*',
      actionPart: '*',
      service: MATCH_ALL,
      action: MATCH_ALL,
      actionPrefix: undefined,
    };
  }
  const colon = lower.indexOf(':');
  if (colon === -1)
    return { kind: 'invalid', reason: "An action is written 'service:Action' (or '*' for all)." };
  const servicePart = lower.slice(0, colon);
  const actionPart = lower.slice(colon + 1);
  if (servicePart === '' || actionPart === '' || actionPart.includes(':')) {
    return {
      kind: 'invalid',
      reason: "An action is written 'service:Action' with one colon and both parts.",
    };
  }
  return {
    kind: 'pattern',
    servicePart,
    actionPart,
    service: compileGlob(servicePart),
    action: compileGlob(actionPart),
    actionPrefix: prefixOf(actionPart),
  };
}

/** The text before the one trailing `*` of `part`, when that is its only wildcard (`get*`); else undefined. */
function prefixOf(part: string): string | undefined {
  const star = part.indexOf('*');
  return star === part.length - 1 && !part.includes('?') ? part.slice(0, star) : undefined;
}

/**
 * The index of the first of the sorted `names` that is not less than `prefix`: where the names starting with it
 * begin. Names are sorted by code unit, as `<` compares strings.
 */
function lowerBound(names: readonly string[], prefix: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (names[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * An unknown-service or unknown-action result whose suggestion is computed on first read: managed policies name
 * dozens of retired actions, and an edit-distance scan for each costs more than all the other expansions together,
 * while only a check that reports the problem reads the suggestion.
 */
function unknown(
  resultType: 'unknown-service' | 'unknown-action',
  pattern: string,
  suggest: () => string | undefined,
): ActionExpansion {
  let computed = false;
  let suggestion: string | undefined;
  const result = { resultType, pattern, actions: NONE, memo: undefined };
  Object.defineProperty(result, 'suggestion', {
    enumerable: true,
    get() {
      if (!computed) {
        suggestion = suggest();
        computed = true;
      }
      return suggestion;
    },
  });
  return result;
}

/** Expands, matches and inverts action patterns over one catalogue, caching per distinct pattern. */
export interface ActionExpander {
  /** What `pattern` stands for (case-insensitive). */
  expand(pattern: string): ActionExpansion;
  /** Whether `pattern` covers `action`, without expanding it. */
  matches(pattern: string, action: ActionInfo): boolean;
  /** Every action that none of `patterns` covers: what a NotAction grants. */
  invert(patterns: readonly string[]): readonly ActionInfo[];
  /** Every action of the catalogue. */
  all(): readonly ActionInfo[];
  /** The nearest real action to `service:name`, as 'service:Name', or undefined when nothing is close. */
  suggest(service: string, name: string): string | undefined;
}

/** An expander over `source`. */
export function createActionExpander(source: ExpansionSource): ActionExpander {
  const parsed = new BoundedCache<string, ParsedPattern>(50_000);
  const expansions = new BoundedCache<string, ActionExpansion>(50_000);
  // Each inversion holds up to ~22,000 references; policy sets repeat few NotAction sets.
  const inversions = new BoundedCache<string, readonly ActionInfo[]>(1_000);
  let everything: readonly ActionInfo[] | undefined;

  function all(): readonly ActionInfo[] {
    everything ??= Object.freeze(source.prefixes.flatMap((prefix) => source.service(prefix)?.actions ?? []));
    return everything;
  }

  function nearestAction(index: ServiceIndex, lowerName: string): string | undefined {
    const exact = index.actionNamed(lowerName);
    if (exact) return exact.key;
    const near = nearest(lowerName, index.lowercaseNames);
    return near === undefined ? undefined : index.actionNamed(near)?.key;
  }

  function suggest(service: string, name: string): string | undefined {
    const prefix = service.toLowerCase();
    const index = source.service(prefix) ?? source.service(nearest(prefix, source.prefixes) ?? '');
    return index && nearestAction(index, name.toLowerCase());
  }

  function suggestForService(servicePart: string, actionPart: string): string | undefined {
    const near = hasWildcard(servicePart) ? undefined : nearest(servicePart, source.prefixes);
    if (near === undefined) return undefined;
    const action = hasWildcard(actionPart) ? undefined : source.service(near)?.actionNamed(actionPart);
    return action?.key ?? `${near}:${actionPart}`;
  }

  function computeExpansion(lower: string): ActionExpansion {
    // Most values name one action: look it up before parsing and compiling anything.
    const colon = lower.indexOf(':');
    if (colon > 0 && !hasWildcard(lower)) {
      const action = source.service(lower.slice(0, colon))?.actionNamed(lower.slice(colon + 1));
      if (action)
        return { resultType: 'exact', pattern: lower, actions: Object.freeze([action]), memo: undefined };
    }
    const pattern = parsed.get(lower, parse);
    if (pattern.kind === 'invalid')
      return {
        resultType: 'invalid',
        pattern: lower,
        actions: NONE,
        memo: undefined,
        reason: pattern.reason,
      };
    const { servicePart, actionPart } = pattern;
    if (servicePart === '*' && actionPart === '*')
      return { resultType: 'wildcard', pattern: lower, actions: all(), memo: undefined };

    if (!hasWildcard(servicePart)) {
      const index = source.service(servicePart);
      if (!index) return unknown('unknown-service', lower, () => suggestForService(servicePart, actionPart));
      if (!hasWildcard(actionPart)) {
        const action = index.actionNamed(actionPart);
        if (action)
          return { resultType: 'exact', pattern: lower, actions: Object.freeze([action]), memo: undefined };
        return unknown('unknown-action', lower, () => nearestAction(index, actionPart));
      }
    }

    const services = hasWildcard(servicePart)
      ? source.prefixes.filter(pattern.service).flatMap((prefix) => source.service(prefix) ?? [])
      : [source.service(servicePart)!];
    if (services.length === 0) return unknown('unknown-service', lower, () => undefined);
    const actions: ActionInfo[] = [];
    for (let s = 0; s < services.length; s++) {
      const index = services[s]!;
      if (actionPart === '*') {
        actions.push(...index.actions);
        continue;
      }
      const names = index.lowercaseNames;
      const prefix = pattern.actionPrefix;
      if (prefix !== undefined) {
        // `Get*`, the usual shape: the names are sorted, so the matches are one run found by binary search.
        for (let i = lowerBound(names, prefix); i < names.length && names[i]!.startsWith(prefix); i++)
          actions.push(index.actions[i]!);
        continue;
      }
      for (let i = 0; i < names.length; i++) if (pattern.action(names[i]!)) actions.push(index.actions[i]!);
    }
    if (actions.length === 0) return unknown('unknown-action', lower, () => undefined);
    return { resultType: 'wildcard', pattern: lower, actions: Object.freeze(actions), memo: undefined };
  }

  function expand(pattern: string): ActionExpansion {
    // Called for every Action value of every policy. Keyed by the lowercased value alone: a value from a parsed file
    // is a fresh string, often a slice of the file's text, and its first hashing and comparison against a key held
    // since an earlier file cost more as a slice (V8 reads it through its parent) than lowercasing it into a flat
    // copy does; a second table keyed by the value as written made a lint slower, not faster.
    return expansions.get(pattern.toLowerCase(), computeExpansion);
  }

  function matches(pattern: string, action: ActionInfo): boolean {
    const parsedOne = parsed.get(pattern.toLowerCase(), parse);
    return (
      parsedOne.kind === 'pattern' &&
      parsedOne.service(action.service) &&
      parsedOne.action(action.name.toLowerCase())
    );
  }

  function invert(patterns: readonly string[]): readonly ActionInfo[] {
    const key = [...new Set(patterns.map((pattern) => pattern.toLowerCase()))].sort().join('\n');
    return inversions.get(key, () => {
      const covered = new Set<ActionInfo>();
      for (const pattern of patterns) for (const action of expand(pattern).actions) covered.add(action);
      return covered.size === 0 ? all() : Object.freeze(all().filter((action) => !covered.has(action)));
    });
  }

  return { expand, matches, invert, all, suggest };
}
