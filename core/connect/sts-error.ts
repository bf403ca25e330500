/**
 * Turns a failure to obtain credentials (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, the SDK's default chain)
 * into an AxiomError a person can act on. STS answers several different mistakes with one code (AccessDenied
 * covers a missing trust policy, a wrong account and an External ID mismatch alike), so the messages name every
 * likely cause rather than guess one; `verify` diagnoses further from the AWS code kept on the error.
 */
import { AxiomError } from '../errors.ts';

/** Stable codes of credential failures, for `verify` and the adapters. */
export type ConnectErrorCode =
  | 'assume_role_denied'
  | 'sts_region_disabled'
  | 'source_credentials_expired'
  | 'source_credentials_invalid'
  | 'source_credentials_missing'
  | 'web_identity_rejected'
  | 'web_identity_token_expired'
  | 'web_identity_provider_unreachable'
  | 'sts_policy_rejected'
  | 'session_duration_too_long'
  | 'sts_request_invalid'
  | 'sts_unreachable'
  | 'assume_role_failed';

/** An AxiomError from a credential call, carrying AWS's own error code. */
export class ConnectError extends AxiomError {
  /** AWS's error code as sent (e.g. 'AccessDenied', 'RegionDisabledException'), or the SDK's error name. */
  readonly awsCode: string;

  constructor(
    code: ConnectErrorCode,
    message: string,
    options: { awsCode: string; hint?: string; cause?: unknown },
  ) {
    super(code, message, options);
    this.awsCode = options.awsCode;
  }
}

/** What was being attempted when the call failed. */
export interface ConnectAttempt {
  /** The call. */
  operation: 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'DefaultCredentialChain';
  /** The role being assumed. */
  roleArn?: string;
  /** The STS region. */
  region: string;
  /** The session length asked for. */
  durationSeconds?: number;
  /** Values that must never appear in a message (External ID, tokens); removed from AWS's text. */
  secrets: readonly string[];
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** AWS's error code: the wire `Code` for Query services, else the SDK error's code or name. */
export function awsErrorCode(error: unknown): string {
  for (const name of ['Code', 'code', 'name']) {
    const value = field(error, name);
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'Unknown';
}

/** Removes every secret from `text`. */
function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 2) result = result.replaceAll(secret, '[redacted]');
  return result;
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const INVALID = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'AuthFailure',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  'TimeoutError',
]);

/** Maps a failed credential call to a ConnectError (an AxiomError is passed through unchanged). */
export function connectFailure(error: unknown, attempt: ConnectAttempt): AxiomError {
  if (error instanceof AxiomError) return error;
  const awsCode = awsErrorCode(error);
  const rawMessage = field(error, 'message');
  // Only an error with an HTTP status is AWS speaking; anything else is the SDK or the network.
  const speaker = field(field(error, '$metadata'), 'httpStatusCode') === undefined ? 'Details' : 'AWS said';
  const said =
    typeof rawMessage === 'string' && rawMessage !== ''
      ? ` ${speaker}: "${redact(rawMessage, attempt.secrets)}"`
      : '';
  const role = attempt.roleArn ?? 'the role';
  const webIdentity = attempt.operation === 'AssumeRoleWithWebIdentity';
  const what =
    attempt.operation === 'DefaultCredentialChain'
      ? 'Could not load the AWS credentials Axiom runs with'
      : webIdentity
        ? `Could not assume ${role} with the OIDC web identity token (sts:AssumeRoleWithWebIdentity in ${attempt.region})`
        : `Could not assume ${role} (sts:AssumeRole in ${attempt.region})`;
  const make = (code: ConnectErrorCode, failed: string, hint: string): ConnectError =>
    new ConnectError(code, `${what}: ${failed}${said}`, { awsCode, hint, cause: error });

  if (awsCode === 'AccessDenied' || awsCode === 'AccessDeniedException' || awsCode === 'InvalidExternalId') {
    if (webIdentity)
      return make(
        'assume_role_denied',
        "STS refused (AccessDenied). Likely causes: the role does not exist or the ARN is wrong; the role's trust policy does not trust this OIDC provider; or its conditions on the token's claims (sub: repository, branch or environment; aud) do not match this token.",
        "Check the role ARN, then compare the trust policy's sub and aud conditions with the workflow's repository, ref and audience.",
      );
    return make(
      'assume_role_denied',
      `STS refused (${awsCode}). AWS gives this same answer for several causes: the role does not exist or the ARN has the wrong account id or name; the role's trust policy is missing or does not name Axiom's AWS account; the External ID in the trust policy's sts:ExternalId condition does not match the one Axiom sent (or the policy requires one and none was sent); or Axiom's own credentials are not allowed to call sts:AssumeRole on this role.`,
      "Check the role ARN, then recopy the trust policy from the onboarding screen so it names Axiom's account and your External ID exactly.",
    );
  }
  if (awsCode === 'RegionDisabledException')
    return make(
      'sts_region_disabled',
      `STS is not activated for ${attempt.region} in the account (RegionDisabledException).`,
      `Activate ${attempt.region} under IAM > Account settings > Security Token Service (STS) endpoints, or use a region where STS is active (such as us-east-1).`,
    );
  if (EXPIRED.has(awsCode)) {
    if (webIdentity)
      return make(
        'web_identity_token_expired',
        `the OIDC token has expired (${awsCode}).`,
        'Request a fresh token (in GitHub Actions, the job needs `permissions: id-token: write`) and try again.',
      );
    return make(
      'source_credentials_expired',
      `the AWS credentials Axiom calls STS with have expired (${awsCode}), so STS refused before looking at the role.`,
      'Refresh the credentials Axiom runs with (sign in again, renew the session, or re-run the step that provides them) and try again.',
    );
  }
  if (INVALID.has(awsCode))
    return make(
      'source_credentials_invalid',
      `the AWS credentials Axiom calls STS with are not valid (${awsCode}): the access key does not exist, was deactivated, or its secret is wrong.`,
      'Check the credentials Axiom runs with (environment, profile, instance or container role) and try again.',
    );
  if (awsCode === 'CredentialsProviderError')
    return make(
      'source_credentials_missing',
      `no AWS credentials were found${attempt.operation === 'DefaultCredentialChain' ? '' : ' to call STS with'} (environment variables, shared config and credentials files, SSO, web identity token file, container or instance role).`,
      'Give Axiom credentials of the account it runs in (for example a profile, or OIDC in GitHub Actions) and try again.',
    );
  if (awsCode === 'InvalidIdentityToken' || awsCode === 'InvalidIdentityTokenException')
    return make(
      'web_identity_rejected',
      `AWS rejected the OIDC token (${awsCode}): the account has no IAM OIDC identity provider for the token's issuer, or the token is malformed or signed by a key the provider does not trust.`,
      'Create the IAM OIDC identity provider for the issuer (for GitHub: token.actions.githubusercontent.com, audience sts.amazonaws.com) and try again.',
    );
  if (awsCode === 'IDPRejectedClaim' || awsCode === 'IDPRejectedClaimException')
    return make(
      'web_identity_rejected',
      `AWS rejected a claim of the OIDC token (${awsCode}): the token's sub or aud does not match what the role's trust policy or the OIDC provider allows.`,
      "Make the trust policy's sub condition match this repository and ref, and the provider's audience match the token's aud.",
    );
  if (awsCode === 'IDPCommunicationError' || awsCode === 'IDPCommunicationErrorException')
    return make(
      'web_identity_provider_unreachable',
      `AWS could not reach the OIDC provider to check the token (${awsCode}).`,
      'Try again; if it persists, check that the OIDC provider URL in IAM is right and reachable.',
    );
  if (awsCode.startsWith('MalformedPolicyDocument') || awsCode.startsWith('PackedPolicyTooLarge'))
    return make(
      'sts_policy_rejected',
      `STS rejected a policy document (${awsCode}). Axiom sends no session policy, so the role's policies are the likely cause.`,
      "Recopy the trust and permission policies from the onboarding screen and check them with the IAM console's policy validator before saving.",
    );
  if (
    awsCode === 'ValidationError' &&
    /DurationSeconds|MaxSessionDuration|session limit/i.test(String(rawMessage))
  )
    return make(
      'session_duration_too_long',
      `the session length asked for (${attempt.durationSeconds ?? 'default'} seconds) is longer than the role allows: its maximum session duration, or the 1-hour limit when a role is assumed from another role's session.`,
      "Set the role's maximum session duration to at least 1 hour (3600 seconds), or ask for a shorter session.",
    );
  if (awsCode === 'ValidationError')
    return make(
      'sts_request_invalid',
      'STS rejected the request as invalid (ValidationError).',
      'Check the role ARN and session settings; if they are right, this is a bug in Axiom: please report it.',
    );
  if (NETWORK.has(awsCode))
    return make(
      'sts_unreachable',
      `no answer from STS (${awsCode}).`,
      'Check network access to AWS (proxies, firewalls) and the endpoint override (AWS_ENDPOINT_URL) if one is set.',
    );
  return make(
    'assume_role_failed',
    `STS answered ${awsCode}.`,
    'Try again; if it persists, run `axiom verify` and share its output with support.',
  );
}
