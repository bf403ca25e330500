import type { IamCatalog } from '../../policy/catalog/iam-catalog.ts';
import {
  conditionKeyName,
  describeCondition,
  isNarrowingEntry,
  parseOperator,
} from '../../policy/checks/support/statement.ts';
import type {
  ConditionEntry,
  PolicyDocument,
  PolicyStatement,
  PrincipalEntry,
} from '../../policy/document.ts';
import { statementLabel } from './iam-policy-documents.ts';
import { statementsGranting } from './iam-trust.ts';

/** GitHub Actions' OIDC issuer host. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/**
 * The issuer an OIDC provider principal names: `arn:aws:iam::111122223333:oidc-provider/<issuer>` -> `<issuer>`
 * (a host, with a path for EKS and GitHub Enterprise). Undefined for other Federated principals (SAML providers,
 * Cognito, Login with Amazon), which do not use the `<issuer>:sub` key.
 */
export function oidcIssuer(entry: PrincipalEntry): string | undefined {
  if (entry.type !== 'Federated' || typeof entry.value !== 'string') return undefined;
  const match = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(entry.value.trim());
  return match ? match[1]!.toLowerCase() : undefined;
}

/** True for GitHub Actions' issuer (GitHub Enterprise Cloud issuers add a path: `<host>/<enterprise>`). */
export function isGithubIssuer(issuer: string): boolean {
  return issuer === GITHUB_OIDC_HOST || issuer.startsWith(`${GITHUB_OIDC_HOST}/`);
}

/**
 * Positive string conditions on `<issuer>:<claim>`: StringEquals, StringEqualsIgnoreCase or StringLike, with or
 * without ForAnyValue (a token's sub is one value), never IfExists or ForAllValues (both let a token without the
 * claim through).
 */
export function claimConditions(statement: PolicyStatement, issuer: string, claim: string): ConditionEntry[] {
  const key = `${issuer}:${claim}`;
  return (statement.condition?.entries ?? []).filter((entry) => {
    const operator = parseOperator(entry);
    if (!operator || operator.ifExists || operator.set === 'forallvalues') return false;
    if (!['stringequals', 'stringequalsignorecase', 'stringlike'].includes(operator.base)) return false;
    return conditionKeyName(entry) === key;
  });
}

/**
 * A GitHub sub value that any GitHub account can satisfy: under StringLike, a wildcard at the start or inside the
 * owner part (`*`, `repo:*`, or `repo:my*` followed by the repository), since anyone can create an owner and repository that match.
 */
function githubSubMatchesAnyOwner(value: string, like: boolean): boolean {
  if (!like) return false;
  const wildcard = value.search(/[*?]/);
  if (wildcard === -1) return false;
  if (!value.startsWith('repo:')) return wildcard === 0;
  const slash = value.indexOf('/');
  return slash === -1 || wildcard < slash;
}

/** What a statement's sub conditions pin, for the OIDC trust rule. */
export interface SubPinning {
  /** True when some sub condition limits the callers (for GitHub: to at least one owner). */
  pinned: boolean;
  /** The sub conditions found, as written. */
  subConditions: string[];
  /** Sub values that any GitHub owner can match (they do not pin). */
  anyOwnerValues: string[];
}

/** Whether the statement's `<issuer>:sub` conditions pin who may assume the role. */
export function subPinning(statement: PolicyStatement, issuer: string): SubPinning {
  const entries = claimConditions(statement, issuer, 'sub');
  const github = isGithubIssuer(issuer);
  const anyOwnerValues: string[] = [];
  let pinned = false;
  for (const entry of entries) {
    if (!isNarrowingEntry(entry)) continue;
    if (!github) {
      pinned = true;
      continue;
    }
    const like = parseOperator(entry)?.base === 'stringlike';
    const values = entry.values.map((value) => value.value);
    const open = values.filter(
      (value): value is string => typeof value === 'string' && githubSubMatchesAnyOwner(value, like),
    );
    anyOwnerValues.push(...open);
    // One value matching any owner opens the condition (values of one key are ORed).
    if (open.length === 0) pinned = true;
  }
  return { pinned, subConditions: entries.map(describeCondition), anyOwnerValues };
}

/** One web-identity trust statement and provider without a sub condition that pins the subject. */
export interface UnpinnedOidcTrust {
  /** `Statement "Sid"` or `Statement[0]`. */
  statement: string;
  /** The Federated principal as written (the provider ARN). */
  provider: string;
  /** The OIDC issuer (host and path), lowercase. */
  issuer: string;
  /** True for GitHub Actions. */
  github: boolean;
  /** The `<issuer>:sub` conditions present (none, or only ones any GitHub owner matches). */
  subConditions: string[];
  /** GitHub sub values whose owner part is a wildcard. */
  anyOwnerValues: string[];
  /** Every condition of the statement, as written (e.g. the aud check). */
  conditions: string[];
}

/**
 * The statements of a trust policy that let an OIDC provider's tokens assume the role
 * (sts:AssumeRoleWithWebIdentity from an `oidc-provider/` principal) with no `<issuer>:sub` condition that pins the
 * subject, one entry per provider.
 */
export function unpinnedOidcTrusts(document: PolicyDocument, catalog: IamCatalog): UnpinnedOidcTrust[] {
  const unpinned: UnpinnedOidcTrust[] = [];
  for (const statement of statementsGranting(document, catalog, 'sts:AssumeRoleWithWebIdentity')) {
    for (const entry of statement.principal?.entries ?? []) {
      const issuer = oidcIssuer(entry);
      if (!issuer) continue;
      const pinning = subPinning(statement, issuer);
      if (pinning.pinned) continue;
      unpinned.push({
        statement: statementLabel(statement),
        provider: entry.value as string,
        issuer,
        github: isGithubIssuer(issuer),
        subConditions: pinning.subConditions,
        anyOwnerValues: pinning.anyOwnerValues,
        conditions: (statement.condition?.entries ?? []).map(describeCondition),
      });
    }
  }
  return unpinned;
}
