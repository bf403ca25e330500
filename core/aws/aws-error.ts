/** How a failed AWS call is classified: the basis of coverage entries and connection diagnoses. */
export type AwsErrorKind =
  | 'denied'
  | 'unimplemented'
  | 'throttled'
  | 'not-found'
  | 'credentials'
  | 'network'
  | 'error';

/** Why a call was denied, as far as AWS's message tells. */
export type DenialSource =
  | 'service-control-policy'
  | 'resource-control-policy'
  | 'vpc-endpoint-policy'
  | 'permissions-boundary'
  | 'session-policy'
  | 'explicit-deny'
  | 'resource-policy'
  | 'missing-permission';

/** A failed AWS call, reduced to what Axiom reasons about. Never holds credentials. */
export interface ClassifiedAwsError {
  kind: AwsErrorKind;
  /** AWS's error code (e.g. 'AccessDenied', 'UnauthorizedOperation'), or the SDK error name. */
  code: string;
  /** AWS's message, as sent. */
  message: string;
  /** HTTP status, when a response arrived. */
  httpStatus?: number;
  /** For 'denied': what AWS says denied it. */
  denialSource?: DenialSource;
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AllAccessDisabled',
  'Forbidden',
]);
const UNIMPLEMENTED = new Set([
  'NotImplemented',
  'InvalidAction',
  'UnknownOperationException',
  'UnsupportedOperation',
  'UnsupportedOperationException',
  'OptInRequired',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'LimitExceededException',
]);
const CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'CredentialsProviderError',
  'AuthFailure',
  'MissingAuthenticationToken',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  'TimeoutError',
]);

function denialSource(message: string): DenialSource {
  const lower = message.toLowerCase();
  // AWS names the policy type that denied: "... with an explicit deny in a <type>" or "because no <type> allows".
  if (lower.includes('service control policy')) return 'service-control-policy';
  if (lower.includes('resource control policy')) return 'resource-control-policy';
  if (lower.includes('vpc endpoint policy')) return 'vpc-endpoint-policy';
  if (lower.includes('permissions boundary')) return 'permissions-boundary';
  if (lower.includes('session policy')) return 'session-policy';
  if (lower.includes('resource-based policy')) return 'resource-policy';
  if (lower.includes('explicit deny')) return 'explicit-deny';
  return 'missing-permission';
}

function field(error: object, name: string): unknown {
  try {
    return (error as Record<string, unknown>)[name];
  } catch {
    // A getter that throws (a proxy, a half-built error) must not turn classification into a second failure.
    return undefined;
  }
}

/** Classifies an error thrown by an AWS SDK v3 call (or anything else) without ever throwing. */
export function classifyAwsError(error: unknown): ClassifiedAwsError {
  if (typeof error !== 'object' || error === null)
    return { kind: 'error', code: 'Unknown', message: String(error) };
  const metadata = field(error, '$metadata');
  const httpStatus =
    typeof metadata === 'object' && metadata !== null ? field(metadata, 'httpStatusCode') : undefined;
  const rawCode = field(error, 'Code') ?? field(error, 'code') ?? field(error, 'name');
  const code = typeof rawCode === 'string' && rawCode !== '' ? rawCode : 'Unknown';
  const rawMessage = field(error, 'message');
  const message = typeof rawMessage === 'string' ? rawMessage : '';
  const base = typeof httpStatus === 'number' ? { code, message, httpStatus } : { code, message };
  if (DENIED.has(code) || (httpStatus === 403 && !CREDENTIALS.has(code)))
    return { ...base, kind: 'denied', denialSource: denialSource(message) };
  if (UNIMPLEMENTED.has(code) || httpStatus === 501) return { ...base, kind: 'unimplemented' };
  if (THROTTLED.has(code) || httpStatus === 429) return { ...base, kind: 'throttled' };
  if (CREDENTIALS.has(code)) return { ...base, kind: 'credentials' };
  if (NETWORK.has(code) || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up/.test(message))
    return { ...base, kind: 'network' };
  // NoSuchEntity, NoSuchBucket, DBInstanceNotFound(Fault), InvalidInstanceID.NotFound, ResourceNotFoundException.
  if (/^NoSuch|NotFound(Exception|Fault)?$|^NotFound/.test(code) || httpStatus === 404)
    return { ...base, kind: 'not-found' };
  return { ...base, kind: 'error' };
}
