/**
 * The read-only promise, checked: every operation a collector (or connect's verify, its service probes, the
 * privilege self-check, the region discovery) calls is in the permission catalogue, and the catalogue holds
 * nothing that none of them uses. Declarations are checked against the source (every SDK command and paginator
 * imported under core/) and, for the S3, IAM, CloudWatch, Cost Explorer and tagging collectors, against the
 * requests they really send to a fake AWS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_OPERATIONS, PERMISSIONS, type SdkClientName } from '../../../../core/connect/permissions.ts';
import { SERVICE_PROBES } from '../../../../core/connect/verify-probes.ts';
import type { Collector } from '../../../../core/scan/collector.ts';
import { cloudwatchCollector } from '../../../../core/scan/collectors/cloudwatch.ts';
import { costExplorerCollector } from '../../../../core/scan/collectors/cost-explorer.ts';
import { createIamCollector } from '../../../../core/scan/collectors/iam.ts';
import { ALL_COLLECTORS } from '../../../../core/scan/collectors/index.ts';
import { s3Collector } from '../../../../core/scan/collectors/s3.ts';
import { taggingCollector } from '../../../../core/scan/collectors/tagging.ts';
import { SCAN_SERVICES } from '../../../../core/scan/inventory.ts';
import { type FakeAws, json, queryResponse, startFakeAws, xml } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

const CORE = join(import.meta.dirname, '../../../../core');

/** SDK package to the client name the catalogue uses. */
const CLIENT_OF_PACKAGE: Record<string, SdkClientName> = {
  '@aws-sdk/client-ec2': 'EC2',
  '@aws-sdk/client-elastic-load-balancing-v2': 'ElasticLoadBalancingV2',
  '@aws-sdk/client-s3': 'S3',
  '@aws-sdk/client-s3-control': 'S3Control',
  '@aws-sdk/client-rds': 'RDS',
  '@aws-sdk/client-iam': 'IAM',
  '@aws-sdk/client-cloudwatch': 'CloudWatch',
  '@aws-sdk/client-cloudwatch-logs': 'CloudWatchLogs',
  '@aws-sdk/client-cost-explorer': 'CostExplorer',
  '@aws-sdk/client-resource-groups-tagging-api': 'ResourceGroupsTaggingAPI',
  '@aws-sdk/client-sts': 'STS',
};

const key = (client: string, operation: string) => `${client}:${operation}`;

/** Every SDK operation a source file can call: the commands and paginators it imports (types excluded). */
function importedOperations(source: string): string[] {
  const operations: string[] = [];
  for (const match of source.matchAll(/import\s+\{([^}]*)\}\s+from\s+'(@aws-sdk\/client-[\w-]+)'/g)) {
    const client = CLIENT_OF_PACKAGE[match[2] ?? ''];
    if (!client)
      throw new Error(`catalogue test: no client name for ${match[2]}; add it to CLIENT_OF_PACKAGE`);
    for (const raw of (match[1] ?? '').split(',')) {
      const name =
        raw
          .trim()
          .split(/\s+as\s+/)[0]
          ?.trim() ?? '';
      if (name === '' || name.startsWith('type ')) continue;
      const command = /^(\w+)Command$/.exec(name);
      const paginator = /^paginate(\w+)$/.exec(name);
      const operation = command?.[1] ?? paginator?.[1];
      if (operation) operations.push(key(client, operation));
    }
  }
  return operations;
}

/** Operations imported per core/ file (relative path), for files that import any. */
function coreOperations(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const entry of readdirSync(CORE, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const operations = importedOperations(readFileSync(join(CORE, entry), 'utf8'));
    if (operations.length > 0) byFile.set(relative(CORE, join(CORE, entry)), operations);
  }
  return byFile;
}

const CATALOGUE = new Set(PERMISSIONS.map((entry) => key(entry.client, entry.operation)));
const CONNECT = new Set(CONNECT_OPERATIONS.map((entry) => key(entry.client, entry.operation)));
const declared = (collector: Collector) =>
  new Set(collector.operations.map((operation) => key(operation.client, operation.operation)));
const DECLARED = new Set(ALL_COLLECTORS.flatMap((collector) => [...declared(collector)]));

describe('the permission catalogue and the collectors', () => {
  it('lists one collector per scan service, CloudWatch after the collectors whose resources it measures', () => {
    expect(ALL_COLLECTORS.map((collector) => collector.service).sort()).toEqual([...SCAN_SERVICES].sort());
    const position = (service: string) =>
      ALL_COLLECTORS.findIndex((collector) => collector.service === service);
    for (const service of ['ec2', 'elbv2', 'rds'])
      expect(position('cloudwatch')).toBeGreaterThan(position(service));
  });

  it('holds every operation every collector declares', () => {
    for (const collector of ALL_COLLECTORS)
      for (const operation of declared(collector))
        expect(CATALOGUE.has(operation), `${collector.service} declares ${operation}`).toBe(true);
  });

  it('holds every operation any core module can call (commands and paginators), or it is a connect call', () => {
    for (const [file, operations] of coreOperations())
      for (const operation of operations)
        expect(CATALOGUE.has(operation) || CONNECT.has(operation), `${file} imports ${operation}`).toBe(true);
  });

  it('has every collector declare each operation its modules import', () => {
    const files = [...coreOperations().keys()];
    // The scan must see every collector's module, or this check would pass by seeing nothing.
    for (const name of ['iam', 's3', 'ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging', 'cost-explorer'])
      expect(files).toContain(`scan/collectors/${name}.ts`);
    for (const [file, operations] of coreOperations()) {
      if (!file.startsWith('scan/collectors/')) continue;
      for (const operation of operations)
        expect(DECLARED.has(operation), `${file} imports ${operation}, which no collector declares`).toBe(
          true,
        );
    }
  });

  it('holds nothing that no collector, verify probe, privilege check or connect step uses', () => {
    const used = new Set(DECLARED);
    for (const probe of SERVICE_PROBES)
      for (const entry of PERMISSIONS)
        if (entry.action === probe.action && entry.client === probe.client)
          used.add(key(entry.client, entry.operation));
    // verify (GetCallerIdentity), the privilege self-check's IAM reads, the region discovery: found in the source.
    for (const [file, operations] of coreOperations())
      if (!file.startsWith('scan/collectors/')) for (const operation of operations) used.add(operation);
    expect(used.has('STS:GetCallerIdentity')).toBe(true);
    expect([...CATALOGUE].filter((operation) => !used.has(operation))).toEqual([]);
  });

  it('finds the privilege self-check IAM reads in the source', () => {
    expect(coreOperations().get('connect/privilege-check.ts')?.sort()).toEqual([
      'IAM:GetPolicy',
      'IAM:GetPolicyVersion',
      'IAM:GetRolePolicy',
      'IAM:ListAttachedRolePolicies',
      'IAM:ListRolePolicies',
      'IAM:SimulatePrincipalPolicy',
    ]);
  });
});

describe('what the collectors really send', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startFakeAws();
    const s3Ns = 'http://s3.amazonaws.com/doc/2006-03-01/';
    aws.on('S3', 'ListBuckets', () =>
      xml(
        `<ListAllMyBucketsResult xmlns="${s3Ns}"><Buckets>` +
          '<Bucket><Name>listed</Name><CreationDate>2024-01-01T00:00:00Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>' +
          '<Bucket><Name>unlisted</Name><CreationDate>2024-01-01T00:00:00Z</CreationDate></Bucket>' +
          '</Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>',
      ),
    );
    const s3Answers: Record<string, string> = {
      GetBucketLocation: `<LocationConstraint xmlns="${s3Ns}">eu-west-1</LocationConstraint>`,
      GetPublicAccessBlock: `<PublicAccessBlockConfiguration xmlns="${s3Ns}"><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>`,
      GetBucketPolicyStatus: `<PolicyStatus xmlns="${s3Ns}"><IsPublic>false</IsPublic></PolicyStatus>`,
      GetBucketAcl: `<AccessControlPolicy xmlns="${s3Ns}"><Owner><ID>o</ID></Owner><AccessControlList/></AccessControlPolicy>`,
      GetBucketOwnershipControls: `<OwnershipControls xmlns="${s3Ns}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`,
      GetBucketEncryption: `<ServerSideEncryptionConfiguration xmlns="${s3Ns}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
      GetBucketVersioning: `<VersioningConfiguration xmlns="${s3Ns}"/>`,
      GetBucketLifecycleConfiguration: `<LifecycleConfiguration xmlns="${s3Ns}"/>`,
      GetBucketLogging: `<BucketLoggingStatus xmlns="${s3Ns}"/>`,
    };
    for (const [operation, body] of Object.entries(s3Answers)) aws.on('S3', operation, () => xml(body));
    aws.on('S3', 'GetBucketPolicy', () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"Version":"2012-10-17","Statement":[]}',
    }));
    aws.on('S3Control', 'GetPublicAccessBlock', () =>
      xml(
        `<PublicAccessBlockConfiguration xmlns="${s3Ns}"><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>`,
      ),
    );
    const iamNs = 'https://iam.amazonaws.com/doc/2010-05-08/';
    aws.on('IAM', 'GetAccountAuthorizationDetails', () =>
      queryResponse(
        'GetAccountAuthorizationDetails',
        '<IsTruncated>false</IsTruncated><UserDetailList/>',
        iamNs,
      ),
    );
    aws.on('IAM', 'GenerateCredentialReport', () =>
      queryResponse('GenerateCredentialReport', '<State>COMPLETE</State>', iamNs),
    );
    aws.on('IAM', 'GetCredentialReport', () =>
      queryResponse(
        'GetCredentialReport',
        `<Content>${Buffer.from('user,arn\n').toString('base64')}</Content>`,
        iamNs,
      ),
    );
    aws.on('IAM', 'GetAccountPasswordPolicy', () =>
      queryResponse(
        'GetAccountPasswordPolicy',
        '<PasswordPolicy><MinimumPasswordLength>14</MinimumPasswordLength></PasswordPolicy>',
        iamNs,
      ),
    );
    aws.on('IAM', 'GetAccountSummary', () => queryResponse('GetAccountSummary', '<SummaryMap/>', iamNs));
    aws.on('CloudWatch', 'GetMetricData', () => json({ MetricDataResults: [] }));
    aws.on('CostExplorer', 'GetCostAndUsage', () => json({ ResultsByTime: [] }));
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', () => json({ ResourceTagMappingList: [] }));
  });
  afterAll(async () => {
    await aws.close();
  });

  const instant = async () => {};
  it.each([
    ['s3', s3Collector],
    ['iam', createIamCollector({ sleep: instant })],
    ['cloudwatch', cloudwatchCollector],
    ['ce', costExplorerCollector],
    ['tagging', taggingCollector],
  ])('%s sends only the operations it declares, and uses each of them', async (_service, collector) => {
    aws.requests.length = 0;
    const { context, coverage } = collectorContext({
      aws,
      service: collector.service,
      includeCostExplorer: true,
    });
    const target = collectorTarget();
    target.regional.ec2 = {
      instances: [
        { instanceId: 'i-1', instanceType: 't3.micro', state: 'running', securityGroupIds: [], tags: {} },
      ],
    };
    await collector.collect(context, target);
    const sent = new Set(aws.requests.map((request) => key(request.service, request.operation)));
    expect([...sent].filter((operation) => !declared(collector).has(operation))).toEqual([]);
    expect([...declared(collector)].filter((operation) => !sent.has(operation))).toEqual([]);
    expect(aws.requests.every((request) => request.handled)).toBe(true);
    expect(coverage.filter((entry) => entry.status !== 'ok')).toEqual([]);
  });
});
