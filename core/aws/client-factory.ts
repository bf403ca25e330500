import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Pluggable } from '@smithy/types';
import type { CallCounter } from './call-counter.ts';
import { callCounting } from './call-counter.ts';
import { readOnlyGuard } from './read-only-guard.ts';

/** Credentials as a static identity, a provider, or absent for the SDK's default (ambient) chain. */
export type CredentialSource = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Settings shared by every client Axiom builds. */
export interface ClientSettings {
  /** Region the client talks to. */
  region: string;
  /** Credentials; omitted means the SDK's default chain (environment, profile, instance role, ...). */
  credentials?: CredentialSource;
  /** Endpoint override (the adapters pass `AWS_ENDPOINT_URL`); S3 then uses path-style addressing. */
  endpoint?: string;
  /** Maximum attempts per call, retries included (adaptive mode). Default 5. */
  maxAttempts?: number;
  /** Counter for per-operation call statistics. */
  callCounter?: CallCounter;
  /** Test hook: a request handler (e.g. one with short timeouts). */
  requestHandler?: unknown;
}

/** Minimal structural type of an SDK v3 client constructor. */
export interface SdkClientClass<C> {
  new (config: Record<string, unknown>): C;
}

/** Minimal structural type of an SDK v3 client instance. */
interface MiddlewareClient {
  middlewareStack: { use(pluggable: Pluggable<object, object>): void };
}

/** Default attempts per call: enough to ride out throttling, bounded so a dead endpoint fails fast. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Builds an SDK v3 client with Axiom's settings: region, credentials, endpoint override (path-style S3),
 * adaptive retries with a bounded attempt count, the per-operation call counter, and the read-only guard, which
 * refuses any operation outside the permission catalogue before it is signed or sent. Every AWS client in
 * Axiom comes from here.
 */
export function createClient<C extends MiddlewareClient>(
  ClientClass: SdkClientClass<C>,
  settings: ClientSettings,
): C {
  const config: Record<string, unknown> = {
    region: settings.region,
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'adaptive',
  };
  if (settings.credentials !== undefined) config.credentials = settings.credentials;
  if (settings.endpoint !== undefined && settings.endpoint !== '') {
    config.endpoint = settings.endpoint;
    config.forcePathStyle = true;
  }
  if (settings.requestHandler !== undefined) config.requestHandler = settings.requestHandler;
  const client = new ClientClass(config);
  client.middlewareStack.use(readOnlyGuard);
  if (settings.callCounter) client.middlewareStack.use(callCounting(settings.callCounter));
  return client;
}
