/**
 * "Did you mean" for misspelt actions and services, with the catalogue's rule (nearest by edit distance, within a
 * third of the typed length, ties to the first candidate) but a cheap lower bound tried first: the character-count (bag)
 * distance, which no edit can beat. Candidates it rules out skip the edit-distance table, which makes suggesting
 * for the dozens of retired actions in AWS managed policies several times cheaper. Same answers, same ties.
 */
import type { ActionInfo } from '../../catalog/action-info.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import { editDistance } from '../../catalog/suggest.ts';

/** A service's actions with their lowercase names, built once per service expansion. */
interface ServiceNames {
  readonly actions: readonly ActionInfo[];
  readonly lowercase: readonly string[];
}

const namesByService = new WeakMap<readonly ActionInfo[], ServiceNames>();

function serviceNames(actions: readonly ActionInfo[]): ServiceNames {
  let names = namesByService.get(actions);
  if (!names) {
    names = { actions, lowercase: actions.map((action) => action.name.toLowerCase()) };
    namesByService.set(actions, names);
  }
  return names;
}

const counts = new Int32Array(128);

/**
 * A lower bound of the edit distance between `typed` (counted into `counts`, which this uses up) and `candidate`:
 * characters of one that the other lacks each need an edit. Codes are folded to 7 bits, which only lowers it.
 */
function bagDistance(typedLength: number, candidate: string): number {
  let matched = 0;
  let extra = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i) & 127;
    if (counts[code]! > 0) {
      counts[code]!--;
      matched++;
    } else {
      extra++;
    }
  }
  return Math.max(extra, typedLength - matched);
}

/** The nearest of `candidates` to `typed` (both lowercase), as the catalogue's `nearest` chooses it. */
function nearestIndex(typed: string, candidates: readonly string[]): number {
  counts.fill(0);
  for (let i = 0; i < typed.length; i++) counts[typed.charCodeAt(i) & 127]!++;
  const baseline = counts.slice();
  let best = -1;
  let bestDistance = Math.max(1, Math.floor(typed.length / 3)) + 1;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    if (Math.abs(candidate.length - typed.length) >= bestDistance) continue;
    counts.set(baseline);
    if (bagDistance(typed.length, candidate) >= bestDistance) continue;
    const distance = editDistance(typed, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

const prefixSuggestions = new WeakMap<IamCatalog, Map<string, string | undefined>>();

/**
 * For an action of an unknown service, the catalogue's suggestion (the nearest service prefix, with the action when
 * that service has it), computed once per unknown prefix rather than once per action of it.
 */
export function suggestForUnknownService(catalog: IamCatalog, value: string): string | undefined {
  const lower = value.toLowerCase();
  const colon = lower.indexOf(':');
  const servicePart = lower.slice(0, colon);
  const actionPart = lower.slice(colon + 1);
  if (colon <= 0 || /[*?]/.test(servicePart)) return undefined;
  let byPrefix = prefixSuggestions.get(catalog);
  if (!byPrefix) {
    byPrefix = new Map();
    prefixSuggestions.set(catalog, byPrefix);
  }
  if (!byPrefix.has(servicePart)) {
    const prefixes = catalog.services().map((service) => service.prefix);
    const index = nearestIndex(servicePart, prefixes);
    byPrefix.set(servicePart, index === -1 ? undefined : prefixes[index]);
  }
  const near = byPrefix.get(servicePart);
  if (near === undefined) return undefined;
  const action = /[*?]/.test(actionPart) ? undefined : catalog.action(near, actionPart);
  return action?.key ?? `${near}:${actionPart}`;
}

/** The nearest real action ('service:Name') to a misspelt `service:name` of a known service, or undefined. */
export function suggestActionName(catalog: IamCatalog, service: string, name: string): string | undefined {
  const actions = catalog.expandActionPattern(`${service}:*`).actions;
  if (actions.length === 0) return undefined;
  const names = serviceNames(actions);
  const index = nearestIndex(name.toLowerCase(), names.lowercase);
  return index === -1 ? undefined : names.actions[index]!.key;
}
