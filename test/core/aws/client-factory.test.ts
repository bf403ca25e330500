import { GetBucketPolicyCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientSettings } from '../../../core/aws/client-factory.ts';
import {
  createClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_SOCKET_TIMEOUT_MS,
} from '../../../core/aws/client-factory.ts';
import type { LocalEndpoint, Replier } from './local-endpoint.ts';
import { startLocalEndpoint } from './local-endpoint.ts';
import { ACCOUNT_ID, callerIdentity } from './wire-replies.ts';

const credentials = { accessKeyId: 'AKIAAXIOMTESTFAKE000', secretAccessKey: 'axiom-test-secret' };

let endpoint: LocalEndpoint | undefined;

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(reply: Replier): Promise<LocalEndpoint> {
  endpoint = await startLocalEndpoint(reply);
  return endpoint;
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('no item');
  return item;
}

const bucketPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

const bucketList =
  '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
  '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID></Owner><Buckets><Bucket>' +
  '<Name>axiom-test-bucket</Name><CreationDate>2024-05-01T12:00:00.000Z</CreationDate>' +
  '<BucketRegion>us-east-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>';

const accountPublicAccessBlock =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
  '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>' +
  '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>' +
  '</PublicAccessBlockConfiguration>';

describe('createClient with an endpoint override', () => {
  it('sends STS calls to the override, signed for its host, with an axiom/<version> User-Agent', async () => {
    const local = await serve(() => callerIdentity());
    const sts = createClient(STSClient, {
      region: 'eu-west-1',
      endpoint: local.url,
      credentials,
      axiomVersion: '1.2.3',
    });

    const identity = await sts.send(new GetCallerIdentityCommand({}));

    expect(identity.Account).toBe(ACCOUNT_ID);
    const request = only(local.requests);
    expect(request.method).toBe('POST');
    expect(request.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(request.headers.host).toBe(new URL(local.url).host);
    expect(request.headers.authorization).toMatch(/Credential=AKIAAXIOMTESTFAKE000\/\d{8}\/eu-west-1\/sts\//);
    expect(request.headers.authorization).toMatch(/SignedHeaders=[^,]*\bhost\b/);
    expect(request.headers['user-agent']).toMatch(/(^| )axiom\/1\.2\.3( |$)/);
    expect(request.headers['x-amz-user-agent']).toMatch(/(^| )axiom\/1\.2\.3( |$)/);
  });

  it('still names Axiom in the User-Agent when no version is given', async () => {
    const local = await serve(() => callerIdentity());
    const sts = createClient(STSClient, { region: 'us-east-1', endpoint: local.url, credentials });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(only(local.requests).headers['user-agent']).toMatch(/(^| )axiom( |$)/);
  });

  it('addresses S3 buckets path-style on the override host, not as a bucket subdomain', async () => {
    const local = await serve((request) =>
      new URL(request.url, 'http://local').pathname === '/'
        ? { status: 200, headers: { 'content-type': 'application/xml' }, body: bucketList }
        : { status: 200, headers: { 'content-type': 'application/json' }, body: bucketPolicy },
    );
    const s3 = createClient(S3Client, { region: 'us-east-1', endpoint: local.url, credentials });

    const list = await s3.send(new ListBucketsCommand({}));
    const policy = await s3.send(new GetBucketPolicyCommand({ Bucket: 'axiom-test-bucket' }));

    expect(list.Buckets?.map((bucket) => bucket.Name)).toEqual(['axiom-test-bucket']);
    expect(policy.Policy).toBe(bucketPolicy);
    const [listRequest, policyRequest] = local.requests;
    expect(new URL(listRequest?.url ?? '', local.url).pathname).toBe('/');
    const policyUrl = new URL(policyRequest?.url ?? '', local.url);
    expect(policyUrl.pathname.replace(/\/$/, '')).toBe('/axiom-test-bucket');
    expect(policyUrl.searchParams.has('policy')).toBe(true);
    for (const request of local.requests) expect(request.headers.host).toBe(new URL(local.url).host);
  });

  it('keeps S3 Control on the override host, not {AccountId}.host; the account goes in a header', async () => {
    const local = await serve(() => ({
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: accountPublicAccessBlock,
    }));
    const s3control = createClient(S3ControlClient, {
      region: 'us-east-1',
      endpoint: local.url,
      credentials,
    });

    const block = await s3control.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT_ID }));

    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
    const request = only(local.requests);
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/v20180820/configuration/publicAccessBlock');
    expect(request.headers.host).toBe(new URL(local.url).host);
    expect(request.headers['x-amz-account-id']).toBe(ACCOUNT_ID);
    expect(request.headers.authorization).toMatch(/SignedHeaders=[^,]*\bx-amz-account-id\b/);
  });

  it('treats an empty override as none', () => {
    expect(() => createClient(STSClient, { region: 'us-east-1', endpoint: '', credentials })).not.toThrow();
  });
});

describe('createClient without an endpoint override', () => {
  it("ignores the SDK's own endpoint settings (AWS_ENDPOINT_URL): only the adapters move traffic", async () => {
    const hosts: string[] = [];
    const recordingHandler = {
      handle: async (request: { hostname: string }) => {
        hosts.push(request.hostname);
        throw new Error('recorded; not sent');
      },
    };
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    try {
      const sts = createClient(STSClient, {
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
        requestHandler: recordingHandler,
      });
      await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toThrow('recorded; not sent');
    } finally {
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = previous;
    }
    expect(hosts).toEqual(['sts.us-east-1.amazonaws.com']);
  });
});

describe('createClient timeouts', () => {
  /** The settings the client's HTTP handler runs with, once it has handled a request. */
  function handlerConfig(client: { config: object }): Record<string, unknown> {
    const handler = (client.config as { requestHandler?: { httpHandlerConfigs?(): Record<string, unknown> } })
      .requestHandler;
    return handler?.httpHandlerConfigs?.() ?? {};
  }

  /** An STS client from the factory, one attempt per call, pointed at a local endpoint that never answers. */
  async function silentSts(settings: Partial<ClientSettings> = {}) {
    const local = await serve(() => 'silence');
    const sts = createClient(STSClient, {
      region: 'us-east-1',
      endpoint: local.url,
      credentials,
      maxAttempts: 1,
      ...settings,
    });
    return { local, sts };
  }

  it('fails an attempt whose socket stays silent past socketTimeoutMs instead of hanging', async () => {
    const { local, sts } = await silentSts({ socketTimeoutMs: 200 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(local.requests).toHaveLength(1);
  });

  it('applies default connect and socket timeouts', async () => {
    const local = await serve(() => callerIdentity());
    const sts = createClient(STSClient, { region: 'us-east-1', endpoint: local.url, credentials });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(handlerConfig(sts)).toMatchObject({
      connectionTimeout: DEFAULT_CONNECT_TIMEOUT_MS,
      socketTimeout: DEFAULT_SOCKET_TIMEOUT_MS,
    });
  });

  it("lets more calls be in flight at once than the SDK's default of 50 sockets", async () => {
    const { local, sts } = await silentSts();
    const stop = new AbortController();
    const calls = Array.from({ length: 80 }, () =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal: stop.signal }).catch(() => undefined),
    );
    // With the SDK's agent, 30 of them would wait for a socket that never frees up.
    await vi.waitFor(() => expect(local.requests).toHaveLength(80), { timeout: 5_000 });
    stop.abort();
    await Promise.all(calls);
    sts.destroy();
  });

  it('applies the timeouts it is given', async () => {
    const local = await serve(() => callerIdentity());
    const sts = createClient(STSClient, {
      region: 'us-east-1',
      endpoint: local.url,
      credentials,
      connectTimeoutMs: 1_500,
      socketTimeoutMs: 12_000,
    });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(handlerConfig(sts)).toMatchObject({ connectionTimeout: 1_500, socketTimeout: 12_000 });
  });
});

describe('createClient signers', () => {
  it('builds one signer per auth scheme and reuses it, not one per request', async () => {
    const s3 = createClient(S3Client, { region: 'eu-west-1', credentials });
    const signer = s3.config.signer as (scheme?: unknown) => Promise<unknown>;
    const scheme = { name: 'sigv4', signingName: 's3', signingRegion: 'eu-west-1' };
    const first = await signer(scheme);
    expect(await signer({ ...scheme })).toBe(first);
    expect(await signer({ ...scheme, signingRegion: 'us-east-1' })).not.toBe(first);
  });

  it('still asks for credentials on every request: rotated keys sign the next request', async () => {
    const local = await serve(() => callerIdentity());
    let issued = 0;
    const sts = createClient(STSClient, {
      region: 'eu-west-1',
      endpoint: local.url,
      // Marked memoized, as a Session's provider is, so the SDK asks it on every request instead of caching.
      credentials: Object.assign(
        async () => {
          issued += 1;
          return { ...credentials, accessKeyId: `AKIAAXIOMTESTROTATE${issued}` };
        },
        { memoized: true },
      ),
    });
    await sts.send(new GetCallerIdentityCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    const keys = local.requests.map(
      (request) => /Credential=(\w+)\//.exec(request.headers.authorization ?? '')?.[1],
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.every((key) => key?.startsWith('AKIAAXIOMTESTROTATE'))).toBe(true);
  });
});

describe('createClient settings checks', () => {
  const base: ClientSettings = { region: 'us-east-1', credentials };

  it.each(['localhost:4566', 'not a url', 'ftp://127.0.0.1/', '/relative/path'])(
    "refuses the endpoint override '%s', naming it",
    (endpointOverride) => {
      expect(() => createClient(STSClient, { ...base, endpoint: endpointOverride })).toThrow(
        expect.objectContaining({
          code: 'invalid_endpoint',
          message: expect.stringContaining(`'${endpointOverride}'`),
        }),
      );
    },
  );

  it.each([
    { maxAttempts: 0 },
    { maxAttempts: 2.5 },
    { connectTimeoutMs: -1 },
    { socketTimeoutMs: Number.NaN },
  ])('refuses %o', (bad) => {
    const name = Object.keys(bad)[0] ?? '';
    expect(() => createClient(STSClient, { ...base, ...bad })).toThrow(
      expect.objectContaining({ code: 'invalid_client_settings', message: expect.stringContaining(name) }),
    );
  });
});
