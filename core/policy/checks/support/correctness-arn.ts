/**
 * Shape checks for ARNs as policies write them: `arn:partition:service:region:account:resource`, where any part
 * may hold wildcards or policy variables (`${aws:username}`), which are never judged. Only what is certainly
 * wrong is reported: the service and most resource formats vary too much to check by shape.
 */

/** The AWS partitions (commercial, China, GovCloud, the isolated regions, European Sovereign Cloud). */
export const PARTITIONS: readonly string[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

/** A region code: `us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `us-isob-east-1`, `eusc-de-east-1`. */
const REGION = /^[a-z]{2,5}(-[a-z]+){1,3}-\d{1,2}$/;

/** A wildcard or policy variable: the part cannot be judged. */
const VARIABLE_PART = /[*?]|\$\{/;

/** Account fields that are not 12 digits but are real: AWS-owned resources and CloudFront's legacy OAI user. */
const NAMED_ACCOUNTS = new Set(['aws', 'cloudfront']);

/** An IAM unique id (AIDA..., AROA...): AWS shows one in a policy whose principal was deleted. */
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;

function partitionProblem(partition: string): string | undefined {
  if (VARIABLE_PART.test(partition) || PARTITIONS.includes(partition)) return undefined;
  return `"${partition}" is not an AWS partition (${PARTITIONS.slice(0, 3).join(', ')}...)`;
}

function regionProblem(region: string): string | undefined {
  if (region === '' || VARIABLE_PART.test(region) || REGION.test(region)) return undefined;
  return `"${region}" is not a region code such as us-east-1`;
}

function accountProblem(account: string): string | undefined {
  if (
    account === '' ||
    VARIABLE_PART.test(account) ||
    /^\d{12}$/.test(account) ||
    NAMED_ACCOUNTS.has(account)
  )
    return undefined;
  return `the account "${account}" is not a 12-digit account ID`;
}

/** The value with each policy variable replaced by '*', which no check judges either. */
function maskVariables(value: string): string {
  return value.replace(/\$\{[^}]*\}/g, '*');
}

/**
 * The six parts of an ARN, the last holding any further colons, or undefined with fewer than six. Policy variables
 * may hold colons (`${aws:username}`), so each is read as a wildcard first: never judged, never a separator.
 */
function splitArn(value: string): string[] | undefined {
  const parts = maskVariables(value).split(':');
  if (parts.length < 6) return undefined;
  return parts.slice(0, 5).concat(parts.slice(5).join(':'));
}

/** Resource values repeat across statements and policies; each distinct one is judged once. */
const resourceVerdicts = new Map<string, string | undefined>();

/** Why a Resource or NotResource value is not a valid ARN, or undefined when it is (or may be). */
export function resourceArnProblem(value: string): string | undefined {
  if (resourceVerdicts.has(value)) return resourceVerdicts.get(value);
  const verdict = judgeResource(value);
  if (resourceVerdicts.size >= 20_000) resourceVerdicts.clear();
  resourceVerdicts.set(value, verdict);
  return verdict;
}

function judgeResource(value: string): string | undefined {
  if (/^\*+$/.test(value)) return undefined;
  if (!value.startsWith('arn:')) {
    if (/^\$\{[^}]*\}/.test(value)) return undefined;
    return 'a Resource is "*" or an ARN starting with "arn:"';
  }
  const parts = splitArn(value);
  if (!parts) {
    const colons = maskVariables(value).split(':').length - 1;
    // 'arn:aws:s3:*' is not a full ARN, but its trailing wildcard may be read as covering the rest.
    if (/:\*+$/.test(value)) return undefined;
    return `an ARN has six parts, arn:partition:service:region:account:resource; this one has ${colons + 1}`;
  }
  const partition = parts[1]!;
  const service = parts[2]!;
  const region = parts[3]!;
  const account = parts[4]!;
  const resource = parts[5]!;
  if (service === '') return 'the service part of the ARN is empty';
  if (!VARIABLE_PART.test(service) && !/^[a-z0-9][a-z0-9-]*$/.test(service))
    return `"${service}" is not a service name (lowercase letters, digits and hyphens)`;
  if (resource === '') return 'the resource part of the ARN is empty';
  return partitionProblem(partition) ?? regionProblem(region) ?? accountProblem(account);
}

/** Why an AWS principal (`Principal: {"AWS": ...}`) is not valid, or undefined when it is. */
export function principalArnProblem(value: string): string | undefined {
  if (value === '*' || /^\d{12}$/.test(value) || UNIQUE_ID.test(value)) return undefined;
  if (!value.startsWith('arn:'))
    return 'an AWS principal is "*", a 12-digit account ID or an IAM ARN such as arn:aws:iam::111122223333:root';
  if (/[*?]/.test(value))
    return 'a principal ARN cannot hold wildcards; use "*" with a condition on aws:PrincipalArn instead';
  const parts = splitArn(value);
  if (!parts) return 'an ARN has six parts, arn:partition:service:region:account:resource';
  const partition = parts[1]!;
  const service = parts[2]!;
  const region = parts[3]!;
  const account = parts[4]!;
  const resource = parts[5]!;
  if (service !== 'iam' && service !== 'sts')
    return `a principal ARN names an IAM or STS identity, not "${service}"`;
  if (region !== '') return 'IAM and STS ARNs have no region';
  if (resource === '') return 'the ARN names no user, role or root';
  return (
    partitionProblem(partition) ??
    accountProblem(account) ??
    (account === '' ? 'the ARN has no account ID' : undefined)
  );
}
