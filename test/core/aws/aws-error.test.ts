import { createServer, type Server } from 'node:net';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClassifiedAwsError, classifyAwsError } from '../../../core/aws/aws-error.ts';
import { type ClientSettings, createClient } from '../../../core/aws/client-factory.ts';
import {
  ec2Error,
  type FakeAws,
  type FakeResponse,
  jsonError,
  queryError,
  s3Error,
  startFakeAws,
} from '../../helpers/fake-aws.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

/** The services the table covers, each with one cheap call, so each wire protocol's errors are exercised. */
type Wire = 'IAM' | 'STS' | 'RDS' | 'EC2' | 'Logs' | 'CloudWatch' | 'S3';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Makes `wire`'s call answer `reply` and returns the SDK error it raises. */
function sdkError(wire: Wire, reply: FakeResponse, settings: Partial<ClientSettings> = {}): Promise<unknown> {
  const base: ClientSettings = { ...aws.settings, ...settings };
  switch (wire) {
    case 'IAM':
      aws.on('IAM', 'GetAccountSummary', () => reply);
      return rejectionOf(createClient(IAMClient, base).send(new GetAccountSummaryCommand({})));
    case 'STS':
      aws.on('STS', 'GetCallerIdentity', () => reply);
      return rejectionOf(createClient(STSClient, base).send(new GetCallerIdentityCommand({})));
    case 'RDS':
      aws.on('RDS', 'DescribeDBInstances', () => reply);
      return rejectionOf(createClient(RDSClient, base).send(new DescribeDBInstancesCommand({})));
    case 'EC2':
      aws.on('EC2', 'DescribeInstances', () => reply);
      return rejectionOf(createClient(EC2Client, base).send(new DescribeInstancesCommand({})));
    case 'Logs':
      aws.on('CloudWatchLogs', 'DescribeLogGroups', () => reply);
      return rejectionOf(createClient(CloudWatchLogsClient, base).send(new DescribeLogGroupsCommand({})));
    case 'CloudWatch':
      aws.on('CloudWatch', 'GetMetricData', () => reply);
      return rejectionOf(
        createClient(CloudWatchClient, base).send(
          new GetMetricDataCommand({
            StartTime: new Date(0),
            EndTime: new Date(3_600_000),
            MetricDataQueries: [],
          }),
        ),
      );
    case 'S3':
      aws.on('S3', 'ListBuckets', () => reply);
      return rejectionOf(createClient(S3Client, base).send(new ListBucketsCommand({})));
  }
}

/** CloudWatch's JSON 1.0 error, with the query-compatible code header the SDK reads the code from. */
function cloudWatchError(code: string, message: string, status: number): FakeResponse {
  const reply = jsonError(`com.amazonaws.cloudwatch#${code}`, message, status);
  return {
    ...reply,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-query-error': `${code};${status >= 500 ? 'Receiver' : 'Sender'}`,
    },
  };
}

const who = 'User: arn:aws:sts::111122223333:assumed-role/axiom-readonly/s is not authorized to perform:';

describe('classifyAwsError: denied, with where the denial came from', () => {
  const cases: [string, Wire, FakeResponse, Partial<ClassifiedAwsError>][] = [
    [
      'SCP (Query)',
      'IAM',
      queryError(
        'AccessDenied',
        `${who} iam:GetAccountSummary with an explicit deny in a service control policy`,
        403,
      ),
      { kind: 'denied', code: 'AccessDenied', httpStatus: 403, denialSource: 'service-control-policy' },
    ],
    [
      'SCP, implicit (EC2 envelope)',
      'EC2',
      ec2Error(
        'UnauthorizedOperation',
        `You are not authorized to perform this operation. ${who} ec2:DescribeInstances because no service control policy allows the ec2:DescribeInstances action`,
        403,
      ),
      { kind: 'denied', code: 'UnauthorizedOperation', denialSource: 'service-control-policy' },
    ],
    [
      'RCP (REST-XML)',
      'S3',
      s3Error(
        'AccessDenied',
        `${who} s3:ListAllMyBuckets with an explicit deny in a resource control policy`,
        403,
      ),
      { kind: 'denied', code: 'AccessDenied', denialSource: 'resource-control-policy' },
    ],
    [
      'VPC endpoint policy (REST-XML)',
      'S3',
      s3Error(
        'AccessDenied',
        `${who} s3:ListAllMyBuckets because no VPC endpoint policy allows the s3:ListAllMyBuckets action`,
        403,
      ),
      { kind: 'denied', denialSource: 'vpc-endpoint-policy' },
    ],
    [
      'permissions boundary (JSON 1.1, HTTP 400)',
      'Logs',
      jsonError(
        'AccessDeniedException',
        `${who} logs:DescribeLogGroups because no permissions boundary allows the logs:DescribeLogGroups action`,
        400,
      ),
      {
        kind: 'denied',
        code: 'AccessDeniedException',
        httpStatus: 400,
        denialSource: 'permissions-boundary',
      },
    ],
    [
      'session policy (Query)',
      'RDS',
      queryError(
        'AccessDenied',
        `${who} rds:DescribeDBInstances because no session policy allows the rds:DescribeDBInstances action`,
        403,
      ),
      { kind: 'denied', denialSource: 'session-policy' },
    ],
    [
      'resource-based policy (REST-XML)',
      'S3',
      s3Error(
        'AccessDenied',
        `${who} s3:ListAllMyBuckets with an explicit deny in a resource-based policy`,
        403,
      ),
      { kind: 'denied', denialSource: 'resource-policy' },
    ],
    [
      'explicit deny in an identity-based policy (JSON 1.0, query-compatible)',
      'CloudWatch',
      cloudWatchError(
        'AccessDenied',
        `${who} cloudwatch:GetMetricData with an explicit deny in an identity-based policy`,
        403,
      ),
      { kind: 'denied', code: 'AccessDenied', denialSource: 'explicit-deny' },
    ],
    [
      'missing permission (Query)',
      'IAM',
      queryError(
        'AccessDenied',
        `${who} iam:GetAccountSummary because no identity-based policy allows the iam:GetAccountSummary action`,
        403,
      ),
      { kind: 'denied', denialSource: 'missing-permission' },
    ],
    [
      'an unknown code with HTTP 403',
      'RDS',
      queryError('SomethingNew', 'no', 403),
      { kind: 'denied', code: 'SomethingNew', denialSource: 'missing-permission' },
    ],
    [
      'AllAccessDisabled (REST-XML)',
      'S3',
      s3Error('AllAccessDisabled', 'All access to this object has been disabled', 403),
      { kind: 'denied' },
    ],
  ];
  it.each(cases)('%s', async (_name, wire, reply, expected) => {
    expect(classifyAwsError(await sdkError(wire, reply))).toMatchObject(expected);
  });

  it('keeps AWS’s message as sent', async () => {
    const message = `${who} iam:GetAccountSummary with an explicit deny in a service control policy`;
    const failure = classifyAwsError(await sdkError('IAM', queryError('AccessDenied', message, 403)));
    expect(failure.message).toBe(message);
  });
});

describe('classifyAwsError: other kinds', () => {
  const cases: [string, Wire, FakeResponse, Partial<ClassifiedAwsError>][] = [
    [
      'Throttling (Query)',
      'IAM',
      queryError('Throttling', 'Rate exceeded', 400),
      { kind: 'throttled', code: 'Throttling' },
    ],
    [
      'ThrottlingException (JSON)',
      'Logs',
      jsonError('ThrottlingException', 'Rate exceeded', 400),
      { kind: 'throttled' },
    ],
    [
      'RequestLimitExceeded (EC2, 503)',
      'EC2',
      ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503),
      { kind: 'throttled', httpStatus: 503 },
    ],
    [
      'SlowDown (S3, 503)',
      'S3',
      s3Error('SlowDown', 'Please reduce your request rate.', 503),
      { kind: 'throttled' },
    ],
    [
      'HTTP 429 with an unknown code',
      'Logs',
      jsonError('TooManyRequests', 'slow down', 429),
      { kind: 'throttled' },
    ],
    [
      'NotImplemented (501)',
      'IAM',
      queryError('NotImplemented', 'not implemented', 501),
      { kind: 'unimplemented' },
    ],
    [
      'InvalidAction (Query, 400)',
      'RDS',
      queryError('InvalidAction', 'The action DescribeDBInstances is not valid for this web service.', 400),
      { kind: 'unimplemented' },
    ],
    [
      'UnknownOperationException (JSON)',
      'Logs',
      jsonError('UnknownOperationException', '', 400),
      { kind: 'unimplemented' },
    ],
    [
      'the fake’s own unregistered 501',
      'EC2',
      ec2Error('FakeAwsNotImplemented', 'no handler', 501),
      { kind: 'unimplemented' },
    ],
    [
      'ExpiredToken (STS, 400)',
      'STS',
      queryError('ExpiredToken', 'The security token included in the request is expired', 400),
      { kind: 'credentials', code: 'ExpiredToken' },
    ],
    [
      'InvalidClientTokenId is credentials, not denied, despite its 403',
      'STS',
      queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      { kind: 'credentials', httpStatus: 403 },
    ],
    [
      'SignatureDoesNotMatch (403)',
      'IAM',
      queryError('SignatureDoesNotMatch', 'The request signature we calculated does not match.', 403),
      { kind: 'credentials' },
    ],
    [
      'AuthFailure (EC2, 401)',
      'EC2',
      ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401),
      { kind: 'credentials' },
    ],
    [
      'InvalidAccessKeyId (S3, 403)',
      'S3',
      s3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
      { kind: 'credentials' },
    ],
    [
      'UnrecognizedClientException (JSON)',
      'Logs',
      jsonError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
      { kind: 'credentials' },
    ],
    [
      'ExpiredToken (CloudWatch, JSON 1.0)',
      'CloudWatch',
      cloudWatchError('ExpiredToken', 'expired', 403),
      { kind: 'credentials', code: 'ExpiredToken' },
    ],
    [
      'NoSuchEntity (IAM, 404)',
      'IAM',
      queryError('NoSuchEntity', 'The user cannot be found.', 404),
      { kind: 'not-found', code: 'NoSuchEntity' },
    ],
    [
      'DBInstanceNotFound (RDS)',
      'RDS',
      queryError('DBInstanceNotFound', 'DBInstance db1 not found.', 404),
      { kind: 'not-found', code: 'DBInstanceNotFound' },
    ],
    [
      'ResourceNotFoundException (JSON, HTTP 400)',
      'Logs',
      jsonError('ResourceNotFoundException', 'The specified log group does not exist.', 400),
      { kind: 'not-found' },
    ],
    [
      'InvalidInstanceID.NotFound (EC2)',
      'EC2',
      ec2Error('InvalidInstanceID.NotFound', "The instance ID 'i-1' does not exist", 400),
      { kind: 'not-found' },
    ],
    [
      'InternalFailure (500)',
      'IAM',
      queryError('InternalFailure', 'internal', 500),
      { kind: 'error', httpStatus: 500 },
    ],
    [
      'ValidationError (400)',
      'IAM',
      queryError('ValidationError', '1 validation error detected', 400),
      { kind: 'error', code: 'ValidationError' },
    ],
  ];
  it.each(cases)('%s', async (_name, wire, reply, expected) => {
    expect(classifyAwsError(await sdkError(wire, reply))).toMatchObject(expected);
  });

  it('a bodiless 404 (S3 HEAD) is not-found', async () => {
    aws.on('S3', 'HeadBucket', () => ({ status: 404, headers: {}, body: '' }));
    // HeadBucket is outside Axiom's catalogue, so the guard would refuse it: a plain client stands in.
    const s3 = new S3Client({ ...aws.settings, forcePathStyle: true });
    const error = await rejectionOf(s3.send(new HeadBucketCommand({ Bucket: 'gone' })));
    expect(classifyAwsError(error)).toMatchObject({ kind: 'not-found', code: 'NotFound', httpStatus: 404 });
  });

  it('no credentials at all (the SDK provider chain) is credentials', async () => {
    const error = await rejectionOf(
      createClient(S3Client, {
        region: 'us-east-1',
        endpoint: aws.url,
        maxAttempts: 1,
        credentials: fromIni({
          profile: 'axiom-missing',
          filepath: '/nonexistent/credentials',
          configFilepath: '/nonexistent/config',
        }),
      }).send(new ListBucketsCommand({})),
    );
    expect(classifyAwsError(error)).toMatchObject({ kind: 'credentials', code: 'CredentialsProviderError' });
    expect(aws.requests).toEqual([]);
  });
});

describe('classifyAwsError: the network', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // Accepts connections and hangs up at once: what a proxy or a crashed emulator does.
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const free = typeof address === 'object' && address !== null ? address.port : 0;
    const error = await rejectionOf(
      createClient(STSClient, { ...aws.settings, endpoint: `http://127.0.0.1:${free}` }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(classifyAwsError(error)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('a connection closed without an answer', async () => {
    const error = await rejectionOf(
      createClient(STSClient, { ...aws.settings, endpoint: `http://127.0.0.1:${port}` }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(classifyAwsError(error).kind).toBe('network');
  });
});

describe('classifyAwsError: anything else', () => {
  it.each([
    ['a string', 'boom', { kind: 'error', code: 'Unknown', message: 'boom' }],
    ['null', null, { kind: 'error', code: 'Unknown', message: 'null' }],
    ['a plain Error', new Error('bad'), { kind: 'error', code: 'Error', message: 'bad' }],
  ])('%s', (_name, value, expected) => {
    expect(classifyAwsError(value)).toEqual(expected);
  });

  it('never throws, whatever the shape', () => {
    const hostile = {
      get $metadata(): never {
        throw new Error('no');
      },
    };
    expect(() => classifyAwsError(hostile)).not.toThrow();
  });
});
