import { type Finding, SEVERITIES, type Severity } from '../../findings/finding.ts';
import { analyzeDocument } from '../../policy/analyze.ts';
import type { IamCatalog } from '../../policy/catalog/iam-catalog.ts';
import type { PolicyCheck } from '../../policy/checks/policy-check.ts';
import type { PolicyDocument } from '../../policy/document.ts';
import type { IamInventory, IamManagedPolicy } from '../../scan/inventory.ts';
import type { RuleHit } from '../rule.ts';
import { fullAdminStatements } from './iam-full-admin.ts';
import { unpinnedOidcTrusts } from './iam-oidc.ts';
import { policyDocumentOf, policyPath } from './iam-policy-documents.ts';
import {
  consolePath,
  customerPrincipals,
  type IamPrincipal,
  isAwsManagedArn,
  managedPoliciesByArn,
  policyNameFromArn,
  principalLabel,
  principalResource,
} from './iam-principals.ts';

/** The full-access check; the `*:*` rule reports literal "Action": "*" on "Resource": "*" itself. */
const FULL_ADMIN_CHECK = 'iam.policy.full-admin';

/**
 * Trust-policy checks the trust rules report with what the checks cannot know (the scanned account): Principal "*"
 * (aws.iam.role-trusts-any-principal) and cross-account trust without an external id
 * (aws.iam.role-cross-account-trust-without-external-id, which does not flag trust in the account itself).
 */
export const TRUST_CHECKS_REPORTED_BY_RULES: ReadonlySet<string> = new Set([
  'iam.trust.public-principal',
  'iam.trust.cross-account-without-external-id',
]);

/**
 * The web-identity check: aws.iam.role-oidc-trust-without-sub reports a missing or any-owner sub, so the check's
 * findings are kept only on roles that rule leaves alone (org-wide subs, missing aud, Cognito).
 */
const WEB_IDENTITY_CHECK = 'iam.trust.web-identity-unscoped';

/**
 * Checks reported for AWS managed policies: escalation and administrator access, the customer's choice to attach.
 * The others flag what AWS managed policies do by design (ReadOnlyAccess reads "*"), which no customer can fix.
 */
export const AWS_MANAGED_POLICY_CHECKS: ReadonlySet<string> = new Set([
  'iam.policy.privilege-escalation',
  'iam.policy.full-admin',
  'iam.policy.permissions-management-star',
]);

/** Below this, a policy finding is not worth a live finding (low, info). */
const MIN_SEVERITY_RANK = SEVERITIES.indexOf('medium');

/** How the policy a finding comes from is held. */
export type PolicyHolding = 'inline' | 'trust' | 'customer-managed' | 'aws-managed';

/** The security findings of one document worth reporting live: security category, medium or worse. */
function reportable(
  document: PolicyDocument,
  catalog: IamCatalog,
  checks: readonly PolicyCheck[],
): Finding[] {
  const findings = analyzeDocument(document, { catalog, checks }).filter(
    (finding) => finding.category === 'security' && SEVERITIES.indexOf(finding.severity) <= MIN_SEVERITY_RANK,
  );
  if (document.kind === 'identity' && fullAdminStatements(document).length > 0)
    return findings.filter((finding) => finding.ruleId !== FULL_ADMIN_CHECK);
  return findings;
}

/** The statement a policy finding names, as the IAM rules write it: `Statement "Sid"` or `Statement[0]`. */
function statementOf(finding: Finding): string | undefined {
  const label = finding.evidence.statement;
  if (typeof label !== 'string') return undefined;
  return /^Statement\[\d+\]$/.test(label) ? label : `Statement "${label}"`;
}

/** The worst severity of some findings. */
function worst(findings: readonly Finding[]): Severity {
  return SEVERITIES[Math.min(...findings.map((finding) => SEVERITIES.indexOf(finding.severity)))] ?? 'medium';
}

/** One policy's findings for one check, merged into one hit. */
interface PolicySource {
  /** The finding resource (the principal, or the customer managed policy). */
  resource: RuleHit['resource'];
  /** How the resource is named in messages: "IAM role deploy", "customer managed policy ci". */
  label: string;
  holding: PolicyHolding;
  policyName: string;
  policyArn?: string;
  /** Where to fix it, for the remediation. */
  fixAt: string;
  /** Extra evidence (principal, group members, attachments). */
  evidence: Record<string, unknown>;
  /** Discriminator prefix telling this policy apart on the resource. */
  key: string;
}

function policyWords(source: PolicySource): string {
  switch (source.holding) {
    case 'inline':
      return `inline policy "${source.policyName}"`;
    case 'trust':
      return 'trust policy';
    case 'aws-managed':
      return `AWS managed policy ${source.policyName}`;
    case 'customer-managed':
      return `customer managed policy ${source.policyName}`;
  }
}

/** Groups a document's findings by check and turns each group into a hit on `source`. */
function hitsFor(
  source: PolicySource,
  findings: readonly Finding[],
  checks: readonly PolicyCheck[],
): RuleHit[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings)
    byCheck.set(finding.ruleId, [...(byCheck.get(finding.ruleId) ?? []), finding]);
  const hits: RuleHit[] = [];
  for (const [checkId, group] of byCheck) {
    const check = checks.find((candidate) => candidate.id === checkId);
    const severity = worst(group);
    const ordered = [...group].sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
    );
    const [first, ...rest] = ordered;
    if (!first) continue;
    const where = (finding: Finding) => {
      const label = statementOf(finding);
      return label ? ` (${label})` : '';
    };
    const more =
      rest.length > 0
        ? `; and ${rest.length} more: ${rest.map((f) => `${f.message}${where(f)}`).join('; ')}`
        : '';
    const subject =
      source.holding === 'customer-managed' ? source.label : `${source.label}, ${policyWords(source)}`;
    hits.push({
      resource: source.resource,
      message: `${subject} (${check?.title ?? checkId}): ${first.message}${where(first)}${more}.`,
      evidence: {
        checkId,
        checkTitle: check?.title ?? checkId,
        policyName: source.policyName,
        policyType: source.holding,
        ...(source.policyArn ? { policyArn: source.policyArn } : {}),
        ...source.evidence,
        problems: ordered.map((finding) => ({
          severity: finding.severity,
          message: finding.message,
          statement: statementOf(finding) ?? null,
          line: finding.location?.line ?? null,
          evidence: finding.evidence,
        })),
      },
      severity,
      remediation: `${source.fixAt}: ${first.remediation}`,
      discriminator: `${checkId}|${source.key}`,
    });
  }
  return hits;
}

/** What the policy-analysis rule keeps between the accounts and scans it evaluates. */
export interface PolicyAnalysisCaches {
  /** AWS managed policy findings by catalogue, then by `ARN@version` (AWS managed versions never change). */
  awsManaged: WeakMap<IamCatalog, Map<string, Finding[]>>;
}

function awsManagedFindings(
  policy: IamManagedPolicy,
  catalog: IamCatalog,
  checks: readonly PolicyCheck[],
  caches: PolicyAnalysisCaches,
): Finding[] {
  let byArn = caches.awsManaged.get(catalog);
  if (!byArn) {
    byArn = new Map();
    caches.awsManaged.set(catalog, byArn);
  }
  const key = policy.defaultVersionId === undefined ? undefined : `${policy.arn}@${policy.defaultVersionId}`;
  const cached = key === undefined ? undefined : byArn.get(key);
  if (cached) return cached;
  const document = policyDocumentOf(
    policy.document,
    'identity',
    policyPath('aws-managed', policy.policyName),
  );
  const findings = document
    ? reportable(document, catalog, checks).filter((finding) => AWS_MANAGED_POLICY_CHECKS.has(finding.ruleId))
    : [];
  if (key !== undefined) byArn.set(key, findings);
  return findings;
}

function principalSource(
  principal: IamPrincipal,
  holding: PolicyHolding,
  policyName: string,
  policyArn?: string,
): PolicySource {
  const fixAt =
    holding === 'trust'
      ? `IAM console > Roles > ${principal.name} > Trust relationships > Edit trust policy`
      : holding === 'aws-managed'
        ? `Detach ${policyName} from ${principal.kind} ${principal.name} (${consolePath(principal)}) and attach a narrower policy`
        : `Edit ${policyName === '' ? 'the policy' : `inline policy "${policyName}"`} of ${principal.kind} ${principal.name} (${consolePath(principal)})`;
  return {
    resource: principalResource(principal),
    label: principalLabel(principal),
    holding,
    policyName,
    ...(policyArn ? { policyArn } : {}),
    fixAt,
    evidence: {
      principalType: principal.kind,
      principal: principal.name,
      ...(principal.members ? { groupMembers: principal.members } : {}),
    },
    key:
      holding === 'inline'
        ? `inline:${policyName}`
        : holding === 'trust'
          ? 'trust'
          : `managed:${policyArn ?? policyName}`,
  };
}

/**
 * Runs every collected IAM policy of an account through the policy checks and maps what they find to live hits:
 * inline policies and trust policies on their principal, customer managed policies (attached ones) on the policy,
 * AWS managed policies (analysed once per version, escalation and admin checks only) on each customer principal
 * they are attached to. Service-linked roles are AWS's and left out. See TRUST_CHECKS_REPORTED_BY_RULES and
 * fullAdminStatements for what the dedicated rules report instead.
 */
export function analyseIamPolicies(
  iam: IamInventory,
  catalog: IamCatalog,
  checks: readonly PolicyCheck[],
  caches: PolicyAnalysisCaches,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const policies = managedPoliciesByArn(iam);
  const principals = customerPrincipals(iam);
  const attachedTo = new Map<string, string[]>();
  for (const principal of principals) {
    for (const inline of principal.inlinePolicies) {
      const path = policyPath(principal.kind, principal.name, 'inline', inline.policyName);
      const document = policyDocumentOf(inline.document, 'identity', path);
      if (!document) continue;
      hits.push(
        ...hitsFor(
          principalSource(principal, 'inline', inline.policyName),
          reportable(document, catalog, checks),
          checks,
        ),
      );
    }
    if (principal.role) {
      const path = policyPath('role', principal.name, 'trust');
      const document = policyDocumentOf(principal.role.assumeRolePolicyDocument, 'trust', path);
      if (document) {
        const oidcReported = unpinnedOidcTrusts(document, catalog).length > 0;
        const findings = reportable(document, catalog, checks).filter(
          (finding) =>
            !TRUST_CHECKS_REPORTED_BY_RULES.has(finding.ruleId) &&
            !(oidcReported && finding.ruleId === WEB_IDENTITY_CHECK),
        );
        hits.push(...hitsFor(principalSource(principal, 'trust', 'trust policy'), findings, checks));
      }
    }
    for (const arn of principal.attachedPolicyArns) {
      attachedTo.set(arn, [...(attachedTo.get(arn) ?? []), `${principal.kind}/${principal.name}`]);
      const policy = policies.get(arn);
      if (!policy || !(policy.awsManaged || isAwsManagedArn(arn))) continue;
      const findings = awsManagedFindings(policy, catalog, checks, caches);
      hits.push(
        ...hitsFor(
          principalSource(principal, 'aws-managed', policy.policyName || policyNameFromArn(arn), arn),
          findings,
          checks,
        ),
      );
    }
  }
  for (const policy of iam.policies ?? []) {
    if (policy.awsManaged || isAwsManagedArn(policy.arn)) continue;
    const attached = attachedTo.get(policy.arn) ?? [];
    if (attached.length === 0 && policy.attachmentCount === 0) continue;
    const document = policyDocumentOf(policy.document, 'identity', policyPath('policy', policy.policyName));
    if (!document) continue;
    const source: PolicySource = {
      resource: { type: 'AWS::IAM::ManagedPolicy', id: policy.policyName, arn: policy.arn },
      label: `customer managed policy ${policy.policyName} (attached to ${attached.length > 0 ? attached.join(', ') : `${policy.attachmentCount} entities`})`,
      holding: 'customer-managed',
      policyName: policy.policyName,
      policyArn: policy.arn,
      fixAt: `Edit customer managed policy ${policy.policyName} (IAM console > Policies > ${policy.policyName} > Edit; \`aws iam create-policy-version --set-as-default\`)`,
      evidence: {
        attachedTo: attached,
        attachmentCount: policy.attachmentCount,
        defaultVersionId: policy.defaultVersionId ?? null,
      },
      key: 'policy',
    };
    hits.push(...hitsFor(source, reportable(document, catalog, checks), checks));
  }
  return hits;
}
