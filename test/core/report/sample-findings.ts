/**
 * One shared set of findings for the renderer tests: a live finding, policy findings, suppressed findings (from
 * the ignore file and from an inline comment), cost findings with savings, and one whose every text is hostile.
 */
import type { Finding } from '../../../core/findings/finding.ts';
import { fingerprintFinding } from '../../../core/findings/fingerprint.ts';
import type { ReportContext } from '../../../core/report/context.ts';

/** A critical policy finding with a file position. */
export const passRoleStar: Finding = {
  ruleId: 'iam.policy.passrole-star',
  title: "Statement 'Deploy' allows iam:PassRole on every role",
  severity: 'critical',
  category: 'security',
  message:
    'iam:PassRole is allowed on Resource "*", so the holder can hand any role, admin included, to a service.',
  remediation:
    'Limit Resource to the ARNs of the roles the deployment passes, and add an iam:PassedToService condition.',
  evidence: { action: 'iam:PassRole', resource: '*' },
  fingerprint: fingerprintFinding({
    ruleId: 'iam.policy.passrole-star',
    file: 'infra/iam/deploy.json',
    anchor: '["","sid","Deploy"]',
    element: 'Resource=*',
  }),
  location: { file: 'infra/iam/deploy.json', line: 12, column: 7, endLine: 18, endColumn: 8 },
};

/** A high live finding on a resource with an ARN. */
export const publicBucket: Finding = {
  ruleId: 'aws.s3.bucket-public-acl',
  title: 'Bucket logs-prod grants public read',
  severity: 'high',
  category: 'security',
  message: 'The bucket ACL grants READ to the AllUsers group.',
  remediation: 'Remove the AllUsers grant and turn on S3 Block Public Access for the bucket.',
  evidence: { grantee: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
  fingerprint: fingerprintFinding({
    ruleId: 'aws.s3.bucket-public-acl',
    resource: { accountId: '111122223333', region: 'eu-west-1', type: 'AWS::S3::Bucket', id: 'logs-prod' },
  }),
  resource: {
    accountId: '111122223333',
    region: 'eu-west-1',
    type: 'AWS::S3::Bucket',
    id: 'logs-prod',
    arn: 'arn:aws:s3:::logs-prod',
  },
};

/** A medium cost finding on a resource without an ARN. */
export const idleVolume: Finding = {
  ruleId: 'aws.ec2.unattached-volume',
  title: 'Volume vol-0abc is not attached',
  severity: 'medium',
  category: 'cost',
  message: 'The 500 GiB gp2 volume vol-0abc has been unattached since 2026-08-01.',
  remediation: 'Snapshot the volume if its data is needed, then delete it.',
  evidence: { sizeGiB: 500, volumeType: 'gp2' },
  fingerprint: fingerprintFinding({
    ruleId: 'aws.ec2.unattached-volume',
    resource: { accountId: '111122223333', region: 'us-east-1', type: 'AWS::EC2::Volume', id: 'vol-0abc' },
  }),
  resource: { accountId: '111122223333', region: 'us-east-1', type: 'AWS::EC2::Volume', id: 'vol-0abc' },
  estimatedMonthlySavingsUsd: 50,
};

/** A low cost finding with savings. */
export const idleDatabase: Finding = {
  ruleId: 'aws.rds.idle-instance',
  title: 'Database reports-db had no connections for 30 days',
  severity: 'low',
  category: 'cost',
  message: 'DatabaseConnections was 0 for 30 days on db.r6g.large reports-db.',
  remediation: 'Stop or delete the instance after taking a final snapshot.',
  evidence: { instanceClass: 'db.r6g.large', days: 30 },
  fingerprint: fingerprintFinding({
    ruleId: 'aws.rds.idle-instance',
    resource: {
      accountId: '111122223333',
      region: 'us-east-1',
      type: 'AWS::RDS::DBInstance',
      id: 'reports-db',
    },
  }),
  resource: {
    accountId: '111122223333',
    region: 'us-east-1',
    type: 'AWS::RDS::DBInstance',
    id: 'reports-db',
    arn: 'arn:aws:rds:us-east-1:111122223333:db:reports-db',
  },
  estimatedMonthlySavingsUsd: 1234.56,
};

/** A high policy finding suppressed by the ignore file, with an expiry. */
export const suppressedByFile: Finding = {
  ruleId: 'iam.policy.resource-star',
  title: "Statement 'Legacy' allows s3:* on every resource",
  severity: 'high',
  category: 'security',
  message: 's3:* is allowed on Resource "*".',
  remediation: 'Name the buckets the role needs.',
  evidence: { action: 's3:*', resource: '*' },
  fingerprint: fingerprintFinding({
    ruleId: 'iam.policy.resource-star',
    file: 'infra/legacy/role.json',
    anchor: '["","sid","Legacy"]',
  }),
  location: { file: 'infra/legacy/role.json', line: 4, column: 5, endLine: 9, endColumn: 6 },
  suppressed: { reason: 'legacy stack, tracked in JIRA-123', until: '2027-01-31', source: 'ignore-file' },
};

/** A medium policy finding suppressed by an inline comment, with a cost saving that must not be summed. */
export const suppressedInline: Finding = {
  ruleId: 'iam.policy.missing-condition',
  title: "Trust policy of role 'ci' has no condition",
  severity: 'medium',
  category: 'security',
  message:
    'sts:AssumeRoleWithWebIdentity is allowed without a token.actions.githubusercontent.com:sub condition.',
  remediation: 'Add a StringLike condition on the sub claim naming the repository.',
  evidence: {},
  fingerprint: fingerprintFinding({
    ruleId: 'iam.policy.missing-condition',
    file: 'infra/ci.tf',
    anchor: 'ci',
  }),
  location: { file: 'infra/ci.tf', line: 30, column: 3, endLine: 44, endColumn: 4 },
  estimatedMonthlySavingsUsd: 999,
  suppressed: { reason: 'sandbox account only', source: 'inline-comment' },
};

/** An info finding whose every text is hostile: Markdown, HTML, pipes, a mention, control characters. */
export const hostile: Finding = {
  ruleId: 'iam.policy.unknown-action',
  title: 'Action `s3:GetObjct` is <b>unknown</b> | typo?',
  severity: 'info',
  category: 'correctness',
  message:
    'See [click](javascript:alert(1)) <script>alert(1)</script> @acme/admins *bold* _it_\nsecond line\u001b[31m',
  remediation: 'Did you mean s3:GetObject? | fix it',
  evidence: { action: 's3:GetObjct' },
  fingerprint: fingerprintFinding({
    ruleId: 'iam.policy.unknown-action',
    file: 'policies/we|ird <name>.json',
    anchor: 'x',
  }),
  location: { file: 'policies/we|ird <name>.json', line: 3, column: 15, endLine: 3, endColumn: 28 },
};

/** Every sample, in no particular order. */
export const SAMPLE_FINDINGS: readonly Finding[] = [
  idleDatabase,
  hostile,
  suppressedInline,
  publicBucket,
  idleVolume,
  suppressedByFile,
  passRoleStar,
];

/** A context with everything set. */
export const SAMPLE_CONTEXT: ReportContext = {
  tool: { name: 'Axiom', version: '0.1.0', informationUri: 'https://github.com/acme/axiom' },
  targets: [
    {
      description: 'AWS account 111122223333 (prod)',
      accountId: '111122223333',
      regions: ['eu-west-1', 'us-east-1'],
    },
  ],
  startedAt: '2026-11-25T10:00:00.000Z',
  finishedAt: '2026-11-25T10:01:30.000Z',
  coverage: [
    {
      account: '111122223333',
      region: 'eu-west-1',
      service: 's3',
      operation: 'GetBucketPolicy',
      status: 'denied',
      detail: 'AccessDenied: explicit deny in a service control policy',
    },
    {
      service: 'ce',
      operation: 'GetCostAndUsage',
      status: 'skipped',
      detail: 'Cost Explorer is not enabled',
    },
  ],
  stats: { durationMs: 90_000, apiCalls: 345, resources: 1234 },
  rules: {
    'aws.s3.bucket-public-acl': {
      title: 'S3 bucket ACL grants public access',
      description: 'A bucket ACL that grants AllUsers or AuthenticatedUsers exposes objects to the internet.',
      remediation: 'Remove public grants and enable Block Public Access.',
      helpUri: 'https://github.com/acme/axiom/blob/main/docs/rules/aws.s3.bucket-public-acl.md',
    },
  },
};

/** `count` distinct findings of every severity, for size limits. */
export function manyFindings(count: number): Finding[] {
  const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
  return Array.from({ length: count }, (_, index): Finding => {
    const severity = severities[index % severities.length]!;
    const file = `modules/service-${index}/iam.tf`;
    return {
      ruleId: `iam.policy.sample-${index % 7}`,
      title: `Statement ${index} grants more than it needs`,
      severity,
      category: 'security',
      message: `Finding number ${index} with enough text to matter: ${'x'.repeat(80)} and a | pipe and <tag>.`,
      remediation: `Narrow statement ${index}.`,
      evidence: { index },
      fingerprint: fingerprintFinding({
        ruleId: `iam.policy.sample-${index % 7}`,
        file,
        anchor: String(index),
      }),
      location: { file, line: 10 + index, column: 3, endLine: 12 + index, endColumn: 4 },
    };
  });
}
