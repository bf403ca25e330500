import { describe, expect, it } from 'vitest';
import { awsEnvironment } from '../../cli/aws-env.ts';

describe('awsEnvironment', () => {
  it('defaults to us-east-1 and no endpoint or keys', () => {
    expect(awsEnvironment({})).toEqual({ region: 'us-east-1' });
  });

  it('AWS_REGION wins over AWS_DEFAULT_REGION, and says where the region came from', () => {
    expect(awsEnvironment({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).toMatchObject({
      region: 'eu-west-1',
      regionVariable: 'AWS_REGION',
    });
    expect(awsEnvironment({ AWS_DEFAULT_REGION: 'us-west-2' })).toMatchObject({
      region: 'us-west-2',
      regionVariable: 'AWS_DEFAULT_REGION',
    });
    expect(awsEnvironment({ AWS_REGION: '' })).toEqual({ region: 'us-east-1' });
  });

  it('takes AWS_ENDPOINT_URL as the endpoint override', () => {
    expect(awsEnvironment({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).endpoint).toBe(
      'http://127.0.0.1:4566',
    );
  });

  it('static keys need both variables; the session token comes along', () => {
    expect(awsEnvironment({ AWS_ACCESS_KEY_ID: 'AKIA1' }).credentials).toBeUndefined();
    expect(awsEnvironment({ AWS_SECRET_ACCESS_KEY: 's' }).credentials).toBeUndefined();
    expect(awsEnvironment({ AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's' }).credentials).toEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 's',
    });
    expect(
      awsEnvironment({ AWS_ACCESS_KEY_ID: 'ASIA1', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't' })
        .credentials,
    ).toEqual({ accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't' });
  });

  it('like the SDK, AWS_PROFILE wins over keys in the environment', () => {
    expect(
      awsEnvironment({ AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's', AWS_PROFILE: 'prod' })
        .credentials,
    ).toBeUndefined();
  });
});
