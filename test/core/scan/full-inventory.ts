/** An inventory with every field filled, for schema and serialisation tests. */
import type { Inventory } from '../../../core/scan/inventory.ts';

const A = '111122223333';

export function fullInventory(): Inventory {
  return {
    schemaVersion: 1,
    tool: { name: 'axiom', version: '0.1.0' },
    startedAt: '2026-01-15T09:30:00.000Z',
    finishedAt: '2026-01-15T09:31:12.500Z',
    accounts: [
      {
        accountId: A,
        name: 'prod',
        partition: 'aws',
        regions: ['us-east-1'],
        services: ['iam', 's3', 'ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging', 'ce'],
        iam: {
          users: [
            {
              userName: 'alice',
              arn: `arn:aws:iam::${A}:user/alice`,
              createDate: '2024-02-01T00:00:00Z',
              inlinePolicies: [
                {
                  policyName: 'admin',
                  document: {
                    Version: '2012-10-17',
                    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
                  },
                },
              ],
              attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
              groups: ['ops'],
              tags: { team: 'platform' },
            },
          ],
          groups: [
            {
              groupName: 'ops',
              arn: `arn:aws:iam::${A}:group/ops`,
              inlinePolicies: [],
              attachedPolicyArns: [],
            },
          ],
          roles: [
            {
              roleName: 'deploy',
              arn: `arn:aws:iam::${A}:role/deploy`,
              path: '/',
              createDate: '2024-03-01T00:00:00Z',
              assumeRolePolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: 'arn:aws:iam::999988887777:root' },
                    Action: 'sts:AssumeRole',
                  },
                ],
              },
              inlinePolicies: [],
              attachedPolicyArns: [],
              lastUsedDate: '2026-01-10T12:00:00Z',
              tags: {},
            },
          ],
          policies: [
            {
              arn: `arn:aws:iam::${A}:policy/s3-read`,
              policyName: 's3-read',
              awsManaged: false,
              attachmentCount: 1,
              defaultVersionId: 'v2',
              document: { Version: '2012-10-17', Statement: [] },
            },
          ],
          credentialReport: [
            {
              user: '<root_account>',
              arn: `arn:aws:iam::${A}:root`,
              userCreationTime: '2020-01-01T00:00:00+00:00',
              passwordEnabled: true,
              passwordLastUsed: '2026-01-01T00:00:00+00:00',
              passwordLastChanged: '2025-01-01T00:00:00+00:00',
              mfaActive: false,
              accessKey1Active: true,
              accessKey1LastRotated: '2021-01-01T00:00:00+00:00',
              accessKey1LastUsed: '2025-06-01T00:00:00+00:00',
              accessKey2Active: false,
              accessKey2LastRotated: '2021-01-01T00:00:00+00:00',
              accessKey2LastUsed: '2021-02-01T00:00:00+00:00',
            },
          ],
          passwordPolicy: {
            minimumPasswordLength: 8,
            requireSymbols: false,
            requireNumbers: true,
            requireUppercaseCharacters: true,
            requireLowercaseCharacters: true,
            maxPasswordAge: 90,
            passwordReusePrevention: 5,
            hardExpiry: false,
          },
          accountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 },
        },
        s3: {
          buckets: [
            {
              name: 'prod-assets',
              region: 'us-east-1',
              creationDate: '2023-05-01T00:00:00Z',
              publicAccessBlock: null,
              policyIsPublic: true,
              policyIsPublicDerived: true,
              policy: '{"Version":"2012-10-17","Statement":[]}',
              acl: {
                ownerId: 'abc123',
                grants: [
                  {
                    granteeType: 'Group',
                    grantee: 'http://acs.amazonaws.com/groups/global/AllUsers',
                    permission: 'READ',
                  },
                ],
              },
              objectOwnership: 'ObjectWriter',
              encryption: 'AES256',
              versioning: null,
              mfaDelete: false,
              lifecycleRules: [
                {
                  id: 'expire',
                  status: 'Enabled',
                  abortIncompleteMultipartUploadDays: 7,
                  hasExpiration: true,
                  hasTransitions: false,
                },
              ],
              loggingTargetBucket: null,
              tags: { owner: 'web' },
            },
          ],
          accountPublicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          },
        },
        costs: {
          unit: 'USD',
          months: [
            { start: '2025-11-01', byService: { 'Amazon Elastic Compute Cloud - Compute': 1200.5 } },
            { start: '2025-12-01', byService: { 'Amazon Elastic Compute Cloud - Compute': 1400.25 } },
          ],
        },
        regional: {
          'us-east-1': {
            ec2: {
              instances: [
                {
                  instanceId: 'i-0abc',
                  instanceType: 'm5.large',
                  state: 'running',
                  stateTransitionReason: 'User initiated (2025-10-01 10:00:00 GMT)',
                  launchTime: '2025-09-01T00:00:00Z',
                  vpcId: 'vpc-1',
                  subnetId: 'subnet-1',
                  publicIpAddress: '203.0.113.10',
                  securityGroupIds: ['sg-1'],
                  httpTokens: 'optional',
                  httpEndpoint: 'enabled',
                  iamInstanceProfileArn: `arn:aws:iam::${A}:instance-profile/web`,
                  platform: 'windows',
                  tags: { Name: 'web', owner: 'web' },
                },
              ],
              volumes: [
                {
                  volumeId: 'vol-1',
                  volumeType: 'gp2',
                  sizeGiB: 100,
                  iops: 300,
                  throughput: 125,
                  state: 'available',
                  encrypted: false,
                  kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1',
                  createTime: '2025-01-01T00:00:00Z',
                  attachedInstanceIds: [],
                  tags: {},
                },
              ],
              securityGroups: [
                {
                  groupId: 'sg-1',
                  groupName: 'web',
                  vpcId: 'vpc-1',
                  description: 'web',
                  ingress: [
                    { protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'ssh' },
                    { protocol: '-1', cidrIpv6: '::/0' },
                    { protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-2' },
                    { protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-1' },
                  ],
                  egress: [{ protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
                  tags: {},
                },
              ],
              vpcs: [{ vpcId: 'vpc-1', isDefault: true, cidrBlock: '172.31.0.0/16', tags: {} }],
              subnets: [
                {
                  subnetId: 'subnet-1',
                  vpcId: 'vpc-1',
                  availabilityZone: 'us-east-1a',
                  mapPublicIpOnLaunch: true,
                  tags: {},
                },
              ],
              natGateways: [
                {
                  natGatewayId: 'nat-1',
                  state: 'available',
                  vpcId: 'vpc-1',
                  subnetId: 'subnet-1',
                  createTime: '2025-01-01T00:00:00Z',
                  tags: {},
                },
              ],
              addresses: [
                {
                  allocationId: 'eipalloc-1',
                  publicIp: '203.0.113.20',
                  associationId: 'eipassoc-1',
                  instanceId: 'i-0abc',
                  networkInterfaceId: 'eni-1',
                  domain: 'vpc',
                  tags: {},
                },
              ],
              ebsEncryptionByDefault: false,
            },
            elbv2: {
              loadBalancers: [
                {
                  loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/1`,
                  loadBalancerName: 'web',
                  type: 'application',
                  scheme: 'internet-facing',
                  state: 'active',
                  createdTime: '2025-01-01T00:00:00Z',
                  vpcId: 'vpc-1',
                  securityGroupIds: ['sg-1'],
                },
              ],
              targetGroups: [
                {
                  targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web/1`,
                  targetGroupName: 'web',
                  loadBalancerArns: [`arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/1`],
                  targetHealth: { healthy: 0, unhealthy: 2 },
                },
              ],
            },
            rds: {
              instances: [
                {
                  dbInstanceIdentifier: 'db1',
                  dbInstanceArn: `arn:aws:rds:us-east-1:${A}:db:db1`,
                  dbInstanceClass: 'db.t3.medium',
                  engine: 'postgres',
                  status: 'available',
                  publiclyAccessible: true,
                  storageEncrypted: false,
                  backupRetentionPeriod: 0,
                  deletionProtection: false,
                  multiAz: false,
                  allocatedStorageGiB: 20,
                  dbClusterIdentifier: 'cluster1',
                  readReplicaSourceDbInstanceIdentifier: 'db0',
                  instanceCreateTime: '2024-01-01T00:00:00Z',
                  tags: {},
                },
              ],
              clusters: [
                {
                  dbClusterIdentifier: 'cluster1',
                  dbClusterArn: `arn:aws:rds:us-east-1:${A}:cluster:cluster1`,
                  engine: 'aurora-postgresql',
                  status: 'available',
                  storageEncrypted: true,
                  backupRetentionPeriod: 7,
                  deletionProtection: true,
                  publiclyAccessible: false,
                  tags: {},
                },
              ],
            },
            logs: {
              logGroups: [
                {
                  logGroupName: '/aws/lambda/web',
                  arn: `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/web`,
                  storedBytes: 1024,
                  creationTime: '2024-01-01T00:00:00Z',
                  kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/2',
                },
                { logGroupName: '/app', retentionInDays: 30, storedBytes: 0 },
              ],
            },
            metrics: {
              windowStart: '2026-01-01',
              days: 14,
              series: { 'i-0abc': { 'CPUUtilization:Average': [1.5, null, 2] } },
            },
            tagging: { resources: { [`arn:aws:ec2:us-east-1:${A}:instance/i-0abc`]: { owner: 'web' } } },
          },
        },
      },
    ],
    coverage: [
      {
        accountId: A,
        region: 'global',
        service: 'iam',
        operation: 'GetAccountAuthorizationDetails',
        status: 'ok',
      },
      {
        accountId: A,
        region: 'us-east-1',
        service: 'ec2',
        operation: 'DescribeInstances',
        status: 'denied',
        detail: 'UnauthorizedOperation: You are not authorized to perform this operation.',
      },
    ],
    stats: {
      durationMs: 72_500,
      apiCalls: {
        total: 2,
        byOperation: {
          'EC2:DescribeInstances': { calls: 1, attempts: 1 },
          'IAM:GetAccountAuthorizationDetails': { calls: 1, attempts: 2 },
        },
      },
    },
  };
}
