import type { EndpointParameters, EndpointV2, Logger } from '@smithy/types';
import { AxiomError } from '../errors.ts';

/** The part of an SDK client's resolved config that chooses the host of each request. */
export interface EndpointResolvingConfig {
  /** The SDK's endpoint resolver (method syntax, so each client's narrower parameter type is accepted). */
  endpointProvider?(params: EndpointParameters, context?: { logger?: Logger }): EndpointV2;
}

/**
 * Parses an endpoint override (the adapters pass `AWS_ENDPOINT_URL`, e.g. a LocalStack or MinIO URL). Throws
 * an AxiomError up front: the SDK's own failure for a malformed endpoint comes later, once per call, and does
 * not name the setting.
 */
export function parseEndpointOverride(endpoint: string): URL {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new AxiomError(
      'invalid_endpoint',
      `Could not use the endpoint override '${endpoint}': it is not an absolute http(s) URL.`,
      { hint: 'Set it to a URL such as http://127.0.0.1:4566, or unset it to talk to AWS itself.' },
    );
  }
  return url;
}

/**
 * Keeps every request of `config`'s client on the override's host. Some endpoint rules put a label in front
 * of the host even when the endpoint is overridden: S3 Control sends to `{AccountId}.{host}`, which names no
 * server at a local emulator (and `123456789012.127.0.0.1` is not even a valid URL, so the SDK fails before
 * sending). The account id still travels in the `x-amz-account-id` header, which is what emulators read.
 */
export function pinToOverrideHost(config: EndpointResolvingConfig, override: URL): void {
  const resolve = config.endpointProvider;
  if (resolve === undefined) return;
  config.endpointProvider = (params, context) => {
    // S3 Control's rules prefix the account id only when this is true; false leaves the override as it is.
    const rules = 'RequiresAccountId' in params ? { ...params, RequiresAccountId: false } : params;
    const endpoint = resolve(rules, context);
    const url = new URL(endpoint.url);
    url.hostname = override.hostname;
    return { ...endpoint, url };
  };
}
