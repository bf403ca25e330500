/**
 * Actions that are dangerous on every resource for what they hand back, each with why and how bad: actions that
 * return credentials or a way in, and actions that read the data an attacker wants. The checks that report them
 * own them: the Resource "*" checks leave them out so one grant is reported once. A test checks that every action
 * named here exists in the catalogue.
 */
import type { Severity } from '../../../findings/finding.ts';

/** A sensitive action and what granting it on "*" means. */
export interface SensitiveAction {
  /** 'service:Name'. */
  readonly key: string;
  /** Severity on every resource with no narrowing condition. */
  readonly severity: Severity;
  /** What it allows on every resource, completing "allows ...". */
  readonly what: string;
}

/**
 * Actions that return credentials, passwords or a session as someone else. Deliberately absent:
 * sts:GetSessionToken (the caller's own credentials), ecr:GetAuthorizationToken (a registry token that only
 * carries the caller's other ECR permissions), and iam:CreateAccessKey, iam:CreateLoginProfile and
 * iam:UpdateLoginProfile, which the privilege-escalation check reports.
 */
export const CREDENTIAL_ACTIONS: readonly SensitiveAction[] = [
  {
    key: 'sts:AssumeRole',
    severity: 'medium',
    what: 'assuming any role whose trust policy trusts this account',
  },
  {
    key: 'sts:GetFederationToken',
    severity: 'medium',
    what: 'minting federated-user credentials under any name',
  },
  {
    key: 'redshift:GetClusterCredentials',
    severity: 'high',
    what: 'database credentials for any Redshift user, administrators included',
  },
  {
    key: 'redshift:GetClusterCredentialsWithIAM',
    severity: 'high',
    what: 'database credentials for any Redshift database',
  },
  {
    key: 'redshift-serverless:GetCredentials',
    severity: 'high',
    what: 'database credentials for any Redshift Serverless workgroup',
  },
  {
    key: 'rds-db:connect',
    severity: 'high',
    what: 'connecting to any RDS or Aurora database as any IAM-enabled database user',
  },
  {
    key: 'lightsail:GetInstanceAccessDetails',
    severity: 'high',
    what: 'SSH keys and passwords for any Lightsail instance',
  },
  {
    key: 'lightsail:GetRelationalDatabaseMasterUserPassword',
    severity: 'high',
    what: 'the master password of any Lightsail database',
  },
  {
    key: 'lightsail:DownloadDefaultKeyPair',
    severity: 'high',
    what: 'the default SSH private key of the Lightsail region',
  },
  {
    key: 'ec2-instance-connect:SendSSHPublicKey',
    severity: 'high',
    what: 'pushing an SSH key to any EC2 instance and logging in',
  },
  {
    key: 'ec2-instance-connect:SendSerialConsoleSSHPublicKey',
    severity: 'high',
    what: 'serial-console access to any EC2 instance',
  },
  {
    key: 'ec2:GetPasswordData',
    severity: 'medium',
    what: 'the encrypted administrator password of any Windows instance',
  },
  {
    key: 'ds:ResetUserPassword',
    severity: 'high',
    what: 'resetting the password of any Directory Service user',
  },
  {
    key: 'cognito-idp:AdminSetUserPassword',
    severity: 'medium',
    what: 'setting the password of any user of any Cognito user pool',
  },
  {
    key: 'gamelift:GetInstanceAccess',
    severity: 'medium',
    what: 'remote-access credentials for any GameLift fleet instance',
  },
  {
    key: 'ssm:StartSession',
    severity: 'medium',
    what: 'a shell on any managed instance, with its instance role',
  },
  {
    key: 'ecs:ExecuteCommand',
    severity: 'medium',
    what: 'a shell in any running ECS container, with its task role',
  },
];

/** Actions that read secrets or bulk data. */
export const DATA_ACTIONS: readonly SensitiveAction[] = [
  { key: 'secretsmanager:GetSecretValue', severity: 'high', what: 'reading every secret' },
  { key: 'ssm:GetParameter', severity: 'medium', what: 'reading every parameter, SecureStrings included' },
  { key: 'ssm:GetParameters', severity: 'medium', what: 'reading every parameter, SecureStrings included' },
  {
    key: 'ssm:GetParametersByPath',
    severity: 'medium',
    what: 'reading every parameter, SecureStrings included',
  },
  { key: 'ssm:GetParameterHistory', severity: 'medium', what: 'reading every past parameter value' },
  {
    key: 'kms:Decrypt',
    severity: 'medium',
    what: 'decrypting with every key whose key policy delegates to IAM',
  },
  { key: 's3:GetObject', severity: 'medium', what: 'reading every object of every bucket' },
  { key: 's3:GetObjectVersion', severity: 'medium', what: 'reading every version of every object' },
  { key: 'dynamodb:Scan', severity: 'medium', what: 'reading every item of every table' },
  { key: 'dynamodb:Query', severity: 'medium', what: 'reading items of every table' },
  { key: 'dynamodb:GetItem', severity: 'medium', what: 'reading items of every table' },
  { key: 'dynamodb:BatchGetItem', severity: 'medium', what: 'reading items of every table' },
  { key: 'glue:GetConnection', severity: 'medium', what: 'reading the passwords of every Glue connection' },
  { key: 'glue:GetConnections', severity: 'medium', what: 'reading the passwords of every Glue connection' },
  { key: 'ebs:GetSnapshotBlock', severity: 'medium', what: 'reading the raw blocks of every EBS snapshot' },
  { key: 'logs:GetLogEvents', severity: 'low', what: 'reading every log stream' },
  { key: 'logs:FilterLogEvents', severity: 'low', what: 'searching every log group' },
  {
    key: 'lambda:GetFunction',
    severity: 'low',
    what: "downloading every function's code and reading its environment",
  },
  { key: 'sqs:ReceiveMessage', severity: 'low', what: 'reading the messages of every queue' },
  { key: 'kinesis:GetRecords', severity: 'low', what: 'reading the records of every stream' },
  { key: 'athena:GetQueryResults', severity: 'low', what: 'reading the results of every query' },
  { key: 'codecommit:GitPull', severity: 'low', what: 'cloning every repository' },
  { key: 'ecr:BatchGetImage', severity: 'low', what: 'pulling every container image' },
  { key: 'rds:DownloadDBLogFilePortion', severity: 'low', what: 'reading every database log' },
];

/** The action every "any role" finding is about. */
export const PASS_ROLE = 'iam:PassRole';

/** Keys (lowercase) of every action a dedicated check reports on "*". */
export const DEDICATED_ACTION_KEYS: ReadonlySet<string> = new Set(
  [...CREDENTIAL_ACTIONS, ...DATA_ACTIONS].map((action) => action.key.toLowerCase()).concat('iam:passrole'),
);
