/**
 * A small but complete AWS account behind the fake AWS, answering every operation of every collector in the
 * services' real wire formats (EC2 and Query XML, S3 REST-XML, JSON 1.0/1.1), region by region as each request
 * is signed: us-east-1 holds a few resources with well-known problems, eu-west-1 is nearly empty. Any operation
 * can be denied in one region, as an SCP would, to check coverage and "not evaluated".
 *
 * What it holds, and the findings that follow:
 * - IAM: the root user has no MFA; user `dev` has a console password without MFA; role `ci-partner` trusts
 *   account 444455556666 with no External ID; no password policy.
 * - S3: `e2e-public-site` (us-east-1) grants READ to AllUsers and has no Block Public Access; `e2e-logs`
 *   (eu-west-1) is locked down; the account has no account-level Block Public Access.
 * - EC2 us-east-1: instance `bastion` with a public IP in security group `ssh-open` (22/tcp from 0.0.0.0/0),
 *   its root volume unencrypted gp2; EBS encryption by default off. Log group `/aws/lambda/e2e` without retention.
 */
import type { SdkClientName } from '../../core/connect/permissions.ts';
import {
  ec2Error,
  ec2Response,
  type FakeAws,
  type FakeRequest,
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

/** The scanned account. */
export const ACCOUNT = '111122223333';
/** The role Axiom assumes there. */
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/axiom-readonly`;
/** Its External ID: a secret that must never reach any output. */
export const EXTERNAL_ID = 'axm-E2eSecretExternalId-0b7c4d2e';
/** The keys STS hands out for the role. */
export const ASSUMED = {
  accessKeyId: 'ASIAE2EASSUMEDKEY001',
  secretAccessKey: 'e2eAssumedSecret/000000000000000000000000',
  sessionToken: 'IQoJb3JpZ2luX2VjE2eSessionToken',
} as const;
/** The source keys the CLI runs with. */
export const SOURCE = {
  accessKeyId: 'AKIAE2ESOURCEKEY0001',
  secretAccessKey: 'e2eSourceSecret/0000000000000000000000000',
} as const;

/** Ids of the resources with problems. */
export const IDS = {
  instance: 'i-0e2e0000000000a01',
  volume: 'vol-0e2e0000000000b01',
  securityGroup: 'sg-0e2e0000000000c01',
  defaultGroup: 'sg-0e2e0000000000c00',
  vpc: 'vpc-0e2e0000000000d01',
  subnet: 'subnet-0e2e000000000e01',
  publicBucket: 'e2e-public-site',
  privateBucket: 'e2e-logs',
  logGroup: '/aws/lambda/e2e',
} as const;

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const RDS_NS = 'http://rds.amazonaws.com/doc/2014-10-31/';
const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const S3_OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/axiom-readonly/axiom-scan`;

/** The region a request was signed for (SigV4 credential scope). */
export function signedRegion(request: FakeRequest): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
}

/** An operation to deny, in one region or everywhere. */
export interface Denial {
  /** The service, as the fake names it. */
  service: SdkClientName;
  /** The operation. */
  operation: string;
  /** The region; absent denies it everywhere. */
  region?: string;
}

/** How the account differs from its default. */
export interface FullAccountOptions {
  /** Operations answered with AccessDenied in the service's own wire format. */
  deny?: readonly Denial[];
  /** Makes sts:AssumeRole fail with AccessDenied (a trust policy that does not trust the scanner). */
  refuseAssumeRole?: boolean;
}

function denialMessage(action: string): string {
  return `User: ${SESSION_ARN} is not authorized to perform: ${action} with an explicit deny in a service control policy`;
}

/** AccessDenied as `service` sends it. */
function denied(service: SdkClientName, operation: string): FakeResponse {
  const action = `${service.toLowerCase()}:${operation}`;
  switch (service) {
    case 'EC2':
      return ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
    case 'S3':
    case 'S3Control':
      return s3Error('AccessDenied', 'Access Denied', 403);
    case 'CloudWatchLogs':
    case 'ResourceGroupsTaggingAPI':
    case 'CostExplorer':
      return jsonError('AccessDeniedException', denialMessage(action), 400);
    case 'CloudWatch': {
      const error = jsonError('AccessDenied', denialMessage(action), 403);
      return { ...error, headers: { ...error.headers, 'x-amzn-query-error': 'AccessDenied;Sender' } };
    }
    default:
      return queryError('AccessDenied', denialMessage(action), 403);
  }
}

// ---------------------------------------------------------------- IAM

function encoded(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

const AUTHORIZATION_DETAILS = `
<IsTruncated>false</IsTruncated>
<UserDetailList>
  <member>
    <Path>/</Path><UserName>dev</UserName><UserId>AIDAE2EDEVUSER000001</UserId>
    <Arn>arn:aws:iam::${ACCOUNT}:user/dev</Arn><CreateDate>2025-01-10T09:00:00Z</CreateDate>
    <UserPolicyList>
      <member><PolicyName>read-logs</PolicyName><PolicyDocument>${encoded({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }],
      })}</PolicyDocument></member>
    </UserPolicyList>
    <GroupList/><AttachedManagedPolicies/><Tags/>
  </member>
</UserDetailList>
<GroupDetailList/>
<RoleDetailList>
  <member>
    <Path>/</Path><RoleName>ci-partner</RoleName><RoleId>AROAE2ECIPARTNER0001</RoleId>
    <Arn>arn:aws:iam::${ACCOUNT}:role/ci-partner</Arn><CreateDate>2024-06-01T00:00:00Z</CreateDate>
    <AssumeRolePolicyDocument>${encoded({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' },
      ],
    })}</AssumeRolePolicyDocument>
    <InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/><Tags/>
    <RoleLastUsed><LastUsedDate>2025-12-01T00:00:00Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>
  </member>
</RoleDetailList>
<Policies/>`;

const REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,' +
    'mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,' +
    'access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
    'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,' +
    'cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-01-01T00:00:00+00:00,not_supported,2025-12-01T10:00:00+00:00,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `dev,arn:aws:iam::${ACCOUNT}:user/dev,2025-01-10T09:00:00+00:00,true,2025-12-20T08:00:00+00:00,2025-01-10T09:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

/** Registers a handler, which is told whether the request is for the busy region (us-east-1). */
type Register = (
  service: SdkClientName,
  operation: string,
  handler: (request: FakeRequest, busy: boolean) => FakeResponse,
) => void;

function serveIam(on: Register): void {
  on('IAM', 'GetAccountAuthorizationDetails', () =>
    queryResponse('GetAccountAuthorizationDetails', AUTHORIZATION_DETAILS, IAM_NS),
  );
  on('IAM', 'GenerateCredentialReport', () =>
    queryResponse(
      'GenerateCredentialReport',
      '<State>COMPLETE</State><Description>The report is ready</Description>',
      IAM_NS,
    ),
  );
  on('IAM', 'GetCredentialReport', () =>
    queryResponse(
      'GetCredentialReport',
      `<Content>${Buffer.from(REPORT).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat>` +
        '<GeneratedTime>2026-01-14T23:50:00Z</GeneratedTime>',
      IAM_NS,
    ),
  );
  on('IAM', 'GetAccountPasswordPolicy', () =>
    queryError('NoSuchEntity', `The Password Policy with domain name ${ACCOUNT} cannot be found.`, 404),
  );
  on('IAM', 'GetAccountSummary', () =>
    queryResponse(
      'GetAccountSummary',
      `<SummaryMap>${Object.entries({
        Users: 1,
        Groups: 0,
        Roles: 2,
        Policies: 0,
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 0,
        MFADevices: 0,
        UsersQuota: 5000,
      })
        .map(([key, value]) => `<entry><key>${key}</key><value>${value}</value></entry>`)
        .join('')}</SummaryMap>`,
      IAM_NS,
    ),
  );
}

// ---------------------------------------------------------------- S3

const PRIVATE_BLOCK =
  `<PublicAccessBlockConfiguration xmlns="${S3_NS}"><BlockPublicAcls>true</BlockPublicAcls>` +
  '<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>' +
  '<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>';

function aclXml(publicRead: boolean): string {
  const owner =
    `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${S3_OWNER}</ID>` +
    '</Grantee><Permission>FULL_CONTROL</Permission></Grant>';
  const everyone = publicRead
    ? '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">' +
      '<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>'
    : '';
  return `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${S3_OWNER}</ID></Owner><AccessControlList>${owner}${everyone}</AccessControlList></AccessControlPolicy>`;
}

/** The locked-down bucket's policy: requests over plain HTTP are denied. */
const TLS_ONLY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${IDS.privateBucket}`, `arn:aws:s3:::${IDS.privateBucket}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

/** One per-bucket read of `bucket`, as S3 answers it. */
function bucketAnswer(operation: string, bucket: string): FakeResponse {
  const isPublic = bucket === IDS.publicBucket;
  switch (operation) {
    case 'GetPublicAccessBlock':
      return isPublic
        ? s3Error(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
          )
        : xml(PRIVATE_BLOCK);
    case 'GetBucketPolicyStatus':
      return isPublic
        ? s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404)
        : xml(`<PolicyStatus xmlns="${S3_NS}"><IsPublic>false</IsPublic></PolicyStatus>`);
    case 'GetBucketPolicy':
      // The policy is the raw response body, a JSON document.
      return isPublic
        ? s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404)
        : { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(TLS_ONLY) };
    case 'GetBucketAcl':
      return xml(aclXml(isPublic));
    case 'GetBucketOwnershipControls':
      return isPublic
        ? xml(
            `<OwnershipControls xmlns="${S3_NS}"><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>`,
          )
        : xml(
            `<OwnershipControls xmlns="${S3_NS}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`,
          );
    case 'GetBucketEncryption':
      return xml(
        `<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule><ApplyServerSideEncryptionByDefault>` +
          '<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled>' +
          '</Rule></ServerSideEncryptionConfiguration>',
      );
    case 'GetBucketVersioning':
      return xml(
        isPublic
          ? `<VersioningConfiguration xmlns="${S3_NS}"/>`
          : `<VersioningConfiguration xmlns="${S3_NS}"><Status>Enabled</Status></VersioningConfiguration>`,
      );
    case 'GetBucketLifecycleConfiguration':
      return isPublic
        ? s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404)
        : xml(
            `<LifecycleConfiguration xmlns="${S3_NS}"><Rule><ID>expire</ID><Filter><Prefix></Prefix></Filter>` +
              '<Status>Enabled</Status><Expiration><Days>90</Days></Expiration>' +
              '<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>' +
              '</Rule></LifecycleConfiguration>',
          );
    case 'GetBucketLogging':
      return xml(
        isPublic
          ? `<BucketLoggingStatus xmlns="${S3_NS}"/>`
          : `<BucketLoggingStatus xmlns="${S3_NS}"><LoggingEnabled><TargetBucket>e2e-access-logs</TargetBucket>` +
              `<TargetPrefix>${bucket}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
      );
    default:
      throw new Error(`no answer for S3 ${operation}`);
  }
}

const BUCKET_OPERATIONS = [
  'GetPublicAccessBlock',
  'GetBucketPolicyStatus',
  'GetBucketPolicy',
  'GetBucketAcl',
  'GetBucketOwnershipControls',
  'GetBucketEncryption',
  'GetBucketVersioning',
  'GetBucketLifecycleConfiguration',
  'GetBucketLogging',
];

function serveS3(on: Register): void {
  on('S3', 'ListBuckets', () =>
    xml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${S3_NS}"><Buckets>` +
        `<Bucket><Name>${IDS.publicBucket}</Name><CreationDate>2024-03-01T12:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>` +
        `<Bucket><Name>${IDS.privateBucket}</Name><CreationDate>2024-04-01T12:00:00.000Z</CreationDate><BucketRegion>eu-west-1</BucketRegion></Bucket>` +
        `</Buckets><Owner><DisplayName>e2e</DisplayName><ID>${S3_OWNER}</ID></Owner></ListAllMyBucketsResult>`,
    ),
  );
  for (const operation of BUCKET_OPERATIONS)
    on('S3', operation, (request) => {
      const bucket = String(request.params.Bucket);
      if (bucket !== IDS.publicBucket && bucket !== IDS.privateBucket)
        return s3Error('NoSuchBucket', 'The specified bucket does not exist', 404);
      return bucketAnswer(operation, bucket);
    });
  on('S3Control', 'GetPublicAccessBlock', () =>
    s3Error(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      404,
    ),
  );
}

// ---------------------------------------------------------------- EC2

const INSTANCE = `<reservationSet><item><reservationId>r-0e2e000000000001</reservationId><ownerId>${ACCOUNT}</ownerId><groupSet/>
<instancesSet><item>
  <instanceId>${IDS.instance}</instanceId><imageId>ami-0abcdef1234567890</imageId>
  <instanceState><code>16</code><name>running</name></instanceState>
  <privateDnsName>ip-10-0-1-10.ec2.internal</privateDnsName><dnsName/><reason/><amiLaunchIndex>0</amiLaunchIndex>
  <productCodes/><instanceType>t3.micro</instanceType><launchTime>2025-11-02T09:30:00.000Z</launchTime>
  <placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>
  <monitoring><state>disabled</state></monitoring>
  <subnetId>${IDS.subnet}</subnetId><vpcId>${IDS.vpc}</vpcId>
  <privateIpAddress>10.0.1.10</privateIpAddress><ipAddress>54.210.1.2</ipAddress>
  <sourceDestCheck>true</sourceDestCheck>
  <groupSet><item><groupId>${IDS.securityGroup}</groupId><groupName>ssh-open</groupName></item></groupSet>
  <architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>
  <blockDeviceMapping/><virtualizationType>hvm</virtualizationType><hypervisor>xen</hypervisor>
  <tagSet><item><key>Name</key><value>bastion</value></item></tagSet>
  <metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
</item></instancesSet></item></reservationSet>`;

const VOLUMES = `<volumeSet><item>
  <volumeId>${IDS.volume}</volumeId><size>8</size><snapshotId/><availabilityZone>us-east-1a</availabilityZone>
  <status>in-use</status><createTime>2025-11-02T09:30:00.000Z</createTime>
  <attachmentSet><item><volumeId>${IDS.volume}</volumeId><instanceId>${IDS.instance}</instanceId><device>/dev/xvda</device>
    <status>attached</status><attachTime>2025-11-02T09:30:05.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>
  <volumeType>gp3</volumeType><iops>3000</iops><throughput>125</throughput><encrypted>false</encrypted><multiAttachEnabled>false</multiAttachEnabled>
</item></volumeSet>`;

const SECURITY_GROUPS = `<securityGroupInfo>
  <item>
    <ownerId>${ACCOUNT}</ownerId><groupId>${IDS.defaultGroup}</groupId><groupName>default</groupName>
    <groupDescription>default VPC security group</groupDescription><vpcId>${IDS.vpc}</vpcId>
    <ipPermissions/><ipPermissionsEgress/>
  </item>
  <item>
    <ownerId>${ACCOUNT}</ownerId><groupId>${IDS.securityGroup}</groupId><groupName>ssh-open</groupName>
    <groupDescription>ssh from anywhere</groupDescription><vpcId>${IDS.vpc}</vpcId>
    <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>
      <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>ssh</description></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>
    <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>
  </item>
</securityGroupInfo>`;

/** EC2 answers: the busy region's, and an empty region's. */
const EC2: Record<string, { busy: string; empty: string }> = {
  DescribeInstances: { busy: INSTANCE, empty: '<reservationSet/>' },
  DescribeVolumes: { busy: VOLUMES, empty: '<volumeSet/>' },
  DescribeSecurityGroups: { busy: SECURITY_GROUPS, empty: '<securityGroupInfo/>' },
  DescribeVpcs: {
    busy: `<vpcSet><item><vpcId>${IDS.vpc}</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault></item></vpcSet>`,
    empty: '<vpcSet/>',
  },
  DescribeSubnets: {
    busy: `<subnetSet><item><subnetId>${IDS.subnet}</subnetId><state>available</state><vpcId>${IDS.vpc}</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availabilityZone>us-east-1a</availabilityZone><mapPublicIpOnLaunch>true</mapPublicIpOnLaunch></item></subnetSet>`,
    empty: '<subnetSet/>',
  },
  DescribeNatGateways: { busy: '<natGatewaySet/>', empty: '<natGatewaySet/>' },
  DescribeAddresses: { busy: '<addressesSet/>', empty: '<addressesSet/>' },
  GetEbsEncryptionByDefault: {
    busy: '<ebsEncryptionByDefault>false</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
    empty: '<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
  },
};

// ---------------------------------------------------------------- regional JSON and Query services

/** Daily datapoints over the request's window, as GetMetricData returns them (epoch seconds). */
function metricData(request: FakeRequest): FakeResponse {
  const queries = (request.params.MetricDataQueries ?? []) as {
    Id: string;
    MetricStat: { Metric: { MetricName: string } };
  }[];
  const start = Number(request.params.StartTime);
  return json({
    MetricDataResults: queries.map((query) => ({
      Id: query.Id,
      Label: query.MetricStat.Metric.MetricName,
      Timestamps: Array.from({ length: 14 }, (_, day) => start + day * 86_400),
      Values: Array.from({ length: 14 }, () =>
        query.MetricStat.Metric.MetricName === 'CPUUtilization' ? 2.5 : 5_000,
      ),
      StatusCode: 'Complete',
    })),
    Messages: [],
  });
}

/** Registers the whole account; see the file comment. */
export function serveFullAccount(aws: FakeAws, options: FullAccountOptions = {}): void {
  const deny = options.deny ?? [];
  /** Registers `handler` for an operation, answering AccessDenied where the options deny it. */
  const on: Register = (service, operation, handler) =>
    aws.on(service, operation, (request) => {
      const region = signedRegion(request);
      const refused = deny.some(
        (item) =>
          item.service === service &&
          item.operation === operation &&
          (item.region === undefined || item.region === region),
      );
      return refused ? denied(service, operation) : handler(request, region === 'us-east-1');
    });

  aws.on('STS', 'AssumeRole', (request) => {
    if (
      options.refuseAssumeRole ||
      request.params.RoleArn !== ROLE_ARN ||
      request.params.ExternalId !== EXTERNAL_ID
    )
      return queryError(
        'AccessDenied',
        `User: arn:aws:iam::999988887777:user/scanner is not authorized to perform: sts:AssumeRole on resource: ${String(request.params.RoleArn)}`,
        403,
      );
    return stsAssumeRoleResponse({
      ...ASSUMED,
      arn: SESSION_ARN,
      assumedRoleId: 'AROAE2EROLEID00000001:axiom-scan',
    });
  });
  aws.on('STS', 'GetCallerIdentity', () =>
    stsCallerIdentityResponse({
      account: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:user/ops`,
      userId: 'AIDAE2EOPSUSER000001',
    }),
  );

  serveIam(on);
  serveS3(on);

  for (const [operation, answers] of Object.entries(EC2))
    on('EC2', operation, (_request, busy) => ec2Response(operation, busy ? answers.busy : answers.empty));
  on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () =>
    queryResponse('DescribeLoadBalancers', '<LoadBalancers/>', ELB_NS),
  );
  on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () =>
    queryResponse('DescribeTargetGroups', '<TargetGroups/>', ELB_NS),
  );
  on('RDS', 'DescribeDBInstances', () => queryResponse('DescribeDBInstances', '<DBInstances/>', RDS_NS));
  on('RDS', 'DescribeDBClusters', () => queryResponse('DescribeDBClusters', '<DBClusters/>', RDS_NS));
  on('CloudWatchLogs', 'DescribeLogGroups', (_request, busy) =>
    json({
      logGroups: busy
        ? [
            {
              logGroupName: IDS.logGroup,
              creationTime: 1_735_689_600_000,
              metricFilterCount: 0,
              storedBytes: 2_147_483_648,
              arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${IDS.logGroup}:*`,
              logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${IDS.logGroup}`,
              logGroupClass: 'STANDARD',
            },
          ]
        : [],
    }),
  );
  on('CloudWatch', 'GetMetricData', metricData);
  on('ResourceGroupsTaggingAPI', 'GetResources', (request) =>
    json({
      PaginationToken: '',
      ResourceTagMappingList:
        signedRegion(request) === 'us-east-1'
          ? [
              {
                ResourceARN: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${IDS.instance}`,
                Tags: [{ Key: 'owner', Value: 'platform' }],
              },
            ]
          : [],
    }),
  );
  on('CostExplorer', 'GetCostAndUsage', () =>
    json({
      GroupDefinitions: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      ResultsByTime: [],
      DimensionValueAttributes: [],
    }),
  );
}
