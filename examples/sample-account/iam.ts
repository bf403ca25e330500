/**
 * The sample account's IAM, as GetAccountAuthorizationDetails, the credential report, the password policy and
 * the account summary describe it. Problems planted: root with an access key and no MFA, a console user without
 * MFA, stale and unrotated keys, a weak password policy, AdministratorAccess and a `*:*` policy attached, a role
 * trusting everyone, a partner role without an External ID, a GitHub OIDC role without a `sub` condition, and
 * a CI user that can escalate through iam:PassRole.
 */
import type { CredentialReportRow, IamInventory, IamManagedPolicy, IamRole } from '../../core/index.ts';
import { ACCOUNT, daysAgo, reportTime } from './ids.ts';

const VERSION = '2012-10-17';
const arn = (kind: string, name: string): string => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const EC2_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess';
const OPS_FULL_ACCESS = arn('policy', 'ops-full-access');
const AXIOM_READ_ONLY = arn('policy', 'AxiomReadOnly');

const POLICIES: IamManagedPolicy[] = [
  {
    arn: ADMINISTRATOR_ACCESS,
    policyName: 'AdministratorAccess',
    awsManaged: true,
    attachmentCount: 1,
    defaultVersionId: 'v1',
    document: { Version: VERSION, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    arn: EC2_READ_ONLY,
    policyName: 'AmazonEC2ReadOnlyAccess',
    awsManaged: true,
    attachmentCount: 2,
    defaultVersionId: 'v3',
    document: {
      Version: VERSION,
      Statement: [
        { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
        { Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*'],
          Resource: '*',
        },
        { Effect: 'Allow', Action: 'autoscaling:Describe*', Resource: '*' },
      ],
    },
  },
  {
    // Written in a hurry during an incident and never removed: full access under another name.
    arn: OPS_FULL_ACCESS,
    policyName: 'ops-full-access',
    awsManaged: false,
    attachmentCount: 1,
    defaultVersionId: 'v2',
    document: {
      Version: VERSION,
      Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*:*', Resource: '*' }],
    },
  },
  {
    arn: AXIOM_READ_ONLY,
    policyName: 'AxiomReadOnly',
    awsManaged: false,
    attachmentCount: 1,
    defaultVersionId: 'v1',
    document: {
      Version: VERSION,
      Statement: [
        {
          Sid: 'AxiomReadOnly',
          Effect: 'Allow',
          Action: [
            'ec2:DescribeInstances',
            'ec2:DescribeVolumes',
            'ec2:DescribeSecurityGroups',
            's3:GetBucketPolicy',
            's3:ListAllMyBuckets',
            'iam:GetAccountAuthorizationDetails',
            'rds:DescribeDBInstances',
          ],
          Resource: '*',
        },
      ],
    },
  },
];

function trust(statement: Record<string, unknown>): unknown {
  return { Version: VERSION, Statement: [{ Effect: 'Allow', ...statement }] };
}

function role(
  name: string,
  assumeRolePolicyDocument: unknown,
  options: Partial<
    Pick<IamRole, 'path' | 'attachedPolicyArns' | 'inlinePolicies' | 'tags' | 'lastUsedDate'>
  > & {
    createdDaysAgo: number;
  },
): IamRole {
  const path = options.path ?? '/';
  const result: IamRole = {
    roleName: name,
    arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`,
    path,
    createDate: daysAgo(options.createdDaysAgo),
    assumeRolePolicyDocument,
    inlinePolicies: options.inlinePolicies ?? [],
    attachedPolicyArns: options.attachedPolicyArns ?? [],
    tags: options.tags ?? {},
  };
  if (options.lastUsedDate !== undefined) result.lastUsedDate = options.lastUsedDate;
  return result;
}

const ROLES: IamRole[] = [
  role(
    'axiom-readonly',
    trust({
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'axm-7Qm2Xr9LpV4sN8tK3wB6yZ1c' } },
    }),
    {
      createdDaysAgo: 40,
      attachedPolicyArns: [AXIOM_READ_ONLY],
      lastUsedDate: daysAgo(0.01),
      tags: { owner: 'security' },
    },
  ),
  role('web-app', trust({ Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), {
    createdDaysAgo: 700,
    lastUsedDate: daysAgo(0.2),
    tags: { owner: 'web' },
    inlinePolicies: [
      {
        policyName: 'assets-read',
        document: {
          Version: VERSION,
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: ['arn:aws:s3:::acme-prod-assets', 'arn:aws:s3:::acme-prod-assets/*'],
            },
          ],
        },
      },
    ],
  }),
  role(
    'partner-audit',
    trust({ Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }),
    {
      createdDaysAgo: 520,
      lastUsedDate: daysAgo(33),
      attachedPolicyArns: [EC2_READ_ONLY],
      tags: { owner: 'compliance', vendor: 'audit-partner' },
    },
  ),
  role(
    'github-deploy',
    trust({
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }),
    {
      createdDaysAgo: 210,
      lastUsedDate: daysAgo(1.5),
      tags: { owner: 'platform' },
      inlinePolicies: [
        {
          policyName: 'deploy-static-site',
          document: {
            Version: VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Action: ['s3:PutObject', 's3:DeleteObject'],
                Resource: 'arn:aws:s3:::acme-prod-assets/*',
              },
            ],
          },
        },
      ],
    },
  ),
  role('legacy-admin', trust({ Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), {
    createdDaysAgo: 1900,
    lastUsedDate: daysAgo(400),
    attachedPolicyArns: [OPS_FULL_ACCESS],
  }),
  role(
    'lambda-deployer',
    trust({ Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    {
      createdDaysAgo: 300,
      lastUsedDate: daysAgo(3),
      tags: { owner: 'platform' },
      inlinePolicies: [
        {
          policyName: 'deploy-functions',
          document: {
            Version: VERSION,
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  'lambda:CreateFunction',
                  'lambda:UpdateFunctionCode',
                  'lambda:InvokeFunction',
                  'iam:PassRole',
                ],
                Resource: '*',
              },
            ],
          },
        },
      ],
    },
  ),
  role(
    'AWSServiceRoleForRDS',
    trust({ Principal: { Service: 'rds.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    {
      path: '/aws-service-role/rds.amazonaws.com/',
      createdDaysAgo: 1500,
      lastUsedDate: daysAgo(0.5),
    },
  ),
];

const CREDENTIAL_REPORT: CredentialReportRow[] = [
  {
    user: '<root_account>',
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    userCreationTime: reportTime(2400),
    passwordEnabled: true,
    passwordLastUsed: reportTime(75),
    mfaActive: false,
    accessKey1Active: true,
    accessKey1LastRotated: reportTime(2350),
    accessKey1LastUsed: reportTime(96),
    accessKey2Active: false,
  },
  {
    user: 'alice',
    arn: arn('user', 'alice'),
    userCreationTime: reportTime(900),
    passwordEnabled: true,
    passwordLastUsed: reportTime(0.3),
    passwordLastChanged: reportTime(60),
    mfaActive: true,
    accessKey1Active: true,
    accessKey1LastRotated: reportTime(46),
    accessKey1LastUsed: reportTime(1),
    accessKey2Active: false,
  },
  {
    user: 'bob',
    arn: arn('user', 'bob'),
    userCreationTime: reportTime(800),
    passwordEnabled: true,
    passwordLastUsed: reportTime(2),
    passwordLastChanged: reportTime(420),
    mfaActive: false,
    accessKey1Active: true,
    accessKey1LastRotated: reportTime(439),
    accessKey1LastUsed: reportTime(2),
    accessKey2Active: false,
  },
  {
    user: 'carol',
    arn: arn('user', 'carol'),
    userCreationTime: reportTime(650),
    passwordEnabled: true,
    passwordLastUsed: reportTime(198),
    passwordLastChanged: reportTime(610),
    mfaActive: true,
    accessKey1Active: false,
    accessKey2Active: false,
  },
  {
    user: 'ci-deploy',
    arn: arn('user', 'ci-deploy'),
    userCreationTime: reportTime(500),
    passwordEnabled: false,
    mfaActive: false,
    accessKey1Active: true,
    accessKey1LastRotated: reportTime(300),
    accessKey1LastUsed: reportTime(137),
    accessKey2Active: false,
  },
  {
    user: 'svc-backup',
    arn: arn('user', 'svc-backup'),
    userCreationTime: reportTime(400),
    passwordEnabled: false,
    mfaActive: false,
    accessKey1Active: true,
    accessKey1LastRotated: reportTime(30),
    accessKey1LastUsed: reportTime(0.4),
    accessKey2Active: false,
  },
];

/** The sample account's IAM. */
export function sampleIam(): IamInventory {
  return {
    users: [
      {
        userName: 'alice',
        arn: arn('user', 'alice'),
        createDate: daysAgo(900),
        inlinePolicies: [],
        attachedPolicyArns: [],
        groups: ['Admins'],
        tags: { team: 'platform' },
      },
      {
        userName: 'bob',
        arn: arn('user', 'bob'),
        createDate: daysAgo(800),
        inlinePolicies: [],
        attachedPolicyArns: [EC2_READ_ONLY],
        groups: ['developers'],
        tags: { team: 'web' },
      },
      {
        userName: 'carol',
        arn: arn('user', 'carol'),
        createDate: daysAgo(650),
        inlinePolicies: [],
        attachedPolicyArns: [],
        groups: ['developers'],
        tags: { team: 'data' },
      },
      {
        userName: 'ci-deploy',
        arn: arn('user', 'ci-deploy'),
        createDate: daysAgo(500),
        inlinePolicies: [
          {
            policyName: 'deploy-instances',
            document: {
              Version: VERSION,
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole'],
                  Resource: '*',
                },
              ],
            },
          },
        ],
        attachedPolicyArns: [],
        groups: [],
        tags: { owner: 'platform' },
      },
      {
        userName: 'svc-backup',
        arn: arn('user', 'svc-backup'),
        createDate: daysAgo(400),
        inlinePolicies: [
          {
            policyName: 'backup-bucket-write',
            document: {
              Version: VERSION,
              Statement: [
                { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-backups-usw2/*' },
              ],
            },
          },
        ],
        attachedPolicyArns: [],
        groups: [],
        tags: { owner: 'data' },
      },
    ],
    groups: [
      {
        groupName: 'Admins',
        arn: arn('group', 'Admins'),
        inlinePolicies: [],
        attachedPolicyArns: [ADMINISTRATOR_ACCESS],
      },
      {
        groupName: 'developers',
        arn: arn('group', 'developers'),
        inlinePolicies: [
          {
            policyName: 'logs-read',
            document: {
              Version: VERSION,
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['logs:Describe*', 'logs:Get*', 'logs:FilterLogEvents'],
                  Resource: '*',
                },
              ],
            },
          },
        ],
        attachedPolicyArns: [],
      },
    ],
    roles: ROLES,
    policies: POLICIES,
    credentialReport: CREDENTIAL_REPORT,
    passwordPolicy: {
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      passwordReusePrevention: 3,
      hardExpiry: false,
    },
    accountSummary: {
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 1,
      AccountSigningCertificatesPresent: 0,
      Users: 5,
      Groups: 2,
      Roles: ROLES.length,
      Policies: 2,
      MFADevices: 2,
      MFADevicesInUse: 2,
      UsersQuota: 5000,
      GroupsQuota: 300,
      RolesQuota: 1000,
      PoliciesQuota: 1500,
      AccessKeysPerUserQuota: 2,
    },
  };
}
