/**
 * What a document's Allow statements grant, computed once per document and shared by every permission check:
 * each Action/NotAction entry with the actions it covers, where the statement applies to every resource, the
 * conditions that narrow it (its own, and Deny statements guarding it), and whether it is a full-administrator
 * statement. Checks run one after another on the same document, so the first builds this and the rest reuse it.
 */
import type { ActionInfo } from '../../catalog/action-info.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import type {
  ConditionEntry,
  PolicyDocument,
  PolicyScalar,
  PolicyStatement,
  SourceRange,
} from '../../document.ts';
import { expandedEntries } from './action-entries.ts';
import { escalationPathsOf } from './permission-escalation-actions.ts';
import { guardingConditions } from './permission-guards.ts';
import { type PatternFacts, patternFacts } from './permission-pattern-facts.ts';
import {
  allowStatements,
  CONSTRAINING_CONDITION_KEYS,
  constrainingConditions,
  denyStatements,
  hasPlaceholder,
  isStar,
  literalEntries,
  literalValues,
} from './statement.ts';

/** One Action entry, or the NotAction element, of an Allow statement. */
export interface ActionGrant {
  /** The statement it belongs to. */
  statement: PolicyStatement;
  /** 'action' for an Action entry, 'not-action' for a statement's whole NotAction. */
  kind: 'action' | 'not-action';
  /** Where to report it: the Action entry, or the NotAction key. */
  range: SourceRange;
  /** The pattern as written; for NotAction, `NotAction [a, b]`. */
  written: string;
  /**
   * True for `*`, `svc:*` and a wildcard service part: the grant is a whole service or more. Checks about
   * particular actions leave such entries to the full-admin and service-wildcard checks, which name what they hold.
   */
  serviceWide: boolean;
  /** What the pattern covers, for an Action entry (undefined for NotAction). */
  facts: PatternFacts | undefined;
}

/** How far a statement reaches for one action. */
export type Reach = 'every' | 'scoped';

/** One place where an action is granted. */
export interface GrantOf {
  grant: ActionGrant;
  /** The statement's context (its conditions and resource reach). */
  context: StatementContext;
  /** 'every' for Resource "*" or a NotResource, 'scoped' for named resources the action can apply to. */
  reach: Reach;
}

/** Where a statement applies to every resource: its Resource "*" entry, or its NotResource key. */
export interface EveryResource {
  range: SourceRange;
  /** `*`, or `NotResource [..]`. */
  written: string;
  /** For messages: `"*"`, or `every resource but NotResource [..]`. */
  phrase: string;
}

/** An Allow statement with what the permission checks need about it. */
export interface StatementContext {
  statement: PolicyStatement;
  /** Set when the statement applies to every resource. */
  everyResource: EveryResource | undefined;
  /** The narrowing conditions: the statement's own and those of Deny statements that guard it. */
  conditions: ConditionEntry[];
  /** The Action entries (or the NotAction), in source order. */
  grants: ActionGrant[];
  /** The grant that makes it a full-administrator statement of an identity policy (Action "*", or such a NotAction). */
  admin: ActionGrant | undefined;
}

/** One grant with the statement it is in. */
export interface GrantRef {
  grant: ActionGrant;
  context: StatementContext;
}

/** The permission view of one document. */
export interface PermissionAnalysis {
  document: PolicyDocument;
  catalog: IamCatalog;
  /** Allow statements, in source order. */
  statements: StatementContext[];
  // The three lists below are picked out while the analysis reads every grant, in source order, so the checks
  // that want a few grants do not each walk every Action entry of the document again.
  /** Action entries that are a whole service or more (`s3:*`, `*`, `*:Get*`). */
  serviceWideGrants: readonly GrantRef[];
  /** Action entries of the iam service (`iam:PassRole`, `iam:Pass*`, `iam:*`). */
  iamGrants: readonly GrantRef[];
  /**
   * Grants of statements that are not full administrator that may grant an action of an escalation path: Action
   * entries covering one, and every NotAction.
   */
  escalationGrants: readonly GrantRef[];
  /** Whether `grant` (an Action entry or a NotAction) covers `action`, whatever the resources. */
  covers(grant: ActionGrant, action: ActionInfo): boolean;
  /** The actions an Action grant covers (catalogue expansion; empty for NotAction and unknown actions). */
  actionsOf(grant: ActionGrant): readonly ActionInfo[];
  /** How far the statement reaches for `action`: every resource, named ones, or none it can apply to. */
  reachOf(context: StatementContext, action: ActionInfo): Reach | undefined;
  /** A value computed once per document and shared by the checks that need it (escalation paths, the ladder). */
  memo<T>(key: MemoKey<T>, compute: () => T): T;
}

/** Names one memoised value of an analysis; the type parameter ties the key to its value. */
export interface MemoKey<T> {
  /** For debugging. */
  readonly name: string;
  /** Never set: carries T. */
  readonly type?: T;
}

/**
 * Actions a NotAction must exclude for its statement not to be full administrator: with any of them left, a
 * principal can give itself every other permission.
 */
const SELF_GRANT_ACTIONS = [
  'iam:AttachUserPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutRolePolicy',
  'iam:CreatePolicyVersion',
];

/** Keys a guarding Deny may test (negated); the exact names of CONSTRAINING_CONDITION_KEYS, lowercase. */
const GUARD_KEYS: ReadonlySet<string> = new Set(
  CONSTRAINING_CONDITION_KEYS.filter((key) => !key.endsWith('/')).map((key) => key.toLowerCase()),
);

/** One ARN with interpolations, as CloudFormation `!Sub` or a Terraform template writes it. */
const TEMPLATED_ARN = /^(?:!Sub\s+|Fn::Sub:?\s*)?['"]?(arn:[^'"\s]+)['"]?$/;

/**
 * The ARN pattern a Resource value stands for: the value itself, or for a deploy-time value written as one ARN
 * with interpolations (`arn:aws:s3:::${var.bucket}/*`) the ARN with each interpolation as `*`. Undefined when
 * nothing can be said (`!GetAtt Role.Arn`, a variable): such a value may name anything.
 */
export function resourcePattern(value: PolicyScalar): string | undefined {
  if (typeof value === 'string') return value;
  const arn = TEMPLATED_ARN.exec(value.text.trim())?.[1];
  return arn?.replace(/\$\{[^}]*\}/g, '*');
}

/** `*` and `*:*`: every action of every service. */
export function isAllActions(value: string): boolean {
  return value.charCodeAt(0) === STAR && /^\*+(:\*+)?$/.test(value);
}

const STAR = 42; // '*'

/** `*`, `svc:*`, `*:Get*`: a whole service or more. Decided without a RegExp: it runs once per Action entry. */
function isServiceWide(value: string): boolean {
  const colon = value.indexOf(':');
  if (colon === -1) return value.length > 0 && isStar(value);
  for (let i = 0; i < colon; i++) {
    const code = value.charCodeAt(i);
    if (code === STAR || code === 63 /* '?' */) return true;
  }
  for (let i = colon + 1; i < value.length; i++) if (value.charCodeAt(i) !== STAR) return false;
  return value.length > colon + 1;
}

function everyResourceOf(statement: PolicyStatement): EveryResource | undefined {
  if (statement.notResource) {
    const written = `NotResource [${literalValues(statement.notResource).join(', ')}]`;
    return { range: statement.notResource.keyRange, written, phrase: `every resource but ${written}` };
  }
  const star = literalEntries(statement.resource).find((entry) => isStar(entry.value));
  return star ? { range: star.range, written: star.value, phrase: `"${star.value}"` } : undefined;
}

function grantsOfStatement(
  document: PolicyDocument,
  catalog: IamCatalog,
  statement: PolicyStatement,
): ActionGrant[] {
  if (statement.notAction) {
    return [
      {
        statement,
        kind: 'not-action',
        range: statement.notAction.keyRange,
        written: `NotAction [${literalValues(statement.notAction).join(', ')}]`,
        serviceWide: true,
        facts: undefined,
      },
    ];
  }
  const { entries, expansions } = expandedEntries(document, catalog, statement, 'action');
  const grants: ActionGrant[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    grants.push({
      statement,
      kind: 'action',
      range: entry.range,
      written: entry.value,
      serviceWide: isServiceWide(entry.value),
      facts: patternFacts(catalog, entry.value, expansions[index]!),
    });
  }
  return grants;
}

/**
 * The grant that makes an identity-policy statement full administrator: Action `*` on every resource, or a
 * NotAction on every resource that leaves IAM's self-granting actions allowed.
 */
function adminGrant(
  catalog: IamCatalog,
  statement: PolicyStatement,
  grants: readonly ActionGrant[],
  everyResource: EveryResource | undefined,
): ActionGrant | undefined {
  if (!everyResource) return undefined;
  if (statement.notAction) {
    if (hasPlaceholder(statement.notAction)) return undefined;
    const excluded = literalValues(statement.notAction);
    const leavesSelfGrant = SELF_GRANT_ACTIONS.every((key) => {
      const action = catalog.action(key);
      return (
        action !== undefined && !excluded.some((pattern) => catalog.actionPatternMatches(pattern, action))
      );
    });
    return leavesSelfGrant ? grants[0] : undefined;
  }
  return grants.find((grant) => isAllActions(grant.written));
}

function buildAnalysis(document: PolicyDocument, catalog: IamCatalog): PermissionAnalysis {
  // Found once for the document, not once per Allow statement.
  const denies = denyStatements(document);
  const statements: StatementContext[] = allowStatements(document).map((statement) => {
    const everyResource = everyResourceOf(statement);
    const grants = grantsOfStatement(document, catalog, statement);
    const own = constrainingConditions(statement);
    const conditions =
      denies.length === 0 ? own : own.concat(guardingConditions(document, statement, GUARD_KEYS, denies));
    // Every field always set (undefined when absent), so all contexts share one shape and the checks reading them
    // stay monomorphic.
    const admin =
      document.kind === 'identity' ? adminGrant(catalog, statement, grants, everyResource) : undefined;
    const context: StatementContext = { statement, everyResource, conditions, grants, admin };
    return context;
  });

  // One pass over every grant for the lists the checks pick from (plain loops: every Action entry is visited).
  const serviceWideGrants: GrantRef[] = [];
  const iamGrants: GrantRef[] = [];
  const escalationGrants: GrantRef[] = [];
  const pathActions = escalationPathsOf(catalog).actions;
  for (let s = 0; s < statements.length; s++) {
    const context = statements[s]!;
    const grants = context.grants;
    for (let g = 0; g < grants.length; g++) {
      const grant = grants[g]!;
      const facts = grant.facts;
      if (grant.kind === 'action' && grant.serviceWide) serviceWideGrants.push({ grant, context });
      if (facts?.service === 'iam') iamGrants.push({ grant, context });
      if (!context.admin && (!facts || facts.coveredAmong(pathActions).length > 0))
        escalationGrants.push({ grant, context });
    }
  }

  function includes(grant: ActionGrant, action: ActionInfo): boolean {
    if (grant.facts) return grant.facts.covers(action);
    const notAction = grant.statement.notAction;
    // A computed NotAction entry might exclude the action: do not claim it is granted.
    if (!notAction || hasPlaceholder(notAction)) return false;
    return !literalValues(notAction).some((pattern) => catalog.actionPatternMatches(pattern, action));
  }

  function reachOf(context: StatementContext, action: ActionInfo): Reach | undefined {
    if (context.everyResource) return 'every';
    const resources = context.statement.resource?.entries ?? [];
    return resources.some((entry) => {
      const pattern = resourcePattern(entry.value);
      return pattern === undefined || catalog.resourceMatchesAction(pattern, action);
    })
      ? 'scoped'
      : undefined;
  }

  const memos = new Map<MemoKey<unknown>, unknown>();
  return {
    document,
    catalog,
    statements,
    serviceWideGrants,
    iamGrants,
    escalationGrants,
    covers: includes,
    actionsOf(grant) {
      return grant.facts?.actions ?? [];
    },
    reachOf,
    memo<T>(key: MemoKey<T>, compute: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = compute();
      memos.set(key, value);
      return value;
    },
  };
}

/**
 * The analysis of the document analysed last. The checks run one after another on one document, so they all find
 * it here; keeping only the last one (rather than one per document, for as long as the document lives) lets each
 * analysis be collected young once the checks move on, instead of every one being promoted and kept.
 */
let last: PermissionAnalysis | undefined;

/** The permission view of `document`, built on first use and reused by every check that asks. */
export function analyzePermissions(document: PolicyDocument, catalog: IamCatalog): PermissionAnalysis {
  if (last && last.document === document && last.catalog === catalog) return last;
  last = buildAnalysis(document, catalog);
  return last;
}

/** True when a narrowing condition (own or guarding Deny) applies to the statement. */
export function isConstrained(context: StatementContext): boolean {
  return context.conditions.length > 0;
}
