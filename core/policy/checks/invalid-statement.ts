import { editDistance } from '../catalog/suggest.ts';
import type { PolicyDocument, PolicyStatement, SourceRange } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { rawStatement } from './support/correctness-statement.ts';

/** IAM's statement keys; any other key has already been reported by the extractor as malformed. */
const KNOWN_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

/** One statement as the checks below read it. */
interface StatementView {
  readonly document: PolicyDocument;
  readonly statement: PolicyStatement;
  /** False for a Terraform policy document no resource in the file uses: its real kind is decided elsewhere. */
  readonly kindKnown: boolean;
}

/**
 * True when neither element is there, and no misspelt key close to either ("Actions", "resource") is there either:
 * the extractor reports those as malformed, and the element is then not missing but misnamed.
 */
function lacks(view: StatementView, name: string, other: string): boolean {
  const keys = Object.keys(rawStatement(view.document, view.statement) ?? {}).filter(
    (key) => !KNOWN_KEYS.has(key),
  );
  return !keys.some((key) =>
    [name, other].some((wanted) => editDistance(key.toLowerCase(), wanted.toLowerCase(), 2) <= 2),
  );
}

function problem(view: StatementView, message: string, anchor: string, range?: SourceRange): PolicyProblem {
  return {
    message,
    range: range ?? view.statement.range,
    statement: view.statement,
    evidence: { problem: anchor },
    anchor,
  };
}

function effectProblem(view: StatementView): PolicyProblem | undefined {
  const effect = view.statement.effect;
  if (!effect) {
    return lacks(view, 'Effect', 'Effect')
      ? problem(view, 'The statement has no Effect; it must be "Allow" or "Deny"', 'missing-effect')
      : undefined;
  }
  if (typeof effect.value !== 'string' || effect.value === 'Allow' || effect.value === 'Deny')
    return undefined;
  const hint = /^(allow|deny)$/i.test(effect.value) ? ' (the case matters)' : '';
  return problem(
    view,
    `Effect "${effect.value}" is not "Allow" or "Deny"${hint}`,
    `effect:${effect.value}`,
    effect.range,
  );
}

function actionProblem(view: StatementView): PolicyProblem | undefined {
  const { action, notAction } = view.statement;
  if (action && notAction)
    return problem(
      view,
      'The statement has both Action and NotAction; use one',
      'action-and-notaction',
      notAction.keyRange,
    );
  if (!action && !notAction && lacks(view, 'Action', 'NotAction'))
    return problem(view, 'The statement has no Action or NotAction', 'missing-action');
  return undefined;
}

function resourceProblem(view: StatementView): PolicyProblem | undefined {
  const { resource, notResource, principal } = view.statement;
  if (resource && notResource)
    return problem(
      view,
      'The statement has both Resource and NotResource; use one',
      'resource-and-notresource',
      notResource.keyRange,
    );
  // Trust policies name no resource: the role is the resource. An unused document with a Principal may be one.
  const needsResource = view.document.kind !== 'trust' && (view.kindKnown || !principal);
  if (needsResource && !resource && !notResource && lacks(view, 'Resource', 'NotResource'))
    return problem(
      view,
      'The statement has no Resource or NotResource; use "*" for all resources',
      'missing-resource',
    );
  return undefined;
}

function principalProblem(view: StatementView): PolicyProblem | undefined {
  const { principal, notPrincipal } = view.statement;
  if (principal && notPrincipal)
    return problem(
      view,
      'The statement has both Principal and NotPrincipal; use one',
      'principal-and-notprincipal',
      notPrincipal.keyRange,
    );
  if (!view.kindKnown) return undefined;
  const named = principal ?? notPrincipal;
  if (view.document.kind === 'identity' && named)
    return problem(
      view,
      'An identity policy cannot name a Principal: the principal is whoever the policy is attached to',
      'identity-principal',
      named.keyRange,
    );
  if (view.document.kind !== 'identity' && !named && lacks(view, 'Principal', 'NotPrincipal')) {
    const what = view.document.kind === 'trust' ? 'A trust policy statement' : 'A resource policy statement';
    return problem(view, `${what} must name a Principal`, 'missing-principal');
  }
  return undefined;
}

/** IAM allows only letters and digits in a Sid; resource policies (S3, KMS, SQS, SNS) also accept spaces and more. */
function sidProblem(view: StatementView): PolicyProblem | undefined {
  const sid = view.statement.sid;
  if (!sid || typeof sid.value !== 'string' || /^[A-Za-z0-9]*$/.test(sid.value)) return undefined;
  if (view.document.kind === 'resource' || !view.kindKnown) return undefined;
  return problem(
    view,
    `Sid "${sid.value}" may hold only letters and digits in an IAM policy`,
    `sid:${sid.value}`,
    sid.range,
  );
}

/**
 * Statements AWS rejects for their structure: Effect missing or not exactly Allow/Deny, no Action (or both Action
 * and NotAction), no Resource outside trust policies (or both Resource and NotResource), a Principal in an identity
 * policy or none in a trust or resource policy, a Sid with characters IAM does not allow. Wrong types and unknown
 * keys are reported by the extractor (iam.policy.malformed) and not repeated here.
 */
export const invalidStatement = {
  id: 'iam.policy.invalid-statement',
  title: 'Statement structure rejected by AWS',
  category: 'correctness',
  defaultSeverity: 'high',
  docs: 'Finds statements AWS rejects: Effect missing or other than "Allow"/"Deny", no Action/NotAction, no Resource/NotResource (outside trust policies), both forms of an element, a Principal in an identity policy or none in a trust or resource policy, a Sid with characters IAM does not allow.',
  remediation:
    'Give every statement an Effect of "Allow" or "Deny", an Action (or NotAction), a Resource (or NotResource) except in trust policies, and a Principal exactly where the policy type needs one.',
  evaluate(document) {
    const kindKnown =
      document.source.holderType !== 'aws_iam_policy_document' || (document.source.usedBy?.length ?? 0) > 0;
    // Pushed into one list: most statements have no problem, and spreading five empty lists for each cost more
    // than the checks themselves.
    const problems: PolicyProblem[] = [];
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const view: StatementView = { document, statement, kindKnown };
      // Each rule finds at most one problem per statement.
      const effect = effectProblem(view);
      if (effect) problems.push(effect);
      const action = actionProblem(view);
      if (action) problems.push(action);
      const resource = resourceProblem(view);
      if (resource) problems.push(resource);
      const principal = principalProblem(view);
      if (principal) problems.push(principal);
      const sid = sidProblem(view);
      if (sid) problems.push(sid);
    }
    return problems;
  },
} satisfies PolicyCheck;
