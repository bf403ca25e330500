import type { EndpointParameters, EndpointV2 } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { parseEndpointOverride, pinToOverrideHost } from '../../../core/aws/endpoint-override.ts';

const signing = { name: 'sigv4', signingName: 's3', signingRegion: 'us-east-1', properties: {} };

/** An endpoint resolver that prefixes the host the way S3 Control's rules do, recording what it was asked. */
function prefixingResolver(seen: EndpointParameters[]) {
  return {
    endpointProvider(params: EndpointParameters): EndpointV2 {
      seen.push(params);
      const prefix = params.RequiresAccountId === true ? `${String(params.AccountId)}.` : '';
      return {
        url: new URL(`http://${prefix}emulator.test:4566/v20180820/configuration`),
        properties: { authSchemes: [signing] },
      };
    },
  };
}

describe('pinToOverrideHost', () => {
  it("switches off S3 Control's account prefix and keeps the rest of the resolved endpoint", () => {
    const seen: EndpointParameters[] = [];
    const config = prefixingResolver(seen);
    pinToOverrideHost(config, new URL('http://emulator.test:4566'));

    const endpoint = config.endpointProvider({ AccountId: '123456789012', RequiresAccountId: true });

    expect(seen).toEqual([{ AccountId: '123456789012', RequiresAccountId: false }]);
    expect(endpoint.url.href).toBe('http://emulator.test:4566/v20180820/configuration');
    expect(endpoint.properties).toEqual({ authSchemes: [signing] });
  });

  it('moves any other host the rules chose back to the override host', () => {
    const config = {
      endpointProvider: (_params: EndpointParameters): EndpointV2 => ({
        url: new URL('http://axiom-test-bucket.emulator.test:4566/key'),
      }),
    };
    pinToOverrideHost(config, new URL('http://127.0.0.1:4566'));
    expect(config.endpointProvider({ Bucket: 'axiom-test-bucket' }).url.href).toBe(
      'http://127.0.0.1:4566/key',
    );
  });

  it('leaves parameters without RequiresAccountId untouched', () => {
    const seen: EndpointParameters[] = [];
    const config = prefixingResolver(seen);
    pinToOverrideHost(config, new URL('http://emulator.test:4566'));
    config.endpointProvider({ Region: 'us-east-1' });
    expect(seen).toEqual([{ Region: 'us-east-1' }]);
  });
});

describe('parseEndpointOverride', () => {
  it('accepts http and https URLs', () => {
    expect(parseEndpointOverride('http://127.0.0.1:4566').host).toBe('127.0.0.1:4566');
    expect(parseEndpointOverride('https://s3.emulator.test').hostname).toBe('s3.emulator.test');
  });

  it('refuses anything else with an error that names the value and what to do', () => {
    expect(() => parseEndpointOverride('127.0.0.1:4566')).toThrow(
      expect.objectContaining({
        code: 'invalid_endpoint',
        message: "Could not use the endpoint override '127.0.0.1:4566': it is not an absolute http(s) URL.",
        hint: expect.stringContaining('http://127.0.0.1:4566'),
      }),
    );
  });
});
