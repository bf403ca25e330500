/**
 * Reading Principal values the way the exposure checks need them: who is "anyone", which AWS account a
 * principal belongs to, and which values stand for the policy's own account.
 */
import type { PrincipalEntry } from '../../document.ts';
import { isStar } from './statement.ts';

/** True for `"Principal": "*"` and `{"AWS": "*"}`: every principal of every account, and anonymous callers. */
export function isPublicPrincipal(entry: PrincipalEntry): boolean {
  if (typeof entry.value !== 'string') return false;
  return (entry.type === '*' || entry.type === 'AWS') && isStar(entry.value);
}

/** True for a service principal such as `lambda.amazonaws.com`. */
export function isServicePrincipal(entry: PrincipalEntry): boolean {
  return entry.type === 'Service';
}

const ACCOUNT_ID = /^\d{12}$/;
/** `arn:aws:iam::111122223333:root`, `...:role/x`, `...:user/x`, `arn:aws:sts::111122223333:assumed-role/...`. */
const PRINCIPAL_ARN = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/;

/**
 * The 12-digit account an AWS principal belongs to, when it is written literally: an account id or an IAM/STS
 * ARN. Undefined for placeholders, `*`, and values that embed a template (`${AWS::AccountId}`), which stand for
 * an account known only at deploy time, usually the policy's own.
 */
export function principalAccount(entry: PrincipalEntry): string | undefined {
  if (entry.type !== 'AWS' || typeof entry.value !== 'string') return undefined;
  const value = entry.value.trim();
  if (value.includes('${')) return undefined;
  if (ACCOUNT_ID.test(value)) return value;
  return PRINCIPAL_ARN.exec(value)?.[1];
}

/** True when the AWS principal names the whole account (`111122223333` or `arn:aws:iam::111122223333:root`). */
export function isAccountRootPrincipal(entry: PrincipalEntry): boolean {
  if (typeof entry.value !== 'string') return false;
  return ACCOUNT_ID.test(entry.value.trim()) || /^arn:[\w-]+:iam::\d{12}:root$/.test(entry.value.trim());
}

/** The text of a principal entry for messages: `AWS: arn:aws:iam::111122223333:root`, or `*`. */
export function describePrincipal(entry: PrincipalEntry): string {
  const value = typeof entry.value === 'string' ? entry.value : entry.value.text;
  return entry.type === '*' ? value : `${entry.type}: ${value}`;
}
