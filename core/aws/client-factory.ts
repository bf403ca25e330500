import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  InitializeMiddleware,
  Pluggable,
} from '@smithy/types';
import { AxiomError } from '../errors.ts';
import type { CallCounter } from './call-counter.ts';
import { callCounting } from './call-counter.ts';
import type { EndpointResolvingConfig } from './endpoint-override.ts';
import { parseEndpointOverride, pinToOverrideHost } from './endpoint-override.ts';
import { readOnlyGuard } from './read-only-guard.ts';

/** Credentials as a static identity, a provider, or absent for the SDK's default (ambient) chain. */
export type CredentialSource = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Settings shared by every client Axiom builds. */
export interface ClientSettings {
  /** Region the client talks to. */
  region: string;
  /** Credentials; omitted means the SDK's default chain (environment, profile, instance role, ...). */
  credentials?: CredentialSource;
  /**
   * Endpoint override (the adapters pass `AWS_ENDPOINT_URL`): every request goes to this host, S3 uses
   * path-style addressing. Without it the SDK's own endpoint settings (`AWS_ENDPOINT_URL*`, `endpoint_url` in
   * the profile) are ignored, so the adapters alone decide where Axiom's calls go.
   */
  endpoint?: string;
  /** Maximum attempts per call, retries included (adaptive mode). Default 5. */
  maxAttempts?: number;
  /** Milliseconds to wait for a connection before the attempt fails (and is retried). Default 5s. */
  connectTimeoutMs?: number;
  /** Milliseconds a connected socket may sit idle before the attempt fails (and is retried). Default 30s. */
  socketTimeoutMs?: number;
  /** Axiom's version, sent as `axiom/<version>` in the User-Agent. */
  axiomVersion?: string;
  /** Counter for per-operation call statistics. */
  callCounter?: CallCounter;
  /** Test hook: a request handler (or options for the SDK's one); the timeouts above then do not apply. */
  requestHandler?: unknown;
  /**
   * Awaited before each logical call (not each retry) once the read-only guard has let it through, with the
   * operation as `EC2:DescribeInstances` and the `abortSignal` passed to `send`: the scan's rate limiter waits
   * for a token here. A refused operation never reaches it; a rejection fails the call before it is sent.
   */
  beforeSend?: BeforeSend;
}

/** A hook awaited before each call is sent (see `ClientSettings.beforeSend`). */
export type BeforeSend = (operation: string, signal?: AbortSignal) => Promise<void>;

/** Minimal structural type of an SDK v3 client constructor. */
export interface SdkClientClass<C> {
  new (config: Record<string, unknown>): C;
}

/**
 * A plugin for any client's stack. Each SDK client types its stack by its own inputs and outputs, which no
 * single `Pluggable<I, O>` matches; Axiom's middleware reads neither, so the stack's type is left open.
 */
interface AnyClientPluggable {
  applyToStack(stack: never): void;
}

/** The part of an SDK client's resolved config that builds the SigV4 signer of each request. */
interface SignerResolvingConfig {
  /** Called by the SDK for every request with the endpoint's auth scheme; returns a request signer. */
  signer?: unknown;
}

/** Minimal structural type of an SDK v3 client instance. */
interface MiddlewareClient {
  /** The client's middleware stack. */
  middlewareStack: { use(pluggable: AnyClientPluggable): void };
  /** The client's resolved config. */
  config: EndpointResolvingConfig & SignerResolvingConfig;
}

/** Default attempts per call: enough to ride out throttling, bounded so a dead endpoint fails fast. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Default connect timeout: AWS endpoints connect in milliseconds; a dead route must not stall a scan. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Default socket idle timeout, far above any read Axiom makes; the SDK has none, so a stall would hang. */
export const DEFAULT_SOCKET_TIMEOUT_MS = 30_000;

/**
 * Builds an SDK v3 client with Axiom's settings: region, credentials, endpoint override (path-style S3,
 * requests pinned to the override's host), adaptive retries with a bounded attempt count, connect and socket
 * timeouts, an `axiom/<version>` User-Agent, the per-operation call counter, and the read-only guard, which
 * refuses any operation outside the permission catalogue before it is signed or sent. Every AWS client in
 * Axiom comes from here.
 */
export function createClient<C extends MiddlewareClient>(
  ClientClass: SdkClientClass<C>,
  settings: ClientSettings,
): C {
  const override = settings.endpoint ? parseEndpointOverride(settings.endpoint) : undefined;
  const config: Record<string, unknown> = {
    region: settings.region,
    maxAttempts: positive('maxAttempts', settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    retryMode: 'adaptive',
    // CloudTrail records the User-Agent, so a customer can pick Axiom's calls out of their trail.
    customUserAgent: [settings.axiomVersion ? ['axiom', settings.axiomVersion] : ['axiom']],
    // Only `settings.endpoint` moves traffic: the SDK would otherwise obey AWS_ENDPOINT_URL* and the profile.
    ignoreConfiguredEndpointUrls: true,
    requestHandler: settings.requestHandler ?? httpHandlerOptions(settings),
  };
  if (settings.credentials !== undefined) config.credentials = settings.credentials;
  if (override) {
    config.endpoint = override.href;
    config.forcePathStyle = true;
  }
  const client = new ClientClass(config);
  if (override) pinToOverrideHost(client.config, override);
  reuseSigners(client.config);
  client.middlewareStack.use(readOnlyGuard);
  if (settings.beforeSend) client.middlewareStack.use(beforeSendHook(settings.beforeSend));
  if (settings.callCounter) client.middlewareStack.use(callCounting(settings.callCounter));
  return client;
}

/**
 * Makes the client build one SigV4 signer per auth scheme instead of one per request. The SDK's resolved `signer`
 * copies the whole client config (45 to 70 fields) into a new SignatureV4 on every request, although what it builds
 * depends only on the auth scheme (and, after the first request, on config fields that the first request fixed):
 * at thousands of calls per scan that was a few percent of the scan's CPU. The signer asks the client's
 * credential provider on every signature, so caching it keeps credentials fresh (a refreshed or dropped session
 * takes effect on the next request, as before).
 */
function reuseSigners(config: SignerResolvingConfig): void {
  const build = config.signer;
  if (typeof build !== 'function') return;
  const signers = new Map<string, Promise<unknown>>();
  config.signer = (authScheme?: unknown) => {
    const key = authSchemeKey(authScheme);
    let signer = signers.get(key);
    if (signer === undefined) {
      signer = Promise.resolve(build(authScheme));
      // A signer that failed to build (its region could not be resolved, say) is asked for again next time.
      signer.catch(() => signers.delete(key));
      signers.set(key, signer);
    }
    return signer;
  };
}

/** What the SDK's signer builder reads from an endpoint auth scheme (name, signing name, region, region set). */
function authSchemeKey(authScheme: unknown): string {
  if (typeof authScheme !== 'object' || authScheme === null) return '';
  const scheme = authScheme as Record<string, unknown>;
  const regionSet = Array.isArray(scheme.signingRegionSet) ? scheme.signingRegionSet.join(',') : '';
  return [scheme.name, scheme.signingName, scheme.signingRegion, regionSet].map(String).join('\n');
}

/** The read-only guard's name in the middleware stack (read-only-guard.ts); the hook is placed right after it. */
const READ_ONLY_GUARD_NAME = 'axiomReadOnlyGuard';

/**
 * Installs `beforeSend` right after the read-only guard, at the initialize step: refused operations never take a
 * token, and the wait happens once per logical call, before serialisation, signing and the retry loop.
 */
function beforeSendHook(beforeSend: BeforeSend): Pluggable<object, object> {
  return {
    applyToStack(stack) {
      const hook: InitializeMiddleware<object, object> = (next, context) => async (args) => {
        const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
        const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        // `send(command, { abortSignal })` puts the signal in the Smithy context for middleware like this one.
        const signal = context.__smithy_context?.abortSignal;
        await beforeSend(`${service}:${operation}`, signal instanceof AbortSignal ? signal : undefined);
        return next(args);
      };
      stack.addRelativeTo(hook, {
        relation: 'after',
        toMiddleware: READ_ONLY_GUARD_NAME,
        name: 'axiomBeforeSend',
        override: true,
      });
    },
  };
}

/**
 * Sockets one client may hold open at once. Axiom bounds its own concurrency (units in flight, buckets read at
 * once, rate limits), so the HTTP agent should not bound it again: at the SDK's default of 50, S3's bucket reads
 * (32 buckets, nine reads each, through one client per region) queued behind the agent, and a region's S3 reads
 * took up to six round trips where one would do. A client only opens as many sockets as it has calls in flight.
 */
export const MAX_SOCKETS_PER_CLIENT = 300;

/** Options from which the SDK builds its default Node HTTP handler: timeouts and the agents' socket limit. */
function httpHandlerOptions(settings: ClientSettings): {
  connectionTimeout: number;
  socketTimeout: number;
  httpAgent: { maxSockets: number };
  httpsAgent: { maxSockets: number };
} {
  return {
    connectionTimeout: positive('connectTimeoutMs', settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    socketTimeout: positive('socketTimeoutMs', settings.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS),
    httpAgent: { maxSockets: MAX_SOCKETS_PER_CLIENT },
    httpsAgent: { maxSockets: MAX_SOCKETS_PER_CLIENT },
  };
}

/** Returns `value` when it is a positive whole number; anything else is a caller's bug. */
function positive(name: string, value: number): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new AxiomError(
    'invalid_client_settings',
    `Could not build an AWS client: ${name} must be a positive whole number, not ${value}.`,
    { hint: 'Check the value passed for this setting.' },
  );
}
