/**
 * S3 and S3 Control (REST-XML) for the benchmark's fake AWS: ListBuckets (with each bucket's region when a page
 * size is asked for, as S3 does), every per-bucket configuration read the collector and a per-entity scanner make,
 * S3's "not configured" errors for settings a bucket lacks, a redirect for a bucket read in the wrong region, and
 * the account-level Block Public Access.
 */
import type { AccountData, BucketData } from '../synthetic-account.ts';
import { element, page, pageSize, type Reply, s3Error, type WireRequest, xml } from './wire.ts';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** The operation a path-style S3 request is for: by its sub-resource query key. */
const SUBRESOURCES: Record<string, string> = {
  location: 'GetBucketLocation',
  publicAccessBlock: 'GetPublicAccessBlock',
  policyStatus: 'GetBucketPolicyStatus',
  policy: 'GetBucketPolicy',
  acl: 'GetBucketAcl',
  ownershipControls: 'GetBucketOwnershipControls',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  lifecycle: 'GetBucketLifecycleConfiguration',
  logging: 'GetBucketLogging',
  tagging: 'GetBucketTagging',
  website: 'GetBucketWebsite',
  cors: 'GetBucketCors',
  replication: 'GetBucketReplication',
};

/** Service, operation and bucket of a REST request; undefined when it is none the fake serves. */
export function routeS3(
  method: string,
  path: string,
  query: URLSearchParams,
): { service: string; operation: string; bucket?: string } | undefined {
  if (path.startsWith('/v20180820/configuration/publicAccessBlock'))
    return { service: 'S3Control', operation: 'GetPublicAccessBlock' };
  if (method !== 'GET') return undefined;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { service: 'S3', operation: 'ListBuckets' };
  if (segments.length !== 1) return undefined;
  for (const key of query.keys()) {
    const operation = SUBRESOURCES[key];
    if (operation) return { service: 'S3', operation, bucket: decodeURIComponent(segments[0] ?? '') };
  }
  return undefined;
}

function pabXml([acls, ignore, policy, restrict]: readonly boolean[]): string {
  return (
    `<PublicAccessBlockConfiguration xmlns="${NS}">${element('BlockPublicAcls', acls)}${element('IgnorePublicAcls', ignore)}` +
    `${element('BlockPublicPolicy', policy)}${element('RestrictPublicBuckets', restrict)}</PublicAccessBlockConfiguration>`
  );
}

function listBuckets(account: AccountData, params: Record<string, unknown>): Reply {
  // S3 includes BucketRegion only when the request is paginated (max-buckets), and then pages at most 10,000.
  const paginated = params['max-buckets'] !== undefined;
  const size = paginated ? pageSize(params['max-buckets'], 10_000) : 10_000;
  const slice = page(account.buckets, params['continuation-token'], Math.min(size, 10_000));
  const items = slice.items
    .map(
      (bucket) =>
        `<Bucket>${element('Name', bucket.name)}${element('CreationDate', bucket.creationDate)}` +
        `${paginated ? element('BucketRegion', bucket.region) : ''}</Bucket>`,
    )
    .join('');
  return xml(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${NS}"><Buckets>${items}</Buckets>` +
      `<Owner><DisplayName>ops</DisplayName><ID>${OWNER}</ID></Owner>${element('ContinuationToken', slice.next)}</ListAllMyBucketsResult>`,
  );
}

function notConfigured(code: string, message: string): Reply {
  return s3Error(code, message, 404);
}

function bucketAnswer(operation: string, bucket: BucketData): Reply {
  switch (operation) {
    case 'GetBucketLocation':
      return xml(
        bucket.region === 'us-east-1'
          ? `<LocationConstraint xmlns="${NS}"/>`
          : `<LocationConstraint xmlns="${NS}">${bucket.region}</LocationConstraint>`,
      );
    case 'GetPublicAccessBlock':
      return bucket.publicAccessBlock
        ? xml(pabXml(bucket.publicAccessBlock))
        : notConfigured(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
          );
    case 'GetBucketPolicyStatus':
      return bucket.policy
        ? xml(`<PolicyStatus xmlns="${NS}">${element('IsPublic', bucket.policyIsPublic)}</PolicyStatus>`)
        : notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist');
    case 'GetBucketPolicy':
      // The policy is the raw body, not XML.
      return bucket.policy
        ? {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(bucket.policy),
          }
        : notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist');
    case 'GetBucketAcl': {
      const publicGrant = bucket.publicRead
        ? `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${ALL_USERS}</URI></Grantee><Permission>READ</Permission></Grant>`
        : '';
      return xml(
        `<AccessControlPolicy xmlns="${NS}"><Owner><ID>${OWNER}</ID></Owner><AccessControlList>` +
          `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER}</ID></Grantee>` +
          `<Permission>FULL_CONTROL</Permission></Grant>${publicGrant}</AccessControlList></AccessControlPolicy>`,
      );
    }
    case 'GetBucketOwnershipControls':
      return bucket.ownership
        ? xml(
            `<OwnershipControls xmlns="${NS}"><Rule>${element('ObjectOwnership', bucket.ownership)}</Rule></OwnershipControls>`,
          )
        : notConfigured('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found');
    case 'GetBucketEncryption':
      return bucket.encryption
        ? xml(
            `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault>` +
              `${element('SSEAlgorithm', bucket.encryption)}</ApplyServerSideEncryptionByDefault>` +
              '<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
          )
        : notConfigured(
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
          );
    case 'GetBucketVersioning':
      return xml(
        bucket.versioning
          ? `<VersioningConfiguration xmlns="${NS}">${element('Status', bucket.versioning)}</VersioningConfiguration>`
          : `<VersioningConfiguration xmlns="${NS}"/>`,
      );
    case 'GetBucketLifecycleConfiguration':
      return bucket.lifecycle
        ? xml(
            `<LifecycleConfiguration xmlns="${NS}"><Rule><ID>expire-old</ID><Filter><Prefix></Prefix></Filter>` +
              '<Status>Enabled</Status><Expiration><Days>365</Days></Expiration>' +
              '<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>' +
              '</Rule></LifecycleConfiguration>',
          )
        : notConfigured('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
    case 'GetBucketLogging':
      return xml(
        bucket.loggingTarget
          ? `<BucketLoggingStatus xmlns="${NS}"><LoggingEnabled>${element('TargetBucket', bucket.loggingTarget)}` +
              `${element('TargetPrefix', `${bucket.name}/`)}</LoggingEnabled></BucketLoggingStatus>`
          : `<BucketLoggingStatus xmlns="${NS}"/>`,
      );
    case 'GetBucketTagging':
      return xml(
        `<Tagging xmlns="${NS}"><TagSet>${Object.entries(bucket.tags)
          .map(([key, value]) => `<Tag>${element('Key', key)}${element('Value', value)}</Tag>`)
          .join('')}</TagSet></Tagging>`,
      );
    case 'GetBucketWebsite':
      return notConfigured(
        'NoSuchWebsiteConfiguration',
        'The specified bucket does not have a website configuration',
      );
    case 'GetBucketCors':
      return notConfigured('NoSuchCORSConfiguration', 'The CORS configuration does not exist');
    case 'GetBucketReplication':
      return notConfigured(
        'ReplicationConfigurationNotFoundError',
        'The replication configuration was not found',
      );
    default:
      return s3Error('NotImplemented', `bench fake AWS does not serve ${operation}`, 501);
  }
}

/** Answers one S3 or S3 Control request. */
export function answerS3(
  request: WireRequest,
  account: AccountData,
  buckets: Map<string, BucketData>,
): Reply {
  if (request.service === 'S3Control') return xml(pabXml([true, true, true, false]));
  if (request.operation === 'ListBuckets') return listBuckets(account, request.params);
  const bucket = buckets.get(request.bucket ?? '');
  if (!bucket) return s3Error('NoSuchBucket', 'The specified bucket does not exist', 404);
  // Any region may ask where a bucket is; everything else must go to the bucket's own region.
  if (request.operation !== 'GetBucketLocation' && bucket.region !== request.region)
    return s3Error(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint.',
      301,
      {
        'x-amz-bucket-region': bucket.region,
      },
    );
  return bucketAnswer(request.operation, bucket);
}
