import { compileGlob } from '../policy/catalog/glob.ts';

/**
 * What a read-only posture role must never be able to do beyond its catalogue: data-plane reads (object
 * contents, log events, secrets, parameters, decrypts, table rows, query results). Access levels alone do not
 * catch these, because AWS classes most of them as Read. Patterns use IAM wildcard semantics (`*`, `?`),
 * case-insensitively.
 */
export const DATA_PLANE_READ_PATTERNS: readonly string[] = [
  's3:GetObject*',
  's3:ListMultipartUploadParts',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:StartQuery',
  'logs:GetQueryResults',
  'logs:StartLiveTail',
  'logs:GetLogRecord',
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter*',
  'ssm:GetDocument',
  'kms:Decrypt',
  'kms:GenerateDataKey*',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:GetRecords',
  'dynamodb:PartiQLSelect',
  'rds-data:*',
  'rds-db:connect',
  'athena:GetQueryResults',
  'athena:GetQueryResultsStream',
  'glacier:GetJobOutput',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'lambda:GetFunction',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'codecommit:GetFile',
  'codecommit:GetBlob',
  'ec2:GetPasswordData',
  'ec2:GetConsoleOutput',
  'ec2:GetConsoleScreenshot',
  'cloudtrail:LookupEvents',
];

/** AWS managed policies whose attachment halts onboarding: they grant writes or data reads. */
export const OVER_PRIVILEGED_MANAGED_POLICIES: Readonly<Record<string, string>> = {
  AdministratorAccess: 'grants every action on every resource',
  PowerUserAccess: 'grants every action except IAM and Organizations management',
  ReadOnlyAccess:
    'reads customer data: S3 objects, DynamoDB items, log events and more (Axiom needs only the actions in its own policy)',
  IAMFullAccess: 'can create users, roles and policies',
  AmazonS3FullAccess: 'can read, write and delete every S3 object',
  AmazonS3ReadOnlyAccess: 'reads every S3 object',
  AmazonEC2FullAccess: 'can launch, modify and terminate instances',
  AmazonRDSFullAccess: 'can modify and delete databases',
  AmazonDynamoDBReadOnlyAccess: 'reads every DynamoDB item',
  SecretsManagerReadWrite: 'reads and writes every secret',
};

/** Compiles an IAM wildcard pattern (`*`, `?`) into a case-insensitive matcher, with the catalogue's glob. */
export function iamPatternMatcher(pattern: string): (action: string) => boolean {
  const matches = compileGlob(pattern.toLowerCase());
  return (action) => matches(action.toLowerCase());
}

const dataPlaneMatchers = DATA_PLANE_READ_PATTERNS.map((pattern) => ({
  pattern,
  matches: iamPatternMatcher(pattern),
}));

/** The data-plane pattern that `action` falls under, if any. */
export function dataPlaneReadPattern(action: string): string | undefined {
  return dataPlaneMatchers.find((matcher) => matcher.matches(action))?.pattern;
}
