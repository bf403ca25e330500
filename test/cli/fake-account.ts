/**
 * A customer account as `verify` sees it through the fake AWS: every probe, the role's own policies and the
 * policy simulator answer in the services' real wire formats. Tests start from a healthy account and replace
 * one answer at a time. Shared by the verify tests in test/core/connect and the CLI tests.
 */
import { buildPermissionPolicy } from '../../core/connect/permission-policy.ts';
import type { SdkClientName } from '../../core/connect/permissions.ts';
import {
  ec2Error,
  ec2Response,
  escapeXml,
  type FakeAws,
  type FakeResponse,
  json,
  jsonError,
  queryError,
  queryResponse,
  s3Error,
  stsAssumeRoleResponse,
  stsCallerIdentityResponse,
  xml,
} from '../helpers/fake-aws.ts';

/** The customer account that holds the role. */
export const ACCOUNT = '111122223333';
/** The role Axiom assumes. */
export const ROLE_NAME = 'axiom-readonly';
/** Its ARN. */
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
/** The connection's External ID: a secret that must never reach any output. */
export const EXTERNAL_ID = 'axm-Sup3rSecretExternalId-7f3a9c1e';
/** The temporary credentials STS hands out for the role. */
export const ASSUMED = {
  accessKeyId: 'ASIAFAKEASSUMED00042',
  secretAccessKey: 'assumedSecretKey/verify-0000000000000000',
  sessionToken: 'IQoJb3JpZ2luX2VjEFakeVerifySessionToken',
} as const;
/** The customer-managed policy holding Axiom's permission policy. */
export const AXIOM_POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/AxiomReadOnly`;

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const RDS_NS = 'http://rds.amazonaws.com/doc/2014-10-31/';
const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE_NAME}/axiom-verify`;

/** A JSON 1.0 body, as CloudWatch (query-compatible) sends it. */
function json10(value: unknown, status = 200): FakeResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(value) };
}

/** One probe: the service and operation it calls and the wire protocol of its errors. */
export interface ProbeEndpoint {
  /** The service, as the fake names it. */
  service: SdkClientName;
  /** The operation. */
  operation: string;
  /** The IAM action verify reports for it. */
  action: string;
  /** How the service sends errors. */
  errors: 'query' | 'ec2' | 'json' | 'json10' | 'rest-xml';
}

/** Every probe verify makes with the role, except Cost Explorer (billed, off by default). */
export const PROBES: readonly ProbeEndpoint[] = [
  { service: 'EC2', operation: 'DescribeInstances', action: 'ec2:DescribeInstances', errors: 'ec2' },
  {
    service: 'ElasticLoadBalancingV2',
    operation: 'DescribeLoadBalancers',
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    errors: 'query',
  },
  { service: 'S3', operation: 'ListBuckets', action: 's3:ListAllMyBuckets', errors: 'rest-xml' },
  {
    service: 'S3Control',
    operation: 'GetPublicAccessBlock',
    action: 's3:GetAccountPublicAccessBlock',
    errors: 'rest-xml',
  },
  { service: 'RDS', operation: 'DescribeDBInstances', action: 'rds:DescribeDBInstances', errors: 'query' },
  { service: 'IAM', operation: 'GetAccountSummary', action: 'iam:GetAccountSummary', errors: 'query' },
  { service: 'CloudWatch', operation: 'GetMetricData', action: 'cloudwatch:GetMetricData', errors: 'json10' },
  {
    service: 'CloudWatchLogs',
    operation: 'DescribeLogGroups',
    action: 'logs:DescribeLogGroups',
    errors: 'json',
  },
  {
    service: 'ResourceGroupsTaggingAPI',
    operation: 'GetResources',
    action: 'tag:GetResources',
    errors: 'json',
  },
];

/** The message AWS sends when a call is denied, naming the source of the denial the way AWS does. */
export function denialMessage(
  action: string,
  why: 'missing' | 'scp' | 'boundary' | 'explicit' | 'session' | 'resource' | 'resource-control' = 'missing',
): string {
  const reason = {
    missing: `because no identity-based policy allows the ${action} action`,
    scp: 'with an explicit deny in a service control policy',
    boundary: `because no permissions boundary allows the ${action} action`,
    explicit: 'with an explicit deny in an identity-based policy',
    session: `because no session policy allows the ${action} action`,
    resource: 'with an explicit deny in a resource-based policy',
    'resource-control': 'with an explicit deny in a resource control policy',
  }[why];
  return `User: ${SESSION_ARN} is not authorized to perform: ${action} ${reason}`;
}

/** How each service denies a call, in its own wire format and error code. */
export function deniedReply(probe: ProbeEndpoint, message: string): FakeResponse {
  switch (probe.errors) {
    case 'ec2':
      return ec2Error(
        'UnauthorizedOperation',
        `You are not authorized to perform this operation. ${message}`,
        403,
      );
    case 'query':
      return queryError('AccessDenied', message, 403);
    case 'rest-xml':
      return s3Error('AccessDenied', message, 403);
    case 'json':
      return jsonError('AccessDeniedException', message, 400);
    case 'json10':
      return {
        ...jsonError('AccessDenied', message, 403),
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-query-error': 'AccessDenied;Sender',
        },
      };
  }
}

/** Answers of the probes in an account with resources. */
const FULL: Record<string, () => FakeResponse> = {
  'EC2:DescribeInstances': () =>
    ec2Response(
      'DescribeInstances',
      `<reservationSet><item><reservationId>r-0a1b2c3d4e5f60718</reservationId><ownerId>${ACCOUNT}</ownerId>` +
        '<groupSet/><instancesSet><item><instanceId>i-0123456789abcdef0</instanceId><imageId>ami-0abcdef1234567890</imageId>' +
        '<instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType>' +
        '<launchTime>2024-05-01T10:00:00.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone>' +
        '<tenancy>default</tenancy></placement><monitoring><state>disabled</state></monitoring>' +
        '<privateIpAddress>10.0.1.12</privateIpAddress><architecture>x86_64</architecture>' +
        '<tagSet><item><key>Name</key><value>web-1</value></item></tagSet></item></instancesSet></item></reservationSet>',
    ),
  'ElasticLoadBalancingV2:DescribeLoadBalancers': () =>
    queryResponse(
      'DescribeLoadBalancers',
      '<LoadBalancers><member>' +
        `<LoadBalancerArn>arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188</LoadBalancerArn>` +
        '<DNSName>web-1234567890.us-east-1.elb.amazonaws.com</DNSName><LoadBalancerName>web</LoadBalancerName>' +
        '<Scheme>internet-facing</Scheme><VpcId>vpc-3ac0fb5f</VpcId><State><Code>active</Code></State>' +
        '<Type>application</Type><CreatedTime>2024-05-01T10:00:00.000Z</CreatedTime></member></LoadBalancers>',
      ELB_NS,
    ),
  'S3:ListBuckets': () =>
    xml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID></Owner>' +
        '<Buckets><Bucket><Name>acme-logs</Name><CreationDate>2024-01-15T08:30:00.000Z</CreationDate></Bucket></Buckets>' +
        '<ContinuationToken>eyJ0b2tlbiI6Im5leHQifQ</ContinuationToken></ListAllMyBucketsResult>',
    ),
  'S3Control:GetPublicAccessBlock': () =>
    xml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
        '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>' +
        '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>' +
        '</PublicAccessBlockConfiguration>',
    ),
  'RDS:DescribeDBInstances': () =>
    queryResponse(
      'DescribeDBInstances',
      '<DBInstances><DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier>' +
        '<DBInstanceClass>db.t3.medium</DBInstanceClass><Engine>postgres</Engine><DBInstanceStatus>available</DBInstanceStatus>' +
        '<StorageEncrypted>true</StorageEncrypted><MultiAZ>false</MultiAZ>' +
        `<DBInstanceArn>arn:aws:rds:us-east-1:${ACCOUNT}:db:orders</DBInstanceArn></DBInstance></DBInstances>`,
      RDS_NS,
    ),
  'IAM:GetAccountSummary': () =>
    queryResponse(
      'GetAccountSummary',
      '<SummaryMap><entry><key>Users</key><value>4</value></entry><entry><key>Roles</key><value>27</value></entry>' +
        '<entry><key>Policies</key><value>9</value></entry><entry><key>AccountMFAEnabled</key><value>1</value></entry>' +
        '</SummaryMap>',
      IAM_NS,
    ),
  'CloudWatch:GetMetricData': () =>
    json10({
      MetricDataResults: [
        {
          Id: 'probe',
          Label: 'CPUUtilization',
          Timestamps: [1714557600],
          Values: [3.25],
          StatusCode: 'Complete',
        },
      ],
      Messages: [],
    }),
  'CloudWatchLogs:DescribeLogGroups': () =>
    json({
      logGroups: [
        {
          logGroupName: '/aws/lambda/orders',
          creationTime: 1714557600000,
          retentionInDays: 30,
          storedBytes: 1024,
          arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/orders:*`,
        },
      ],
      nextToken: 'next',
    }),
  'ResourceGroupsTaggingAPI:GetResources': () =>
    json({
      PaginationToken: 'next',
      ResourceTagMappingList: [
        {
          ResourceARN: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`,
          Tags: [{ Key: 'team', Value: 'payments' }],
        },
      ],
    }),
};

function missing(): FakeResponse {
  throw new Error('fixture has no answer');
}

/** Answers of the probes in an account with nothing in the region. */
const EMPTY: Record<string, () => FakeResponse> = {
  'EC2:DescribeInstances': () => ec2Response('DescribeInstances', '<reservationSet/>'),
  'ElasticLoadBalancingV2:DescribeLoadBalancers': () =>
    queryResponse('DescribeLoadBalancers', '<LoadBalancers/>', ELB_NS),
  'S3:ListBuckets': () =>
    xml(
      '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o</ID></Owner><Buckets/></ListAllMyBucketsResult>',
    ),
  // Account settings are never empty: the block is configured, and IAM's summary always lists every quota
  // and count (the role itself and AWS's service-linked roles among them).
  'S3Control:GetPublicAccessBlock': FULL['S3Control:GetPublicAccessBlock'] ?? missing,
  'RDS:DescribeDBInstances': () => queryResponse('DescribeDBInstances', '<DBInstances/>', RDS_NS),
  'IAM:GetAccountSummary': () =>
    queryResponse(
      'GetAccountSummary',
      `<SummaryMap>${Object.entries({
        Users: 0,
        Groups: 0,
        Roles: 3,
        Policies: 1,
        AccountMFAEnabled: 0,
        AccessKeysPerUserQuota: 2,
        UsersQuota: 5000,
        RolesQuota: 1000,
        ServerCertificates: 0,
        InstanceProfiles: 0,
      })
        .map(([key, value]) => `<entry><key>${key}</key><value>${value}</value></entry>`)
        .join('')}</SummaryMap>`,
      IAM_NS,
    ),
  'CloudWatch:GetMetricData': () =>
    json10({
      MetricDataResults: [
        { Id: 'probe', Label: 'CPUUtilization', Timestamps: [], Values: [], StatusCode: 'Complete' },
      ],
    }),
  'CloudWatchLogs:DescribeLogGroups': () => json({ logGroups: [] }),
  'ResourceGroupsTaggingAPI:GetResources': () => json({ PaginationToken: '', ResourceTagMappingList: [] }),
};

/** An IAM policy document as IAM returns it inside XML: URL-encoded JSON. */
export function iamEncoded(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

/** The policies attached to the role, as the privilege check reads them. */
export interface RolePolicies {
  /** Managed policies: ARN to document (a document is needed for customer-managed ones only). */
  attached: Record<string, unknown>;
  /** Inline policies: name to document. */
  inline: Record<string, unknown>;
}

/** Axiom's own permission policy as the only attached policy, no inline ones: a read-only role. */
export function axiomOnly(): RolePolicies {
  return { attached: { [AXIOM_POLICY_ARN]: buildPermissionPolicy() }, inline: {} };
}

/** Makes IAM answer for the role's policies. */
export function answerRolePolicies(aws: FakeAws, policies: RolePolicies): void {
  aws.on('IAM', 'ListAttachedRolePolicies', (request) => {
    if (request.params.RoleName !== ROLE_NAME)
      return queryError(
        'NoSuchEntity',
        `The role with name ${String(request.params.RoleName)} cannot be found.`,
        404,
      );
    const members = Object.keys(policies.attached)
      .map(
        (arn) =>
          `<member><PolicyName>${escapeXml(arn.split('/').pop() ?? arn)}</PolicyName>` +
          `<PolicyArn>${escapeXml(arn)}</PolicyArn></member>`,
      )
      .join('');
    return queryResponse(
      'ListAttachedRolePolicies',
      `<IsTruncated>false</IsTruncated><AttachedPolicies>${members}</AttachedPolicies>`,
      IAM_NS,
    );
  });
  aws.on('IAM', 'GetPolicy', (request) => {
    const arn = String(request.params.PolicyArn);
    if (!(arn in policies.attached)) return queryError('NoSuchEntity', `Policy ${arn} does not exist.`, 404);
    return queryResponse(
      'GetPolicy',
      `<Policy><PolicyName>${escapeXml(arn.split('/').pop() ?? '')}</PolicyName><DefaultVersionId>v3</DefaultVersionId>` +
        `<PolicyId>ANPAEXAMPLE1234567890</PolicyId><Path>/</Path><Arn>${escapeXml(arn)}</Arn>` +
        '<AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>' +
        '<CreateDate>2024-01-01T00:00:00Z</CreateDate><UpdateDate>2024-03-01T00:00:00Z</UpdateDate></Policy>',
      IAM_NS,
    );
  });
  aws.on('IAM', 'GetPolicyVersion', (request) => {
    const arn = String(request.params.PolicyArn);
    // Only the default version holds what is in force; answering another would hide a bug.
    if (request.params.VersionId !== 'v3' || !(arn in policies.attached))
      return queryError(
        'NoSuchEntity',
        `Policy ${arn} version ${String(request.params.VersionId)} does not exist.`,
        404,
      );
    return queryResponse(
      'GetPolicyVersion',
      `<PolicyVersion><Document>${iamEncoded(policies.attached[arn])}</Document><VersionId>v3</VersionId>` +
        '<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-03-01T00:00:00Z</CreateDate></PolicyVersion>',
      IAM_NS,
    );
  });
  aws.on('IAM', 'ListRolePolicies', () =>
    queryResponse(
      'ListRolePolicies',
      `<IsTruncated>false</IsTruncated><PolicyNames>${Object.keys(policies.inline)
        .map((name) => `<member>${escapeXml(name)}</member>`)
        .join('')}</PolicyNames>`,
      IAM_NS,
    ),
  );
  aws.on('IAM', 'GetRolePolicy', (request) => {
    const name = String(request.params.PolicyName);
    if (!(name in policies.inline))
      return queryError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
    return queryResponse(
      'GetRolePolicy',
      `<PolicyName>${escapeXml(name)}</PolicyName><RoleName>${ROLE_NAME}</RoleName>` +
        `<PolicyDocument>${iamEncoded(policies.inline[name])}</PolicyDocument>`,
      IAM_NS,
    );
  });
}

/** The action names of a SimulatePrincipalPolicy request (`ActionNames.member.N`). */
export function simulatedActions(params: Record<string, unknown>): string[] {
  return Object.entries(params)
    .filter(([key]) => key.startsWith('ActionNames.member.'))
    .sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .map(([, value]) => String(value));
}

/** Makes the policy simulator decide each action with `decide` (default: implicitDeny for all). */
export function answerSimulation(
  aws: FakeAws,
  decide: (action: string) => 'allowed' | 'implicitDeny' | 'explicitDeny' = () => 'implicitDeny',
): void {
  aws.on('IAM', 'SimulatePrincipalPolicy', (request) => {
    if (request.params.PolicySourceArn !== ROLE_ARN)
      return queryError(
        'NoSuchEntity',
        `Principal ${String(request.params.PolicySourceArn)} not found.`,
        404,
      );
    const results = simulatedActions(request.params)
      .map(
        (action) =>
          `<member><EvalActionName>${escapeXml(action)}</EvalActionName><EvalResourceName>*</EvalResourceName>` +
          `<EvalDecision>${decide(action)}</EvalDecision><MatchedStatements/><MissingContextValues/></member>`,
      )
      .join('');
    return queryResponse(
      'SimulatePrincipalPolicy',
      `<IsTruncated>false</IsTruncated><EvaluationResults>${results}</EvaluationResults>`,
      IAM_NS,
    );
  });
}

/** What the healthy account can be told to do differently. */
export interface AccountOptions {
  /** The account GetCallerIdentity reports (default: the role's). */
  callerAccount?: string;
  /** Probe answers: resources present (default) or an empty region. */
  resources?: 'some' | 'none';
  /** The role's policies (default: Axiom's policy only). */
  policies?: RolePolicies;
}

/**
 * Registers a healthy account: STS hands out `ASSUMED` for the role, every probe answers, the role holds only
 * Axiom's permission policy and the simulator denies every forbidden action.
 */
export function answerHealthyAccount(aws: FakeAws, options: AccountOptions = {}): void {
  aws.on('STS', 'AssumeRole', (request) => {
    if (request.params.RoleArn !== ROLE_ARN)
      return queryError(
        'AccessDenied',
        `Not authorized to perform sts:AssumeRole on ${String(request.params.RoleArn)}`,
        403,
      );
    return stsAssumeRoleResponse({
      ...ASSUMED,
      arn: SESSION_ARN,
      assumedRoleId: `AROAEXAMPLEROLEID1234:${String(request.params.RoleSessionName)}`,
    });
  });
  const account = options.callerAccount ?? ACCOUNT;
  aws.on('STS', 'GetCallerIdentity', () =>
    stsCallerIdentityResponse({
      account,
      arn: `arn:aws:sts::${account}:assumed-role/${ROLE_NAME}/axiom-verify`,
    }),
  );
  const answers = options.resources === 'none' ? EMPTY : FULL;
  for (const probe of PROBES) {
    const answer = answers[`${probe.service}:${probe.operation}`];
    if (answer) aws.on(probe.service, probe.operation, answer);
  }
  answerRolePolicies(aws, options.policies ?? axiomOnly());
  answerSimulation(aws);
}

/** The operations signed with the role's assumed credentials (everything after AssumeRole). */
export function signedWith(aws: FakeAws, accessKeyId: string): string[] {
  return aws.requests
    .filter((request) => request.headers.authorization?.includes(`Credential=${accessKeyId}/`))
    .map((request) => `${request.service}:${request.operation}`);
}
