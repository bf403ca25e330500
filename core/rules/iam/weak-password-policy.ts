import type { PasswordPolicy } from '../../scan/inventory.ts';
import type { Rule } from '../rule.ts';
import { accountResource, iamScope } from '../support/iam-scope.ts';

/** CIS AWS Foundations 1.8: the minimum password length. */
export const MIN_PASSWORD_LENGTH = 14;
/** CIS AWS Foundations 1.9: how many previous passwords may not be reused. */
export const MIN_PASSWORD_REUSE_PREVENTION = 24;

/** One setting of the password policy that falls short of CIS. */
interface Shortfall {
  /** The password policy field, as GetAccountPasswordPolicy names it. */
  setting: 'MinimumPasswordLength' | 'PasswordReusePrevention';
  /** Its value, null when not set. */
  actual: number | null;
  /** The least CIS accepts. */
  required: number;
  /** The CIS recommendation. */
  control: string;
}

function shortfalls(policy: PasswordPolicy): Shortfall[] {
  const found: Shortfall[] = [];
  const length = policy.minimumPasswordLength;
  if (length === undefined || length < MIN_PASSWORD_LENGTH)
    found.push({
      setting: 'MinimumPasswordLength',
      actual: length ?? null,
      required: MIN_PASSWORD_LENGTH,
      control: 'CIS 1.8',
    });
  const reuse = policy.passwordReusePrevention;
  if (reuse === undefined || reuse < MIN_PASSWORD_REUSE_PREVENTION)
    found.push({
      setting: 'PasswordReusePrevention',
      actual: reuse ?? null,
      required: MIN_PASSWORD_REUSE_PREVENTION,
      control: 'CIS 1.9',
    });
  return found;
}

function describe(shortfall: Shortfall): string {
  const actual = shortfall.actual === null ? 'not set' : String(shortfall.actual);
  return `${shortfall.setting} is ${actual} (${shortfall.control} requires at least ${shortfall.required})`;
}

/**
 * The account password policy for IAM users falls short of CIS AWS Foundations 1.8 (minimum length 14) or 1.9
 * (reuse prevention 24), or there is none. Composition rules (symbols, numbers, cases) and expiry are not
 * judged: CIS dropped them in v1.4 following NIST SP 800-63B, which finds they make passwords weaker in practice.
 */
export const weakPasswordPolicy = {
  id: 'aws.iam.weak-password-policy',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: 'Weak IAM password policy',
  rationale:
    'Short passwords fall to guessing and cracking, and reused ones to credential stuffing from other breaches. ' +
    'CIS AWS Foundations 1.8 and 1.9 (Security Hub IAM.15 and IAM.16) require a minimum length of 14 and ' +
    'preventing reuse of the last 24 passwords.',
  remediation:
    'Set the account password policy (IAM console > Account settings > Password policy > Edit, or ' +
    '`aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24`, ' +
    'adding the options you keep today, because the call replaces the whole policy).',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountPasswordPolicy' }],
  evaluate(scope) {
    const iam = iamScope(scope);
    const policy = iam?.iam.passwordPolicy;
    if (!iam || policy === undefined) return [];
    if (policy === null) {
      return [
        {
          resource: accountResource(iam.account),
          message:
            `Account ${iam.account.accountId} has no IAM password policy, so IAM's default applies: a minimum ` +
            `length of 8 (CIS 1.8 requires ${MIN_PASSWORD_LENGTH}) and no reuse prevention (CIS 1.9 requires ` +
            `${MIN_PASSWORD_REUSE_PREVENTION}).`,
          evidence: {
            passwordPolicy: null,
            shortfalls: [
              {
                setting: 'MinimumPasswordLength',
                actual: null,
                required: MIN_PASSWORD_LENGTH,
                control: 'CIS 1.8',
              },
              {
                setting: 'PasswordReusePrevention',
                actual: null,
                required: MIN_PASSWORD_REUSE_PREVENTION,
                control: 'CIS 1.9',
              },
            ],
          },
        },
      ];
    }
    const found = shortfalls(policy);
    if (found.length === 0) return [];
    return [
      {
        resource: accountResource(iam.account),
        message: `Account ${iam.account.accountId}'s IAM password policy falls short: ${found.map(describe).join('; ')}.`,
        evidence: { passwordPolicy: policy, shortfalls: found },
      },
    ];
  },
} satisfies Rule;
