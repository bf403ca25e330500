/**
 * What the permission checks need to know about one Action pattern, computed once per distinct pattern and kept
 * per catalogue: policy sets repeat a few thousand patterns (`s3:Get*`, `logs:PutLogEvents`) across thousands of
 * statements, so matching each against the sensitive-action lists and classifying its expansion once keeps the
 * checks well inside the benchmark budget.
 */
import type { ActionExpansion } from '../../catalog/action-expansion.ts';
import type { AccessLevel, ActionInfo } from '../../catalog/action-info.ts';
import { type ActionSet, ActionTable, actionSetOf } from '../../catalog/action-table.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import {
  CREDENTIAL_ACTIONS,
  DATA_ACTIONS,
  DEDICATED_ACTION_KEYS,
  type SensitiveAction,
} from './permission-sensitive-actions.ts';

/** The access levels the Resource "*" ladder reports. */
export type LadderLevel = Exclude<AccessLevel, 'List'>;

/** Facts about one Action pattern. */
export interface PatternFacts {
  /** The service part in lowercase, or undefined when it has a wildcard (the pattern may span services). */
  readonly service: string | undefined;
  /** The actions the pattern covers. */
  readonly actions: readonly ActionInfo[];
  /** The CREDENTIAL_ACTIONS it covers. */
  readonly credentials: readonly SensitiveAction[];
  /** The DATA_ACTIONS it covers. */
  readonly data: readonly SensitiveAction[];
  /** True when it covers an action a dedicated check reports (credentials, data, iam:PassRole). */
  readonly dedicated: boolean;
  /**
   * Its actions that can be scoped to resources and have no dedicated check, by ladder level (List actions are
   * left out: the ladder never reports them).
   */
  readonly scopable: Readonly<Record<LadderLevel, readonly ActionInfo[]>>;
  /** Its actions worth naming in a message: those with a dedicated check first, then permission management. */
  readonly notable: readonly ActionInfo[];
  /** Whether it covers `action`: an identity test, or a set built on first use for a wildcard. */
  covers(action: ActionInfo): boolean;
  /** The actions of `list` it covers; remembered for the last list asked about (callers pass one fixed list). */
  coveredAmong(list: readonly ActionInfo[]): readonly ActionInfo[];
}

/**
 * Action names that read, whatever access level the catalogue gives them: AWS files a few reads under
 * Permissions management (quicksight:DescribeTopicPermissions, billing:GetResourcePolicy) or Write
 * (iot:ListSubscriptions). For the Resource "*" ladder they count as Read, so a read-only policy is not reported as
 * managing permissions.
 */
const READ_VERB = /^(Get|Describe|List|Search|View|Check|Preview|Validate|Lookup)/;

/** The level an action counts at on the Resource "*" ladder (see READ_VERB). */
export function ladderLevel(action: ActionInfo): AccessLevel {
  const levels = action.accessLevels;
  const mutating = levels.has('Permissions management') || levels.has('Write');
  if (mutating && READ_VERB.test(action.name)) return 'Read';
  if (levels.has('Permissions management')) return 'Permissions management';
  if (levels.has('Write')) return 'Write';
  if (levels.has('Tagging')) return 'Tagging';
  if (levels.has('Read')) return 'Read';
  return 'List';
}

/** What the checks need about one action; actions recur across patterns, so this is kept per action. */
interface ActionFacts {
  action: ActionInfo;
  level: AccessLevel;
  /** Its CREDENTIAL_ACTIONS entry, if any. */
  credential: SensitiveAction | undefined;
  /** Its DATA_ACTIONS entry, if any. */
  data: SensitiveAction | undefined;
  /** A dedicated check reports it. */
  dedicated: boolean;
  /** It can be scoped to resources. */
  scopable: boolean;
}

/**
 * Actions the catalogue gives one optional resource type that ordinary calls do not involve (a metric dataset, a
 * speech lexicon): in practice they take Resource "*", so they do not count as scopable.
 */
const SCOPABLE_IN_NAME_ONLY = ['cloudwatch:PutMetricData', 'polly:SynthesizeSpeech'];

/** What the fixed lists say about one listed action. */
interface Listed {
  credential: SensitiveAction | undefined;
  data: SensitiveAction | undefined;
  dedicated: boolean;
  inNameOnly: boolean;
}

/** Classifies actions of one catalogue, keeping each action's facts (actions recur across patterns). */
function createClassifier(catalog: IamCatalog): (action: ActionInfo) => ActionFacts {
  // The lists in one table by action number: the classifier asks about every action of every pattern it meets.
  const listed = new ActionTable<Listed>();
  const entryOf = (key: string): Listed | undefined => {
    const action = catalog.action(key);
    if (!action) return undefined;
    let entry = listed.get(action);
    if (!entry) {
      entry = { credential: undefined, data: undefined, dedicated: false, inNameOnly: false };
      listed.set(action, entry);
    }
    return entry;
  };
  for (let i = 0; i < CREDENTIAL_ACTIONS.length; i++) {
    const entry = entryOf(CREDENTIAL_ACTIONS[i]!.key);
    if (entry) entry.credential = CREDENTIAL_ACTIONS[i];
  }
  for (let i = 0; i < DATA_ACTIONS.length; i++) {
    const entry = entryOf(DATA_ACTIONS[i]!.key);
    if (entry) entry.data = DATA_ACTIONS[i];
  }
  for (const key of DEDICATED_ACTION_KEYS) {
    const entry = entryOf(key);
    if (entry) entry.dedicated = true;
  }
  for (let i = 0; i < SCOPABLE_IN_NAME_ONLY.length; i++) {
    const entry = entryOf(SCOPABLE_IN_NAME_ONLY[i]!);
    if (entry) entry.inNameOnly = true;
  }
  // Not a WeakMap: ~22,000 weak keys slow every garbage collection, and the classifier lives only as long as its
  // catalogue (it is held by the catalogue's entry in a WeakMap).
  const byAction = new ActionTable<ActionFacts>();
  return (action) => {
    let facts = byAction.get(action);
    if (!facts) {
      const list = listed.get(action);
      facts = {
        action,
        level: ladderLevel(action),
        credential: list?.credential,
        data: list?.data,
        dedicated: list?.dedicated === true,
        scopable: !action.isWildcardOnly && action.resourceTypes.length > 0 && list?.inNameOnly !== true,
      };
      byAction.set(action, facts);
    }
    return facts;
  };
}

function servicePart(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  const service = colon === -1 ? pattern : pattern.slice(0, colon);
  return /[*?]/.test(service) ? undefined : service.toLowerCase();
}

/** The facts that need a pass over the expansion, which only statements on every resource ask for. */
type Classified = Pick<PatternFacts, 'credentials' | 'data' | 'dedicated' | 'scopable' | 'notable'>;

const EMPTY: readonly never[] = Object.freeze([]);

/** Appends to a list created on first use; most patterns have nothing in most lists, so most stay EMPTY. */
function append<T>(list: readonly T[], item: T): readonly T[] {
  if (list === EMPTY) return [item];
  (list as T[]).push(item);
  return list;
}

function classify(
  actions: readonly ActionInfo[],
  actionFacts: (action: ActionInfo) => ActionFacts,
): Classified {
  let credentials: readonly SensitiveAction[] = EMPTY;
  let data: readonly SensitiveAction[] = EMPTY;
  let management: readonly ActionInfo[] = EMPTY;
  let write: readonly ActionInfo[] = EMPTY;
  let tagging: readonly ActionInfo[] = EMPTY;
  let read: readonly ActionInfo[] = EMPTY;
  let sensitive: readonly ActionInfo[] = EMPTY;
  let managing: readonly ActionInfo[] = EMPTY;
  // Index loops here and below: these run over every action of every distinct pattern, mostly before the code is
  // optimised, where a for-of allocates an iterator result per step.
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const facts = actionFacts(action);
    if (facts.credential && !credentials.includes(facts.credential))
      credentials = append(credentials, facts.credential);
    if (facts.data && !data.includes(facts.data)) data = append(data, facts.data);
    if (facts.level === 'Permissions management') managing = append(managing, action);
    if (facts.dedicated) sensitive = append(sensitive, action);
    else if (facts.scopable) {
      if (facts.level === 'Permissions management') management = append(management, action);
      else if (facts.level === 'Write') write = append(write, action);
      else if (facts.level === 'Tagging') tagging = append(tagging, action);
      else if (facts.level === 'Read') read = append(read, action);
    }
  }
  const byList = (list: readonly SensitiveAction[], found: readonly SensitiveAction[]) =>
    found.length <= 1 ? found : list.filter((entry) => found.includes(entry));
  return {
    credentials: byList(CREDENTIAL_ACTIONS, credentials),
    data: byList(DATA_ACTIONS, data),
    dedicated: sensitive.length > 0,
    scopable: { 'Permissions management': management, Write: write, Tagging: tagging, Read: read },
    notable: managing.length === 0 ? sensitive : sensitive.concat(managing),
  };
}

/** The facts of one pattern; what needs a pass over the expansion is worked out when first asked. */
class LazyPatternFacts implements PatternFacts {
  readonly service: string | undefined;
  readonly actions: readonly ActionInfo[];
  #classified: Classified | undefined;
  #members: ActionSet | undefined;
  #among: { list: readonly ActionInfo[]; covered: readonly ActionInfo[] } | undefined;

  readonly #classifier: (action: ActionInfo) => ActionFacts;

  constructor(
    pattern: string,
    actions: readonly ActionInfo[],
    classifier: (action: ActionInfo) => ActionFacts,
  ) {
    this.service = servicePart(pattern);
    this.actions = actions;
    this.#classifier = classifier;
  }

  get credentials() {
    return this.#details().credentials;
  }
  get data() {
    return this.#details().data;
  }
  get dedicated() {
    return this.#details().dedicated;
  }
  get scopable() {
    return this.#details().scopable;
  }
  get notable() {
    return this.#details().notable;
  }

  // Most patterns name one action; a wildcard's set is built when first asked.
  covers(action: ActionInfo): boolean {
    if (this.actions.length <= 1) return this.actions[0] === action;
    this.#members ??= actionSetOf(this.actions);
    return this.#members.has(action);
  }

  coveredAmong(list: readonly ActionInfo[]): readonly ActionInfo[] {
    if (this.#among?.list !== list) {
      const only = this.actions.length === 1 ? this.actions[0]! : undefined;
      const covered = only
        ? actionSetOf(list).has(only)
          ? [only]
          : EMPTY
        : list.filter(
            (action) =>
              (this.service === undefined || this.service === action.service) && this.covers(action),
          );
      this.#among = { list, covered };
    }
    return this.#among.covered;
  }

  #details(): Classified {
    this.#classified ??= classify(this.actions, this.#classifier);
    return this.#classified;
  }
}

/** The classifier each catalogue's pattern facts share. */
const classifiers = new WeakMap<IamCatalog, (action: ActionInfo) => ActionFacts>();

/**
 * The facts about `pattern`, computed on first use and kept on its expansion (the catalogue returns one object per
 * pattern, whatever its case, and gives it a memo slot for this), so a caller that has the expansion finds them with
 * a property read.
 */
export function patternFacts(
  catalog: IamCatalog,
  pattern: string,
  expansion: ActionExpansion = catalog.expandActionPattern(pattern),
): PatternFacts {
  const kept = expansion.memo;
  if (kept instanceof LazyPatternFacts) return kept;
  let classifier = classifiers.get(catalog);
  if (!classifier) {
    classifier = createClassifier(catalog);
    classifiers.set(catalog, classifier);
  }
  const facts = new LazyPatternFacts(pattern, expansion.actions, classifier);
  expansion.memo = facts;
  return facts;
}
