import type { Severity } from '../../findings/finding.ts';
import type { ConditionEntry, Located, PolicyStatement, PrincipalEntry, SourceRange } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import {
  allowStatements,
  conditionKeyName,
  describeCondition,
  isNarrowingEntry,
  literalValues,
  parseOperator,
  scalarText,
} from './support/statement.ts';

const GITHUB = 'token.actions.githubusercontent.com';
const COGNITO = 'cognito-identity.amazonaws.com';
/** Claims besides `aud` that tie a token to your users or application (Facebook and Amazon use `app_id`). */
const IDENTIFYING_CLAIMS = ['sub', 'app_id', 'oaud', 'azp', 'user_id'];
/** The audience every AWS SDK web-identity exchange uses: it names AWS, not your application. */
const AWS_AUDIENCE = 'sts.amazonaws.com';

/** The identity provider a Federated principal names: its host, from an OIDC provider ARN or the value itself. */
function providerOf(entry: PrincipalEntry, statement: PolicyStatement): string | undefined {
  const text = scalarText(entry.value).toLowerCase();
  const arn = /oidc-provider\/([^\s"'}$]+)/.exec(text);
  if (arn) return arn[1]!.replace(/[/"]+$/, '');
  if (typeof entry.value === 'string' && !text.startsWith('arn:')) return text;
  if (text.includes(GITHUB)) return GITHUB;
  // A provider ARN computed at deploy time: the condition keys name its host (`<host>:sub`).
  const hosts = new Set<string>();
  const conditions = statement.condition?.entries ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i]!;
    const name = conditionKeyName(condition);
    const claim = name && /^(.+):(aud|sub|amr|oaud|azp)$/.exec(name);
    if (claim) hosts.add(claim[1]!);
  }
  return hosts.size === 1 ? [...hosts][0] : undefined;
}

/**
 * Positive string conditions on claim `claim` of `host` (`<host>:sub`, or `<host>/<path>:sub` for GitHub
 * Enterprise). A key computed at deploy time (`${local.oidc}:sub`) counts when it ends in the claim: its host is
 * unknown, and the principal it goes with is the best guess.
 */
function claimConditions(
  statement: PolicyStatement,
  host: string | undefined,
  claim: string,
): ConditionEntry[] {
  return (statement.condition?.entries ?? []).filter((entry) => {
    const operator = parseOperator(entry);
    if (!operator || operator.ifExists || operator.set === 'forallvalues') return false;
    if (!['stringequals', 'stringlike', 'stringequalsignorecase'].includes(operator.base)) return false;
    const name = conditionKeyName(entry);
    if (name === undefined || host === undefined)
      return scalarText(entry.key.value).toLowerCase().endsWith(`:${claim}`);
    return name === `${host}:${claim}` || (name.startsWith(`${host}/`) && name.endsWith(`:${claim}`));
  });
}

/** True when the subject conditions look like GitHub's (`repo:owner/name:...`): the provider is GitHub. */
function looksLikeGitHub(statement: PolicyStatement): boolean {
  return claimConditions(statement, undefined, 'sub').some((entry) =>
    entry.values.some((value) => typeof value.value === 'string' && value.value.startsWith('repo:')),
  );
}

type Breadth = 'anyone' | 'organisation';

/**
 * How far a GitHub `sub` pattern reaches: 'anyone' when the owner part is a wildcard (any GitHub user can create a
 * matching repository), 'organisation' for every repository of one owner (`repo:my-org/*`), undefined when it
 * names one repository. Only StringLike expands wildcards.
 */
function githubSubBreadth(value: string, like: boolean): Breadth | undefined {
  const wildcard = value.search(/[*?]/);
  if (!like || wildcard === -1) return undefined;
  if (!value.startsWith('repo:')) return wildcard === 0 ? 'anyone' : undefined;
  const slash = value.indexOf('/');
  if (slash === -1 || wildcard < slash) return 'anyone';
  return wildcard === slash + 1 ? 'organisation' : undefined;
}

/** The broadest value of the sub conditions, with where it is written. */
function broadestSub(
  entries: readonly ConditionEntry[],
): { breadth: Breadth; value: Located<string> } | undefined {
  let found: { breadth: Breadth; value: Located<string> } | undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const like = parseOperator(entry)?.base === 'stringlike';
    const values = entry.values;
    for (let j = 0; j < values.length; j++) {
      const value = values[j]!;
      if (typeof value.value !== 'string') continue;
      const breadth = githubSubBreadth(value.value, like);
      if (breadth && (!found || (breadth === 'anyone' && found.breadth !== 'anyone')))
        found = { breadth, value: value as Located<string> };
    }
  }
  return found;
}

/** True when an audience condition names something other than AWS itself (your app's client id, identity pool). */
function identifyingAudience(entries: readonly ConditionEntry[]): boolean {
  return entries.some(
    (entry) =>
      isNarrowingEntry(entry) &&
      entry.values.some(
        (value) => typeof value.value !== 'string' || value.value.toLowerCase() !== AWS_AUDIENCE,
      ),
  );
}

interface Issue {
  message: string;
  severity: Severity;
  range: SourceRange;
  anchor: string;
}

function githubIssue(entry: PrincipalEntry, statement: PolicyStatement, known: boolean): Issue | undefined {
  const host = GITHUB;
  const subs = claimConditions(statement, known ? host : undefined, 'sub');
  const auds = claimConditions(statement, known ? host : undefined, 'aud').filter(isNarrowingEntry);
  const noAud = auds.length === 0 ? `; there is no ${host}:aud condition either` : '';
  if (subs.length === 0) {
    return {
      message: `GitHub Actions OIDC trust without a ${host}:sub condition: a workflow in any repository of any GitHub account can assume this role${noAud}`,
      severity: 'critical',
      range: entry.range,
      anchor: 'github:no-sub',
    };
  }
  const broad = broadestSub(subs);
  if (broad?.breadth === 'anyone') {
    return {
      message: `GitHub Actions OIDC trust with sub "${broad.value.value}": the owner part is a wildcard, so a workflow in a repository of any GitHub account can assume this role${noAud}`,
      severity: 'critical',
      range: broad.value.range,
      anchor: `github:sub:${broad.value.value}`,
    };
  }
  if (broad?.breadth === 'organisation') {
    return {
      message: `GitHub Actions OIDC trust with sub "${broad.value.value}": any workflow, on any branch, of every repository of this owner can assume this role${noAud}`,
      severity: 'high',
      range: broad.value.range,
      anchor: `github:sub:${broad.value.value}`,
    };
  }
  if (auds.length === 0) {
    return {
      message: `GitHub Actions OIDC trust without a ${host}:aud condition (StringEquals "${AWS_AUDIENCE}"): a token your workflows mint for another service could be replayed to assume this role`,
      severity: 'medium',
      range: entry.range,
      anchor: 'github:no-aud',
    };
  }
  return undefined;
}

function webIdentityIssue(
  entry: PrincipalEntry,
  statement: PolicyStatement,
  host: string | undefined,
): Issue | undefined {
  if (host === undefined) {
    const anyClaim = (statement.condition?.entries ?? []).some((condition) =>
      /:(aud|sub|oaud)$/i.test(scalarText(condition.key.value)),
    );
    if (anyClaim) return undefined;
    return {
      message: `web-identity trust in ${scalarText(entry.value)} with no audience or subject condition: every identity the provider issues tokens for can assume this role`,
      severity: 'high',
      range: entry.range,
      anchor: 'web-identity:unknown',
    };
  }
  const aud = identifyingAudience(claimConditions(statement, host, 'aud'));
  if (host === COGNITO) {
    if (aud) return undefined;
    return {
      message: `Cognito trust without a ${COGNITO}:aud condition naming your identity pool: an identity pool in any AWS account can hand out this role`,
      severity: 'high',
      range: entry.range,
      anchor: 'cognito:no-aud',
    };
  }
  const identifying = IDENTIFYING_CLAIMS.some((claim) =>
    claimConditions(statement, host, claim).some(isNarrowingEntry),
  );
  if (aud || identifying) return undefined;
  return {
    message: `web-identity trust in ${host} with no ${host}:sub condition${host.startsWith('oidc.eks.') ? ' (its aud is sts.amazonaws.com for every service account)' : ' and no audience naming your application'}: every identity the provider issues tokens for can assume this role`,
    severity: 'high',
    range: entry.range,
    anchor: `web-identity:${host}`,
  };
}

/**
 * Web-identity (OIDC) trust that does not pin who may assume the role. GitHub Actions (the provider AWS cannot
 * scope for you: it issues tokens to every repository on github.com): critical without a `sub` condition or with a
 * sub whose owner part is a wildcard (`*`, `repo:*`), high for every repository of one owner (`repo:my-org/*`),
 * medium without an `aud` condition. Cognito: high without an `aud` naming the identity pool. Other providers (EKS,
 * GitLab, Google, ...): high without a `sub`, or an `aud` naming something other than sts.amazonaws.com (which
 * every token of an EKS cluster carries). SAML trusts your own IdP and is not judged.
 */
export const trustWebIdentityUnscoped = {
  id: 'iam.trust.web-identity-unscoped',
  title: 'Web-identity trust not limited to your identities',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'An OIDC trust (GitHub Actions, Cognito, EKS, ...) without the sub or aud conditions that tie it to your repository, identity pool or service account lets identities of other users of the same provider assume the role.',
  remediation:
    'Pin the subject and audience, e.g. for GitHub: "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}; for Cognito, "cognito-identity.amazonaws.com:aud": "<identity pool id>"; for EKS, "<issuer>:sub": "system:serviceaccount:<namespace>:<name>".',
  appliesTo: ['trust'],
  evaluate(document, { catalog }) {
    const webIdentity = catalog.action('sts:AssumeRoleWithWebIdentity');
    if (!webIdentity) return [];
    const problems: PolicyProblem[] = [];
    const statements = allowStatements(document);
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const actions = literalValues(statement.action);
      if (!actions.some((pattern) => catalog.actionPatternMatches(pattern, webIdentity))) continue;
      const entries = statement.principal?.entries ?? [];
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j]!;
        if (entry.type !== 'Federated') continue;
        if (/saml-provider\//i.test(scalarText(entry.value))) continue;
        const host = providerOf(entry, statement);
        const github = host === GITHUB || host?.startsWith(`${GITHUB}/`) === true;
        const issue =
          github || (host === undefined && looksLikeGitHub(statement))
            ? githubIssue(entry, statement, github)
            : webIdentityIssue(entry, statement, host);
        if (!issue) continue;
        problems.push({
          message: issue.message,
          range: issue.range,
          statement,
          severity: issue.severity,
          evidence: {
            principal: scalarText(entry.value),
            provider: host ?? 'unknown',
            conditions: (statement.condition?.entries ?? []).map(describeCondition),
          },
          anchor: issue.anchor,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
