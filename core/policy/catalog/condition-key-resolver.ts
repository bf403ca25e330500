/**
 * Resolves condition keys as policies write them (`aws:PrincipalTag/team`, `s3:x-amz-acl`,
 * `token.actions.githubusercontent.com:sub`) to catalogue keys, and says whether a key applies to an action.
 *
 * Where a key is found: global keys first (valid with every action); then the services its prefix names, which
 * is the service itself or, for prefixes that are not services (`saml`, `accounts.google.com`,
 * `token.actions.githubusercontent.com/${SubPath}`), the services the data maps them to.
 */
import type { ActionInfo } from './action-info.ts';
import { ActionTable } from './action-table.ts';
import { BoundedCache } from './bounded-cache.ts';
import {
  type ConditionKeyInfo,
  type ConditionKeyTable,
  compileKeyTemplate,
  isKeyTemplate,
} from './condition-keys.ts';
import type { GlobMatcher } from './glob.ts';
import type { ServiceIndex } from './service-index.ts';
import { nearest } from './suggest.ts';

/** Whether and how a condition key applies to an action. */
export type ConditionKeyCheck =
  | {
      /** The action, or one of its resource types, lists the key. */
      readonly resultType: 'supported';
      /** The key. */
      readonly key: ConditionKeyInfo;
    }
  | {
      /**
       * A global key the action does not list. Most (aws:SourceIp, aws:PrincipalTag/...) apply to every request;
       * aws:ResourceTag, aws:RequestTag and aws:TagKeys only where a service supports tags, so a check may warn.
       */
      readonly resultType: 'global';
      /** The key. */
      readonly key: ConditionKeyInfo;
    }
  | {
      /** A real key that this action does not support: the condition never matches for it. */
      readonly resultType: 'not-supported';
      /** The key. */
      readonly key: ConditionKeyInfo;
    }
  | {
      /** No such key in the catalogue. */
      readonly resultType: 'unknown';
      /** The nearest key the action supports, or the nearest global key, when one is close. */
      readonly suggestion?: string;
    }
  | {
      /** A claim of an identity provider the catalogue does not list (e.g. an EKS OIDC issuer): cannot be judged. */
      readonly resultType: 'unverifiable';
      /** Why, one sentence. */
      readonly reason: string;
    };

/** What the resolver needs from the catalogue. */
export interface ConditionKeySource {
  /** Global condition keys. */
  readonly globals: ConditionKeyTable;
  /** Non-service prefixes of condition keys and the services whose data holds them (keys may be templates). */
  readonly prefixAliases: ReadonlyMap<string, readonly string[]>;
  /** The index of service `prefix` (lowercase), or undefined. */
  service(prefix: string): ServiceIndex | undefined;
}

/** The keys one action accepts, compiled. */
interface ActionKeys {
  readonly exact: ReadonlyMap<string, string>;
  readonly templates: readonly { readonly match: GlobMatcher; readonly name: string }[];
  readonly names: readonly string[];
}

/** Condition key lookups over one catalogue. */
export interface ConditionKeyResolver {
  /** The catalogue key `name` denotes (any case), or undefined; `forAction` also searches that action's service. */
  find(name: string, forAction?: ActionInfo): ConditionKeyInfo | undefined;
  /** Whether and how `name` applies to `action`. */
  check(name: string, action: ActionInfo): ConditionKeyCheck;
}

/** A key an action lists but no table types. */
function untypedKey(name: string): ConditionKeyInfo {
  return { name, type: 'Unknown', valueType: 'Unknown', multiValued: false, global: false, description: '' };
}

/**
 * An 'unknown' result whose suggestion is computed on first read: a check asking whether any of a statement's many
 * actions supports a key reads only the result type, and an edit-distance scan over every key for each action
 * cost more than the rest of the check.
 */
function unknownKey(suggest: () => string | undefined): ConditionKeyCheck {
  let computed = false;
  let suggestion: string | undefined;
  const result = { resultType: 'unknown' as const };
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

/** A resolver over `source`, caching per key and per action. */
export function createConditionKeyResolver(source: ConditionKeySource): ConditionKeyResolver {
  const aliasTemplates = [...source.prefixAliases]
    .filter(([prefix]) => isKeyTemplate(prefix))
    .map(([prefix, services]) => ({ match: compileKeyTemplate(prefix), services }));
  const actionKeys = new ActionTable<ActionKeys>();
  const found = new BoundedCache<string, ConditionKeyInfo | undefined>(50_000);

  function prefixOf(lower: string): string | undefined {
    const colon = lower.indexOf(':');
    return colon <= 0 ? undefined : lower.slice(0, colon);
  }

  /** Services whose data may hold keys with this prefix. */
  function servicesFor(prefix: string): readonly string[] {
    if (source.service(prefix)) return [prefix];
    const alias = source.prefixAliases.get(prefix);
    if (alias) return alias;
    return aliasTemplates.find((template) => template.match(prefix))?.services ?? [];
  }

  function findUncached(lower: string): ConditionKeyInfo | undefined {
    const global = source.globals.find(lower);
    if (global) return global;
    const prefix = prefixOf(lower);
    if (prefix === undefined) return undefined;
    const services = servicesFor(prefix);
    for (let i = 0; i < services.length; i++) {
      const key = source.service(services[i]!)?.conditionKeys().find(lower);
      if (key) return key;
    }
    return undefined;
  }

  function find(name: string, forAction?: ActionInfo): ConditionKeyInfo | undefined {
    const lower = name.toLowerCase();
    const key = found.get(lower, findUncached);
    if (key || !forAction) return key;
    return source.service(forAction.service)?.conditionKeys().find(lower);
  }

  function compileActionKeys(action: ActionInfo): ActionKeys {
    const names = new Set(action.conditionKeys);
    const types = action.resourceTypes;
    for (let t = 0; t < types.length; t++) {
      const keys = types[t]!.conditionKeys;
      for (let k = 0; k < keys.length; k++) names.add(keys[k]!);
    }
    const exact = new Map<string, string>();
    const templates: { match: GlobMatcher; name: string }[] = [];
    for (const name of names) {
      exact.set(name.toLowerCase(), name);
      if (isKeyTemplate(name)) templates.push({ match: compileKeyTemplate(name), name });
    }
    return { exact, templates, names: [...names] };
  }

  /** The name under which `action` lists the key `lower`, if it does. */
  function listedName(lower: string, keys: ActionKeys): string | undefined {
    return keys.exact.get(lower) ?? keys.templates.find((template) => template.match(lower))?.name;
  }

  function check(name: string, action: ActionInfo): ConditionKeyCheck {
    const lower = name.toLowerCase();
    let keys = actionKeys.get(action);
    if (!keys) {
      keys = compileActionKeys(action);
      actionKeys.set(action, keys);
    }
    const listed = listedName(lower, keys);
    const key = find(name, action);
    if (listed !== undefined) {
      // Every listed key has an entry in its service's table; should one lack it, the action's word still counts.
      return { resultType: 'supported', key: key ?? untypedKey(listed) };
    }
    if (key) return { resultType: key.global ? 'global' : 'not-supported', key };
    const prefix = prefixOf(lower);
    // Service prefixes are plain words; a host name or path is an identity provider (OIDC issuer), whose claims
    // beyond the few the data lists (GitHub's 'sub', EKS issuers' 'aud') are valid but unknown here.
    if (prefix !== undefined && /[./]/.test(prefix)) {
      return {
        resultType: 'unverifiable',
        reason: `'${name.slice(0, prefix.length)}' is an identity provider whose claims the catalogue does not fully list.`,
      };
    }
    return unknownKey(() =>
      nearest(name, [...keys.names, ...source.globals.keys.map((global) => global.name)]),
    );
  }

  return { find, check };
}
