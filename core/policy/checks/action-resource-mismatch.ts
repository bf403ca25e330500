import type { ActionInfo } from '../catalog/action-info.ts';
import { ActionTable } from '../catalog/action-table.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { ElementList } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { expandedEntries } from './support/action-entries.ts';
import { resourceArnProblem } from './support/correctness-arn.ts';
import { hasIncompleteActionData } from './support/correctness-catalog-gaps.ts';
import { effectOf, isStar, quoteList } from './support/correctness-statement.ts';

/** The ARN formats `actions` accept, for the message (at most three, distinct). */
function arnFormats(actions: readonly ActionInfo[]): string[] {
  const formats = new Set<string>();
  for (let a = 0; a < actions.length; a++) {
    const types = actions[a]!.resourceTypes;
    for (let t = 0; t < types.length; t++) formats.add(types[t]!.arn);
  }
  return [...formats].slice(0, 3);
}

/**
 * The service part of an ARN ('s3' for 'arn:aws:s3:::b'), lowercased, or undefined when it is not a plain literal
 * (a wildcard or a variable in it). Scanned by hand: it runs for every resource type of every action met.
 */
function arnService(arn: string): string | undefined {
  const first = arn.indexOf(':');
  const second = first === -1 ? -1 : arn.indexOf(':', first + 1);
  if (second === -1) return undefined;
  let end = arn.indexOf(':', second + 1);
  if (end === -1) end = arn.length;
  let upper = false;
  for (let i = second + 1; i < end; i++) {
    const code = arn.charCodeAt(i);
    if (code === 42 /* '*' */ || code === 63 /* '?' */ || code === 36 /* '$' */) return undefined;
    if ((code >= 65 && code <= 90) || code > 127) upper = true;
  }
  const service = arn.slice(second + 1, end);
  return upper ? service.toLowerCase() : service;
}

/**
 * The services named by each action's ARN templates; null when one of them is not a plain literal. Kept per
 * catalogue in a table (a WeakMap with thousands of action keys slows every garbage collection).
 */
const templateServices = new WeakMap<IamCatalog, ActionTable<ReadonlySet<string> | null>>();

function servicesOf(
  byAction: ActionTable<ReadonlySet<string> | null>,
  action: ActionInfo,
): ReadonlySet<string> | null {
  let services = byAction.get(action);
  if (services === undefined) {
    const names = action.resourceTypes.map((type) => arnService(type.arn));
    services = names.every((name) => name !== undefined) ? new Set(names as string[]) : null;
    byAction.set(action, services);
  }
  return services;
}

/**
 * Why none of `resources` (whose ARN services are `services`) can apply to any of `actions`, or undefined when one
 * can (or may). A resource of a service none of an action's ARN templates names cannot, which is decided here
 * without the catalogue's pattern matching: most pairs of a statement mixing services end there. One function
 * with plain loops: it runs for every Action entry of every statement naming resources.
 */
function mismatch(
  catalog: IamCatalog,
  byAction: ActionTable<ReadonlySet<string> | null>,
  actions: readonly ActionInfo[],
  resources: readonly string[],
  services: readonly (string | undefined)[],
): string | undefined {
  for (let a = 0; a < actions.length; a++) if (hasIncompleteActionData(actions[a]!.service)) return undefined;
  let allWildcardOnly = true;
  for (let a = 0; a < actions.length; a++) {
    const action = actions[a]!;
    const wildcardOnly = action.isWildcardOnly;
    if (!wildcardOnly) allWildcardOnly = false;
    const named = wildcardOnly ? null : servicesOf(byAction, action);
    for (let r = 0; r < resources.length; r++) {
      const service = services[r];
      if (service !== undefined && named !== null && !named.has(service)) continue;
      if (catalog.resourceMatchesAction(resources[r]!, action)) return undefined;
    }
  }
  if (allWildcardOnly) return 'supports only Resource "*" (no resource-level permissions)';
  const formats = arnFormats(actions);
  return `applies to resources like ${formats.map((format) => `"${format}"`).join(' or ')}`;
}

/**
 * The literal Resource values of a statement this check judges, or undefined when it judges none: a computed
 * entry, a "*", or a malformed ARN (iam.policy.malformed-arn's to report; what it was meant to name is unknown).
 */
function judgedResources(list: ElementList): string[] | undefined {
  const resources: string[] = [];
  const entries = list.entries;
  for (let i = 0; i < entries.length; i++) {
    const value = entries[i]!.value;
    if (typeof value !== 'string' || isStar(value) || resourceArnProblem(value)) return undefined;
    resources.push(value);
  }
  return resources.length === 0 ? undefined : resources;
}

/**
 * Action entries that can apply to none of the statement's resources: s3:GetObject on a bucket ARN (objects are
 * `bucket/*`), s3:ListBucket on `bucket/*`, ec2:Describe* on an instance ARN. The statement then grants (or denies)
 * nothing for that action. Never reported when a Resource is "*" or computed at deploy time, nor for services whose
 * catalogue data is known to be incomplete.
 */
export const actionResourceMismatch = {
  id: 'iam.policy.action-resource-mismatch',
  title: 'Action does not apply to any listed resource',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds actions whose resource types match none of the statement\'s Resource ARNs (s3:GetObject on "arn:aws:s3:::bucket" without "/*", s3:ListBucket on "bucket/*", a Describe action on a specific ARN); the statement grants or denies nothing for them.',
  remediation:
    'Add a Resource ARN of the type the action acts on (objects are "arn:aws:s3:::bucket/*", buckets "arn:aws:s3:::bucket"), or move the action to a statement with Resource "*" when it supports no resource-level permissions.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    // A Lambda permission's Resource is the FunctionName property, which may be a bare function name.
    if (document.resourceType === 'lambda-permission') return problems;
    let byAction = templateServices.get(catalog);
    if (!byAction) {
      byAction = new ActionTable();
      templateServices.set(catalog, byAction);
    }
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (!statement.action || !statement.resource) continue;
      const resources = judgedResources(statement.resource);
      if (!resources) continue;
      const services = resources.map(arnService);
      const deny = effectOf(statement) === 'Deny';
      const { entries, expansions } = expandedEntries(document, catalog, statement, 'action');
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[index]!;
        if (isStar(entry.value)) continue;
        const { actions } = expansions[index]!;
        if (actions.length === 0) continue;
        const why = mismatch(catalog, byAction, actions, resources, services);
        if (!why) continue;
        const listed =
          resources.length === 1
            ? `the Resource ${quoteList(resources)}`
            : `any of the Resources ${quoteList(resources)}`;
        const effect = deny ? 'this Deny denies nothing for it' : 'the statement grants nothing for it';
        problems.push({
          message: `"${entry.value}" ${why}, not ${listed}, so ${effect}`,
          range: entry.range,
          statement,
          ...(deny ? { severity: 'low' as const } : {}),
          evidence: { action: entry.value, resources, acceptedArnFormats: arnFormats(actions) },
          anchor: `${entry.value}->${resources.join(',')}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
