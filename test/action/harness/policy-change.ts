/**
 * A pull request that changes IAM policies, served by the fake GitHub: a role policy gaining `iam:PassRole` on
 * every role (modified: base and head differ), a new policy with 60 bucket statements (every one new access:
 * over a hundred annotations, so they need three Checks API requests), a deleted policy, and 230 changed docs
 * around them so the file list spans three pages. The ignore file suppresses one finding, with a reason.
 */
import type { FakeGithub } from './fake-github.ts';
import { PULL_REQUEST } from './webhook-payloads.ts';

/** The deploy role's policy before the change. */
export const DEPLOY_ROLE_BASE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadArtifacts",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-artifacts/*"
    }
  ]
}
`;

/** After: line 13 grants iam:PassRole and lambda:UpdateFunctionCode on every resource. */
export const DEPLOY_ROLE_HEAD = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadArtifacts",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-artifacts/*"
    },
    {
      "Sid": "Deploy",
      "Effect": "Allow",
      "Action": ["iam:PassRole", "lambda:UpdateFunctionCode"],
      "Resource": "*"
    }
  ]
}
`;

/** The line of the new Deploy statement's actions in the head version. */
export const DEPLOY_ACTION_LINE = 13;

/** A new policy with `count` statements, each reading and writing one bucket's objects. */
export function bucketPolicy(count: number): string {
  const statements = Array.from({ length: count }, (_, index) => ({
    Sid: `Bucket${index}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: `arn:aws:s3:::acme-bucket-${index}/*`,
  }));
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

/** A policy the change deletes. */
export const LEGACY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{ "Sid": "Legacy", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }]
}
`;

/** The ignore file at the head: privilege escalation in the deploy role is accepted, with a reason. */
export const AXIOM_CONFIG = `ignore:
  - check: iam.policy.privilege-escalation
    paths: [iam/deploy-role.json]
    reason: the deploy role is itself only assumable by the release pipeline (SEC-101)
`;

/** Files the pull request changes that are not policies. */
export const DOC_FILES = 230;

/** Puts the pull request's changed files and their contents into the fake. */
export function servePolicyChange(github: FakeGithub, options: { bucketStatements?: number } = {}): void {
  const { headSha, baseSha } = PULL_REQUEST;
  const docs = Array.from({ length: DOC_FILES }, (_, index) => ({
    filename: `docs/page-${String(index).padStart(3, '0')}.md`,
    status: 'modified',
  }));
  // Policy files on every page of the list: pagination must be followed to find them all.
  github.pullFiles.push(
    ...docs.slice(0, 40),
    { filename: 'iam/deploy-role.json', status: 'modified' },
    ...docs.slice(40, 150),
    { filename: 'iam/big-policy.json', status: 'added' },
    ...docs.slice(150),
    { filename: 'iam/legacy.json', status: 'removed' },
  );
  github.contents.set(`${baseSha}:iam/deploy-role.json`, DEPLOY_ROLE_BASE);
  github.contents.set(`${headSha}:iam/deploy-role.json`, DEPLOY_ROLE_HEAD);
  github.contents.set(`${headSha}:iam/big-policy.json`, bucketPolicy(options.bucketStatements ?? 60));
  github.contents.set(`${baseSha}:iam/legacy.json`, LEGACY_POLICY);
  github.contents.set(`${headSha}:.axiom.yml`, AXIOM_CONFIG);
}
