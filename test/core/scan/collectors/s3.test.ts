import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3_TIME_PER_BUCKET_MS, s3Collector } from '../../../../core/scan/collectors/s3.ts';
import { regionFromLocationConstraint } from '../../../../core/scan/collectors/support/s3-bucket-region.ts';
import { OperationTally } from '../../../../core/scan/collectors/support/s3-operation-tally.ts';
import { policyAllowsPublicAccess } from '../../../../core/scan/collectors/support/s3-public-policy.ts';
import type { CoverageStatus, S3Bucket } from '../../../../core/scan/inventory.ts';
import {
  escapeXml,
  type FakeAws,
  type FakeRequest,
  type FakeResponse,
  s3Error,
  startFakeAws,
  xml,
} from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

const PER_BUCKET = [
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

/** What one fake bucket holds; an absent setting answers with S3's "not configured" error. */
interface FakeBucket {
  name: string;
  /** Region sent in ListBuckets' BucketRegion; undefined leaves it out (S3 then needs GetBucketLocation). */
  listedRegion?: string;
  /** GetBucketLocation's LocationConstraint ('' = us-east-1's empty element). */
  locationConstraint?: string;
  publicAccessBlock?: [boolean, boolean, boolean, boolean];
  policy?: object;
  policyIsPublic?: boolean;
  aclGrants?: { type: 'CanonicalUser' | 'Group'; grantee: string; permission: string }[];
  ownership?: string;
  encryption?: string;
  versioning?: { status?: string; mfaDelete?: string };
  lifecycle?: string;
  loggingTarget?: string;
  /** Operations this bucket answers AccessDenied to. */
  denied?: string[];
}

const accessDenied = () => s3Error('AccessDenied', 'Access Denied', 403);

function listBucketsXml(buckets: readonly FakeBucket[], token?: string): string {
  const items = buckets
    .map(
      (bucket) =>
        `<Bucket><Name>${bucket.name}</Name><CreationDate>2024-03-01T12:00:00.000Z</CreationDate>` +
        (bucket.listedRegion === undefined ? '' : `<BucketRegion>${bucket.listedRegion}</BucketRegion>`) +
        '</Bucket>',
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${NS}"><Buckets>${items}</Buckets>` +
    `<Owner><DisplayName>ops</DisplayName><ID>${OWNER}</ID></Owner>` +
    (token === undefined ? '' : `<ContinuationToken>${token}</ContinuationToken>`) +
    '</ListAllMyBucketsResult>'
  );
}

function pabXml([acls, ignore, policy, restrict]: [boolean, boolean, boolean, boolean]): string {
  return (
    `<PublicAccessBlockConfiguration xmlns="${NS}"><BlockPublicAcls>${acls}</BlockPublicAcls>` +
    `<IgnorePublicAcls>${ignore}</IgnorePublicAcls><BlockPublicPolicy>${policy}</BlockPublicPolicy>` +
    `<RestrictPublicBuckets>${restrict}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`
  );
}

/** Answers one per-bucket operation for `bucket` in S3's REST-XML wire format. */
function bucketAnswer(operation: string, bucket: FakeBucket): FakeResponse {
  if (bucket.denied?.includes(operation)) return accessDenied();
  switch (operation) {
    case 'GetBucketLocation':
      return xml(
        bucket.locationConstraint
          ? `<LocationConstraint xmlns="${NS}">${bucket.locationConstraint}</LocationConstraint>`
          : `<LocationConstraint xmlns="${NS}"/>`,
      );
    case 'GetPublicAccessBlock':
      return bucket.publicAccessBlock
        ? xml(pabXml(bucket.publicAccessBlock))
        : s3Error(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
          );
    case 'GetBucketPolicyStatus':
      return bucket.policy
        ? xml(
            `<PolicyStatus xmlns="${NS}"><IsPublic>${bucket.policyIsPublic ?? false}</IsPublic></PolicyStatus>`,
          )
        : s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    case 'GetBucketPolicy':
      // The policy is the raw response body (a JSON document), not XML.
      return bucket.policy
        ? {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(bucket.policy),
          }
        : s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    case 'GetBucketAcl': {
      const grants = (
        bucket.aclGrants ?? [{ type: 'CanonicalUser', grantee: OWNER, permission: 'FULL_CONTROL' }]
      )
        .map(
          (grant) =>
            `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="${grant.type}">` +
            (grant.type === 'Group' ? `<URI>${grant.grantee}</URI>` : `<ID>${grant.grantee}</ID>`) +
            `</Grantee><Permission>${grant.permission}</Permission></Grant>`,
        )
        .join('');
      return xml(
        `<AccessControlPolicy xmlns="${NS}"><Owner><ID>${OWNER}</ID></Owner>` +
          `<AccessControlList>${grants}</AccessControlList></AccessControlPolicy>`,
      );
    }
    case 'GetBucketOwnershipControls':
      return bucket.ownership
        ? xml(
            `<OwnershipControls xmlns="${NS}"><Rule><ObjectOwnership>${bucket.ownership}</ObjectOwnership></Rule></OwnershipControls>`,
          )
        : s3Error('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404);
    case 'GetBucketEncryption':
      return bucket.encryption
        ? xml(
            `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault>` +
              `<SSEAlgorithm>${bucket.encryption}</SSEAlgorithm></ApplyServerSideEncryptionByDefault>` +
              '<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
          )
        : s3Error(
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
            404,
          );
    case 'GetBucketVersioning': {
      const status = bucket.versioning?.status ? `<Status>${bucket.versioning.status}</Status>` : '';
      const mfa = bucket.versioning?.mfaDelete ? `<MfaDelete>${bucket.versioning.mfaDelete}</MfaDelete>` : '';
      return xml(
        status || mfa
          ? `<VersioningConfiguration xmlns="${NS}">${status}${mfa}</VersioningConfiguration>`
          : `<VersioningConfiguration xmlns="${NS}"/>`,
      );
    }
    case 'GetBucketLifecycleConfiguration':
      return bucket.lifecycle
        ? xml(`<LifecycleConfiguration xmlns="${NS}">${bucket.lifecycle}</LifecycleConfiguration>`)
        : s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404);
    case 'GetBucketLogging':
      return xml(
        bucket.loggingTarget
          ? `<BucketLoggingStatus xmlns="${NS}"><LoggingEnabled><TargetBucket>${bucket.loggingTarget}</TargetBucket>` +
              `<TargetPrefix>${bucket.name}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`
          : `<BucketLoggingStatus xmlns="${NS}"/>`,
      );
    default:
      throw new Error(`no fake answer for ${operation}`);
  }
}

/** Serves `buckets` as one account: ListBuckets in pages of `pageSize`, every per-bucket read, the account PAB. */
function serveAccount(
  buckets: readonly FakeBucket[],
  options: {
    pageSize?: number;
    accountBlock?: [boolean, boolean, boolean, boolean] | 'none' | 'denied';
  } = {},
): void {
  const pageSize = options.pageSize ?? 1000;
  aws.on('S3', 'ListBuckets', (request) => {
    const start = Number(request.params['continuation-token'] ?? '0');
    const page = buckets.slice(start, start + pageSize);
    const next = start + pageSize < buckets.length ? String(start + pageSize) : undefined;
    return xml(listBucketsXml(page, next));
  });
  for (const operation of ['GetBucketLocation', ...PER_BUCKET]) {
    aws.on('S3', operation, (request: FakeRequest) => {
      const bucket = buckets.find((candidate) => candidate.name === request.params.Bucket);
      if (!bucket) return s3Error('NoSuchBucket', 'The specified bucket does not exist', 404);
      return bucketAnswer(operation, bucket);
    });
  }
  const block = options.accountBlock ?? [true, true, true, true];
  aws.on('S3Control', 'GetPublicAccessBlock', () => {
    if (block === 'denied') return accessDenied();
    if (block === 'none')
      return s3Error(
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
        404,
      );
    return xml(pabXml(block));
  });
}

async function collect(options: { maxAttempts?: number } = {}) {
  const { context, coverage, extensions } = collectorContext({ aws, service: 's3', ...options });
  const target = collectorTarget();
  await s3Collector.collect(context, target);
  return { s3: target.account.s3, coverage, extensions };
}

function bucket(buckets: readonly S3Bucket[] | undefined, name: string): S3Bucket {
  const found = buckets?.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`bucket ${name} not collected`);
  return found;
}

const PUBLIC_READ_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::site/*',
    },
  ],
};

describe('s3Collector', () => {
  it('reads every setting of every bucket, in the real wire format', async () => {
    serveAccount([
      {
        name: 'site',
        listedRegion: 'eu-west-1',
        publicAccessBlock: [false, false, false, false],
        policy: PUBLIC_READ_POLICY,
        policyIsPublic: true,
        aclGrants: [
          { type: 'CanonicalUser', grantee: OWNER, permission: 'FULL_CONTROL' },
          { type: 'Group', grantee: ALL_USERS, permission: 'READ' },
        ],
        ownership: 'ObjectWriter',
        encryption: 'AES256',
        versioning: { status: 'Suspended', mfaDelete: 'Disabled' },
        lifecycle:
          '<Rule><ID>expire-logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status>' +
          '<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>' +
          '<Expiration><Days>365</Days></Expiration>' +
          '<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>' +
          '<Rule><ID>old</ID><Filter/><Status>Disabled</Status>' +
          '<NoncurrentVersionExpiration><NoncurrentDays>30</NoncurrentDays></NoncurrentVersionExpiration></Rule>',
        loggingTarget: 'access-logs',
      },
      { name: 'bare', listedRegion: 'us-east-1' },
    ]);
    const { s3, coverage } = await collect();

    expect(bucket(s3?.buckets, 'site')).toEqual({
      name: 'site',
      region: 'eu-west-1',
      creationDate: '2024-03-01T12:00:00.000Z',
      publicAccessBlock: {
        blockPublicAcls: false,
        ignorePublicAcls: false,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
      policyIsPublic: true,
      policy: JSON.stringify(PUBLIC_READ_POLICY),
      acl: {
        ownerId: OWNER,
        grants: [
          { granteeType: 'CanonicalUser', grantee: OWNER, permission: 'FULL_CONTROL' },
          { granteeType: 'Group', grantee: ALL_USERS, permission: 'READ' },
        ],
      },
      objectOwnership: 'ObjectWriter',
      encryption: 'AES256',
      versioning: 'Suspended',
      mfaDelete: false,
      lifecycleRules: [
        {
          id: 'expire-logs',
          status: 'Enabled',
          hasExpiration: true,
          hasTransitions: true,
          abortIncompleteMultipartUploadDays: 7,
        },
        { id: 'old', status: 'Disabled', hasExpiration: true, hasTransitions: false },
      ],
      loggingTargetBucket: 'access-logs',
    });
    // "Not configured" answers are values (null), not failures.
    expect(bucket(s3?.buckets, 'bare')).toEqual({
      name: 'bare',
      region: 'us-east-1',
      creationDate: '2024-03-01T12:00:00.000Z',
      publicAccessBlock: null,
      policyIsPublic: false,
      policy: null,
      acl: {
        ownerId: OWNER,
        grants: [{ granteeType: 'CanonicalUser', grantee: OWNER, permission: 'FULL_CONTROL' }],
      },
      objectOwnership: null,
      encryption: null,
      versioning: null,
      mfaDelete: false,
      lifecycleRules: null,
      loggingTargetBucket: null,
    });
    expect(s3?.accountPublicAccessBlock).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    });
    expect(coverage.every((entry) => entry.status === 'ok')).toBe(true);
    expect(coverage.map((entry) => entry.operation).sort()).toEqual(
      ['ListBuckets', 'GetAccountPublicAccessBlock', ...PER_BUCKET].sort(),
    );
    // BucketRegion came with the list, so no GetBucketLocation; nothing ever touches an object.
    expect(aws.calls('S3', 'GetBucketLocation')).toHaveLength(0);
    expect(aws.requests.every((request) => request.handled)).toBe(true);
  });

  it('asks ListBuckets for the largest page, follows the continuation token, and reads each bucket once per setting', async () => {
    const buckets = Array.from({ length: 5 }, (_, index) => ({
      name: `b${index}`,
      listedRegion: 'us-east-1',
    }));
    serveAccount(buckets, { pageSize: 2 });
    const { s3, extensions } = await collect();
    expect(s3?.buckets?.map((entry) => entry.name)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    // Once the buckets are known, the unit's deadline grows with them, so a large account is not cut short.
    expect(extensions).toEqual([5 * S3_TIME_PER_BUCKET_MS]);
    const pages = aws.calls('S3', 'ListBuckets');
    expect(pages.map((page) => page.params['continuation-token'])).toEqual([undefined, '2', '4']);
    expect(pages.every((page) => page.params['max-buckets'] === '10000')).toBe(true);
    for (const operation of PER_BUCKET) expect(aws.calls('S3', operation)).toHaveLength(5);
  });

  it('reads each bucket with a client signed for its own region, finding missing regions with GetBucketLocation', async () => {
    serveAccount([
      { name: 'listed', listedRegion: 'ap-southeast-2' },
      { name: 'legacy-eu', locationConstraint: 'EU' },
      { name: 'virginia', locationConstraint: '' },
      { name: 'oregon', locationConstraint: 'us-west-2' },
    ]);
    const { s3 } = await collect();
    const regions = Object.fromEntries((s3?.buckets ?? []).map((entry) => [entry.name, entry.region]));
    expect(regions).toEqual({
      listed: 'ap-southeast-2',
      'legacy-eu': 'eu-west-1',
      virginia: 'us-east-1',
      oregon: 'us-west-2',
    });
    expect(
      aws
        .calls('S3', 'GetBucketLocation')
        .map((call) => call.params.Bucket)
        .sort(),
    ).toEqual(['legacy-eu', 'oregon', 'virginia']);
    for (const [name, region] of Object.entries(regions)) {
      const reads = aws.calls('S3', 'GetBucketAcl').filter((call) => call.params.Bucket === name);
      expect(reads).toHaveLength(1);
      expect(reads[0]?.headers.authorization).toContain(`/${region}/s3/aws4_request`);
    }
  });

  it('aggregates per-bucket failures into one coverage entry per operation', async () => {
    serveAccount([
      { name: 'a', listedRegion: 'us-east-1', denied: ['GetBucketAcl'] },
      { name: 'b', listedRegion: 'us-east-1', denied: ['GetBucketAcl'] },
      { name: 'c', listedRegion: 'us-east-1' },
    ]);
    const { s3, coverage } = await collect();
    const aclEntries = coverage.filter((entry) => entry.operation === 'GetBucketAcl');
    expect(aclEntries).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        service: 's3',
        operation: 'GetBucketAcl',
        status: 'denied',
        detail: 'AccessDenied: Access Denied (denied for 2 of 3 buckets)',
      },
    ]);
    expect(coverage).toHaveLength(2 + PER_BUCKET.length);
    // The denied read leaves only its field absent.
    expect(bucket(s3?.buckets, 'a').acl).toBeUndefined();
    expect(bucket(s3?.buckets, 'a').versioning).toBeNull();
    expect(bucket(s3?.buckets, 'c').acl?.grants).toHaveLength(1);
  });

  it('derives the public verdict from the policy when GetBucketPolicyStatus is denied, and marks it derived', async () => {
    const everyone = ['GetBucketPolicyStatus'];
    serveAccount([
      { name: 'public', listedRegion: 'us-east-1', policy: PUBLIC_READ_POLICY, denied: everyone },
      {
        name: 'vpce-only',
        listedRegion: 'us-east-1',
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::vpce-only/*',
              Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
            },
          ],
        },
        denied: everyone,
      },
      { name: 'no-policy', listedRegion: 'us-east-1', denied: everyone },
      { name: 'unreadable', listedRegion: 'us-east-1', denied: ['GetBucketPolicyStatus', 'GetBucketPolicy'] },
      { name: 'verdict', listedRegion: 'us-east-1', policy: PUBLIC_READ_POLICY, policyIsPublic: true },
    ]);
    const { s3, coverage } = await collect();
    expect(bucket(s3?.buckets, 'public')).toMatchObject({
      policyIsPublic: true,
      policyIsPublicDerived: true,
    });
    expect(bucket(s3?.buckets, 'vpce-only')).toMatchObject({
      policyIsPublic: false,
      policyIsPublicDerived: true,
    });
    expect(bucket(s3?.buckets, 'no-policy')).toMatchObject({
      policy: null,
      policyIsPublic: false,
      policyIsPublicDerived: true,
    });
    expect(bucket(s3?.buckets, 'unreadable').policyIsPublic).toBeUndefined();
    expect(bucket(s3?.buckets, 'verdict').policyIsPublic).toBe(true);
    expect(bucket(s3?.buckets, 'verdict').policyIsPublicDerived).toBeUndefined();
    expect(coverage.find((entry) => entry.operation === 'GetBucketPolicyStatus')).toMatchObject({
      status: 'denied',
      detail: 'AccessDenied: Access Denied (denied for 4 of 5 buckets)',
    });
  });

  it('records ListBuckets denied as a coverage gap, leaves buckets absent and still reads the account block', async () => {
    serveAccount([], { accountBlock: 'none' });
    aws.on('S3', 'ListBuckets', () => accessDenied());
    const { s3, coverage } = await collect();
    expect(s3?.buckets).toBeUndefined();
    expect(s3?.accountPublicAccessBlock).toBeNull();
    expect(coverage.map((entry) => [entry.operation, entry.status]).sort()).toEqual([
      ['GetAccountPublicAccessBlock', 'ok'],
      ['ListBuckets', 'denied'],
    ]);
    expect(aws.calls('S3').map((call) => call.operation)).toEqual(['ListBuckets']);
  });

  it('records the account public access block denied and keeps the buckets', async () => {
    serveAccount([{ name: 'a', listedRegion: 'us-east-1' }], { accountBlock: 'denied' });
    const { s3, coverage } = await collect();
    expect(s3?.accountPublicAccessBlock).toBeUndefined();
    expect(s3?.buckets).toHaveLength(1);
    expect(coverage.find((entry) => entry.operation === 'GetAccountPublicAccessBlock')).toMatchObject({
      status: 'denied',
      detail: 'AccessDenied: Access Denied',
    });
    expect(aws.calls('S3Control', 'GetPublicAccessBlock')[0]?.params.AccountId).toBe('111122223333');
  });

  it('retries a throttled read (SlowDown) and succeeds', async () => {
    const buckets: FakeBucket[] = [
      { name: 'busy', listedRegion: 'us-east-1', ownership: 'BucketOwnerEnforced' },
    ];
    serveAccount(buckets);
    let throttled = 0;
    aws.on('S3', 'GetBucketOwnershipControls', (request) => {
      if (throttled < 1) {
        throttled += 1;
        return s3Error('SlowDown', 'Please reduce your request rate.', 503);
      }
      const target = buckets.find((candidate) => candidate.name === request.params.Bucket);
      if (!target) throw new Error('unknown bucket');
      return bucketAnswer('GetBucketOwnershipControls', target);
    });
    const { s3, coverage } = await collect({ maxAttempts: 3 });
    expect(bucket(s3?.buckets, 'busy').objectOwnership).toBe('BucketOwnerEnforced');
    expect(aws.calls('S3', 'GetBucketOwnershipControls')).toHaveLength(2);
    expect(coverage.find((entry) => entry.operation === 'GetBucketOwnershipControls')?.status).toBe('ok');
  });

  it('files a bucket whose region cannot be read under no region and says its settings were not read', async () => {
    serveAccount([
      { name: 'hidden', denied: ['GetBucketLocation'] },
      { name: 'fine', listedRegion: 'us-east-1' },
    ]);
    const { s3, coverage } = await collect();
    expect(bucket(s3?.buckets, 'hidden')).toEqual({
      name: 'hidden',
      region: '',
      creationDate: '2024-03-01T12:00:00.000Z',
    });
    expect(aws.calls('S3', 'GetBucketAcl').map((call) => call.params.Bucket)).toEqual(['fine']);
    expect(coverage.find((entry) => entry.operation === 'GetBucketLocation')).toMatchObject({
      status: 'denied',
      detail: 'AccessDenied: Access Denied (denied for 1 of 1 buckets)',
    });
    expect(coverage.find((entry) => entry.operation === 'GetBucketAcl')).toMatchObject({
      status: 'error',
      detail: 'not read: the bucket region could not be determined (failed for 1 of 2 buckets)',
    });
  });

  it('makes one ListBuckets call and no per-bucket calls for an account without buckets', async () => {
    serveAccount([]);
    const { s3, coverage } = await collect();
    expect(s3?.buckets).toEqual([]);
    expect(aws.requests.map((request) => `${request.service}:${request.operation}`).sort()).toEqual([
      'S3:ListBuckets',
      'S3Control:GetPublicAccessBlock',
    ]);
    expect(coverage.map((entry) => entry.operation).sort()).toEqual([
      'GetAccountPublicAccessBlock',
      'ListBuckets',
    ]);
  });
});

describe('regionFromLocationConstraint', () => {
  it.each([
    [undefined, 'us-east-1'],
    [null, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['eu-central-1', 'eu-central-1'],
  ])('%s -> %s', (constraint, region) => {
    expect(regionFromLocationConstraint(constraint)).toBe(region);
  });
});

describe('policyAllowsPublicAccess', () => {
  const statement = (extra: object) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra },
    });
  it.each([
    ['Principal "*"', statement({ Principal: '*' }), true],
    ['Principal AWS "*"', statement({ Principal: { AWS: '*' } }), true],
    ['Principal AWS ["*"]', statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }), true],
    ['Allow with NotPrincipal', statement({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }), true],
    ['a fixed account', statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }), false],
    ['a service principal', statement({ Principal: { Service: 'logging.s3.amazonaws.com' } }), false],
    [
      'Deny to everyone',
      JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] }),
      false,
    ],
    [
      'pinned to an organisation',
      statement({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      false,
    ],
    [
      'pinned to a CIDR',
      statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
      false,
    ],
    [
      'a CIDR of the whole internet',
      statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }),
      true,
    ],
    [
      'a wildcard source ARN',
      statement({ Principal: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*' } } }),
      true,
    ],
    [
      'a negated condition',
      statement({ Principal: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }),
      true,
    ],
    [
      'an IfExists condition',
      statement({ Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }),
      true,
    ],
    [
      'only a TLS condition',
      statement({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      true,
    ],
  ])('%s -> %s', (_name, policy, expected) => {
    expect(policyAllowsPublicAccess(policy)).toBe(expected);
  });

  it('gives no verdict for text that is not a policy', () => {
    expect(policyAllowsPublicAccess('not json')).toBeUndefined();
    expect(policyAllowsPublicAccess(escapeXml('{"Version":"2012-10-17"}'))).toBeUndefined();
  });
});

describe('OperationTally', () => {
  const fail = (name: string, status: number) => () =>
    Promise.reject(
      Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } }),
    );

  async function report(
    calls: (() => Promise<unknown>)[],
  ): Promise<[string, CoverageStatus, string | undefined][]> {
    const tally = new OperationTally('buckets');
    for (const call of calls) await tally.run('GetBucketAcl', call);
    const entries: [string, CoverageStatus, string | undefined][] = [];
    tally.report({ cover: (operation, status, detail) => entries.push([operation, status, detail]) });
    return entries;
  }

  it('reports one ok entry when every call succeeded', async () => {
    expect(await report([async () => 1, async () => 2])).toEqual([['GetBucketAcl', 'ok', undefined]]);
  });

  it('names the first failure and counts all failures, saying "failed" when their kinds differ', async () => {
    expect(await report([async () => 1, fail('AccessDenied', 403), fail('InternalError', 500)])).toEqual([
      ['GetBucketAcl', 'denied', 'AccessDenied: AccessDenied happened (failed for 2 of 3 buckets)'],
    ]);
    expect(await report([fail('NotImplemented', 501)])).toEqual([
      ['GetBucketAcl', 'skipped', 'NotImplemented: NotImplemented happened (unavailable for 1 of 1 buckets)'],
    ]);
  });

  it('returns the value of a successful call and nothing for a failed one, never throwing', async () => {
    const tally = new OperationTally('buckets');
    expect(await tally.run('GetBucketAcl', async () => 'acl')).toEqual({ ok: true, value: 'acl' });
    expect(await tally.run('GetBucketAcl', fail('AccessDenied', 403))).toEqual({ ok: false });
  });
});
