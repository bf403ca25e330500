import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import {
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ec2Error,
  ec2Response,
  type FakeAws,
  json,
  jsonError,
  queryError,
  queryResponse,
  s3Error,
  startFakeAws,
  stsAssumeRoleResponse,
  stsCallerIdentityResponse,
  xml,
} from './fake-aws.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

/** The SDK error a promise rejects with, for assertions on its shape. */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

describe('fake AWS: AWS Query (STS, IAM)', () => {
  it('answers STS in real STS XML and records form parameters and headers', async () => {
    aws.on('STS', 'AssumeRole', () =>
      stsAssumeRoleResponse({
        accessKeyId: 'ASIAEXAMPLE000000001',
        secretAccessKey: 'secret',
        sessionToken: 'token',
        expiration: new Date('2030-01-01T01:00:00Z'),
        arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/s1',
        assumedRoleId: 'AROAEXAMPLE:s1',
      }),
    );
    const sts = new STSClient(aws.settings);
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111122223333:role/axiom-readonly',
        RoleSessionName: 's1',
        ExternalId: 'ext-1',
      }),
    );
    expect(out.Credentials?.AccessKeyId).toBe('ASIAEXAMPLE000000001');
    expect(out.Credentials?.SecretAccessKey).toBe('secret');
    expect(out.Credentials?.SessionToken).toBe('token');
    expect(out.Credentials?.Expiration?.toISOString()).toBe('2030-01-01T01:00:00.000Z');
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111122223333:assumed-role/axiom-readonly/s1');
    expect(out.AssumedRoleUser?.AssumedRoleId).toBe('AROAEXAMPLE:s1');

    const [call] = aws.calls('STS', 'AssumeRole');
    expect(call).toMatchObject({
      service: 'STS',
      operation: 'AssumeRole',
      protocol: 'query',
      handled: true,
      params: {
        RoleArn: 'arn:aws:iam::111122223333:role/axiom-readonly',
        RoleSessionName: 's1',
        ExternalId: 'ext-1',
      },
    });
    expect(call?.headers.authorization).toContain(`Credential=${aws.settings.credentials.accessKeyId}/`);
  });

  it('parses GetCallerIdentity', async () => {
    aws.on('STS', 'GetCallerIdentity', () =>
      stsCallerIdentityResponse({
        account: '111122223333',
        arn: 'arn:aws:iam::111122223333:user/u',
        userId: 'AIDA1',
      }),
    );
    const out = await new STSClient(aws.settings).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/u',
      UserId: 'AIDA1',
    });
  });

  it('turns queryError into the SDK error with code, message and status', async () => {
    aws.on('STS', 'GetCallerIdentity', () =>
      queryError('InvalidClientTokenId', 'The token is invalid.', 403),
    );
    const error = await rejection(new STSClient(aws.settings).send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.message).toBe('The token is invalid.');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
  });

  it('routes IAM by its Query version and parses a generic queryResponse', async () => {
    aws.on('IAM', 'ListRoles', (request) => {
      expect(request.params.MaxItems).toBe('10');
      return queryResponse(
        'ListRoles',
        '<IsTruncated>false</IsTruncated><Roles><member><Path>/</Path><RoleName>r1</RoleName>' +
          '<RoleId>AROA1</RoleId><Arn>arn:aws:iam::111122223333:role/r1</Arn>' +
          '<CreateDate>2024-01-01T00:00:00Z</CreateDate></member></Roles>',
      );
    });
    const out = await new IAMClient(aws.settings).send(new ListRolesCommand({ MaxItems: 10 }));
    expect(out.Roles?.map((role) => role.RoleName)).toEqual(['r1']);
  });
});

describe('fake AWS: EC2 Query', () => {
  it('answers EC2 in its own envelope', async () => {
    aws.on('EC2', 'DescribeRegions', () =>
      ec2Response(
        'DescribeRegions',
        '<regionInfo><item><regionName>eu-west-2</regionName><regionEndpoint>ec2.eu-west-2.amazonaws.com</regionEndpoint>' +
          '<optInStatus>opt-in-not-required</optInStatus></item></regionInfo>',
      ),
    );
    const out = await new EC2Client(aws.settings).send(new DescribeRegionsCommand({ AllRegions: false }));
    expect(out.Regions?.map((region) => region.RegionName)).toEqual(['eu-west-2']);
    expect(aws.calls('EC2')[0]).toMatchObject({ protocol: 'ec2', params: { AllRegions: 'false' } });
  });

  it('turns ec2Error into the SDK error', async () => {
    aws.on('EC2', 'DescribeRegions', () => ec2Error('UnauthorizedOperation', 'You are not authorized.', 403));
    const error = await rejection(new EC2Client(aws.settings).send(new DescribeRegionsCommand({})));
    expect(error.name).toBe('UnauthorizedOperation');
    expect(error.message).toBe('You are not authorized.');
  });
});

describe('fake AWS: AWS JSON', () => {
  it('answers JSON 1.1 (CloudWatch Logs) by X-Amz-Target and records the JSON body', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', (request) => {
      expect(request.params).toEqual({ limit: 5 });
      return json({ logGroups: [{ logGroupName: '/app', retentionInDays: 7 }] });
    });
    const out = await new CloudWatchLogsClient(aws.settings).send(new DescribeLogGroupsCommand({ limit: 5 }));
    expect(out.logGroups).toEqual([{ logGroupName: '/app', retentionInDays: 7 }]);
    expect(aws.calls('CloudWatchLogs', 'DescribeLogGroups')[0]?.protocol).toBe('json');
  });

  it('turns jsonError into the SDK error', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => jsonError('AccessDeniedException', 'Not allowed.'));
    const error = await rejection(
      new CloudWatchLogsClient(aws.settings).send(new DescribeLogGroupsCommand({})),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe('Not allowed.');
  });

  it('answers JSON 1.0 (CloudWatch, query-compatible)', async () => {
    aws.on('CloudWatch', 'ListMetrics', (request) => {
      expect(request.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.ListMetrics');
      return json({ Metrics: [{ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }] });
    });
    const out = await new CloudWatchClient(aws.settings).send(
      new ListMetricsCommand({ Namespace: 'AWS/EC2' }),
    );
    expect(out.Metrics?.[0]?.MetricName).toBe('CPUUtilization');
  });
});

describe('fake AWS: REST-XML (S3, S3 Control)', () => {
  const s3 = () => new S3Client({ ...aws.settings, forcePathStyle: true });

  it('names S3 operations from method, path and query, with the bucket as a parameter', async () => {
    aws.on('S3', 'ListBuckets', () =>
      xml(
        '<ListAllMyBucketsResult><Buckets><Bucket><Name>b1</Name><CreationDate>2024-01-01T00:00:00Z</CreationDate>' +
          '</Bucket></Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>',
      ),
    );
    aws.on('S3', 'GetBucketAcl', (request) => {
      expect(request.params.Bucket).toBe('b1');
      return xml(
        '<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant>' +
          '<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>' +
          '<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>',
      );
    });
    expect((await s3().send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name)).toEqual([
      'b1',
    ]);
    const acl = await s3().send(new GetBucketAclCommand({ Bucket: 'b1' }));
    expect(acl.Grants?.[0]?.Grantee?.URI).toBe('http://acs.amazonaws.com/groups/global/AllUsers');
    expect(aws.requests.map((request) => `${request.service}:${request.operation}`)).toEqual([
      'S3:ListBuckets',
      'S3:GetBucketAcl',
    ]);
  });

  it('turns s3Error into the SDK error, and a bodiless 404 for HEAD', async () => {
    aws.on('S3', 'GetBucketPolicy', () =>
      s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404),
    );
    aws.on('S3', 'HeadBucket', () => ({ status: 404, headers: {}, body: '' }));
    const error = await rejection(s3().send(new GetBucketPolicyCommand({ Bucket: 'b1' })));
    expect(error.name).toBe('NoSuchBucketPolicy');
    expect(error.message).toBe('The bucket policy does not exist');
    const head = await rejection(s3().send(new HeadBucketCommand({ Bucket: 'gone' })));
    expect(head.name).toBe('NotFound');
  });

  it('serves S3 Control, whose host carries the account id, through the loopback handler', async () => {
    aws.on('S3Control', 'GetPublicAccessBlock', (request) => {
      expect(request.params.AccountId).toBe('111122223333');
      return xml(
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>' +
          '<BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>' +
          '</PublicAccessBlockConfiguration>',
      );
    });
    const client = new S3ControlClient({
      ...aws.settings,
      endpoint: aws.localhostUrl,
      requestHandler: aws.loopbackRequestHandler,
    });
    const out = await client.send(new GetPublicAccessBlockCommand({ AccountId: '111122223333' }));
    expect(out.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
  });
});

describe('fake AWS: what a test forgot', () => {
  it('answers an unregistered operation with a 501 naming the handler to register, once (no retries)', async () => {
    const sts = new STSClient({ ...aws.settings, maxAttempts: 3 });
    const error = await rejection(sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('FakeAwsNotImplemented');
    expect(error.message).toContain(`aws.on('STS', 'GetCallerIdentity', handler)`);
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(501);
    expect(aws.requests).toHaveLength(1);
    expect(aws.requests[0]?.handled).toBe(false);
  });

  it('reports a handler that throws in the protocol of the request', async () => {
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => {
      throw new Error('boom');
    });
    const error = await rejection(
      new CloudWatchLogsClient(aws.settings).send(new DescribeLogGroupsCommand({})),
    );
    expect(error.name).toBe('FakeAwsHandlerFailed');
    expect(error.message).toContain('boom');
  });
});
