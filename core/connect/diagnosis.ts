import { type ClassifiedAwsError, classifyAwsError } from '../aws/aws-error.ts';
import { isAxiomError } from '../errors.ts';

/** A plain-language explanation of one connection problem and what to do about it. */
export interface Diagnosis {
  /** Stable code, e.g. 'assume-denied'. */
  code: string;
  /** How bad it is for onboarding: 'blocker' stops it; 'warning' limits what scans see. */
  level: 'blocker' | 'warning' | 'info';
  /** One line. */
  title: string;
  /** What happened and the likely causes. */
  explanation: string;
  /** What to do. */
  fix: string;
}

/**
 * AWS's own words inside a ConnectError message (`... AWS said: "..."`), where the External ID and tokens have
 * already been redacted. The raw SDK error in `cause` still holds them, so its message is never used.
 */
function redactedAwsText(message: unknown): string {
  if (typeof message !== 'string') return '';
  return / (?:AWS said|Details): "([\s\S]*)"$/.exec(message)?.[1] ?? '';
}

/** The AWS error code carried by an error, whether raw from the SDK or wrapped in an AxiomError. */
export function awsCodeOf(error: unknown): ClassifiedAwsError {
  if (typeof error === 'object' && error !== null) {
    const wrapped = error as { awsCode?: unknown; cause?: unknown; message?: unknown };
    if (typeof wrapped.awsCode === 'string') {
      const message = redactedAwsText(wrapped.message);
      const fromCause = wrapped.cause === undefined ? undefined : classifyAwsError(wrapped.cause);
      if (fromCause && fromCause.code === wrapped.awsCode) return { ...fromCause, message };
      return { ...classifyAwsError({ name: wrapped.awsCode, message }), code: wrapped.awsCode };
    }
    if (wrapped.cause !== undefined && !('$metadata' in error)) return classifyAwsError(wrapped.cause);
  }
  return classifyAwsError(error);
}

/** Diagnoses a failure to obtain credentials for the role (sts:AssumeRole or AssumeRoleWithWebIdentity). */
export function diagnoseAssumeFailure(error: unknown, roleArn: string): Diagnosis {
  // Refused before any call (an External ID STS would reject, a bad duration): Axiom's own words say it best.
  if (isAxiomError(error) && !('awsCode' in error))
    return {
      code: 'assume-failed',
      level: 'blocker',
      title: `Axiom could not assume ${roleArn}`,
      explanation: error.message,
      fix: error.hint ?? 'Check the connection settings and try again.',
    };
  const failure = awsCodeOf(error);
  const said = failure.message ? ` AWS said: "${failure.message}"` : '';
  switch (failure.code) {
    case 'InvalidExternalId':
      return {
        code: 'external-id-mismatch',
        level: 'blocker',
        title: 'The External ID does not match the trust policy',
        explanation: `The sts:ExternalId condition in the role's trust policy differs from the External ID Axiom sent.${said}`,
        fix: 'Re-paste the External ID from the onboarding screen (or `axiom onboard --format trust`) into the trust policy exactly.',
      };
    case 'MalformedPolicyDocument':
    case 'MalformedPolicyDocumentException':
      return {
        code: 'malformed-policy',
        level: 'blocker',
        title: 'A policy document is malformed',
        explanation: `AWS rejected a policy document as invalid JSON or invalid IAM grammar.${said}`,
        fix: "Recopy the trust and permission policies from `axiom onboard` and validate them with the IAM console's policy editor before saving.",
      };
    case 'RegionDisabledException':
      return {
        code: 'sts-region-disabled',
        level: 'blocker',
        title: 'STS is not activated in this region',
        explanation: `The account has the regional STS endpoint deactivated for the region Axiom called.${said}`,
        fix: 'Activate the region under IAM > Account settings > Security Token Service (STS) endpoints, or scan from an enabled region (e.g. --regions us-east-1).',
      };
    case 'InvalidIdentityToken':
    case 'IDPRejectedClaim':
    case 'IDPCommunicationError':
      return {
        code: 'oidc-rejected',
        level: 'blocker',
        title: 'AWS rejected the GitHub OIDC token',
        explanation: `The OIDC provider token.actions.githubusercontent.com is missing from the account, or the token's aud/sub claims do not match the role's trust policy.${said}`,
        fix: "Create the OIDC provider (audience sts.amazonaws.com) and make the trust policy's sub condition match this repository and ref: `axiom onboard --format trust --github-repo OWNER/REPO`.",
      };
    case 'ValidationError':
      if (/DurationSeconds|MaxSessionDuration/i.test(failure.message))
        return {
          code: 'duration-too-long',
          level: 'blocker',
          title: "The session duration exceeds the role's maximum",
          explanation: `Axiom asked for a session longer than the role's MaxSessionDuration.${said}`,
          fix: "Set the role's maximum session duration to 1 hour (3600 s), or ask for a shorter session.",
        };
      break;
  }
  if (failure.kind === 'credentials')
    return {
      code: 'caller-credentials',
      level: 'blocker',
      title: "Axiom's own AWS credentials are missing, expired or invalid",
      explanation: `The call to STS was refused before the role was considered: the credentials Axiom runs with are not valid.${said}`,
      fix: 'Refresh the credentials Axiom runs with (environment, profile, instance role or OIDC) and try again.',
    };
  if (failure.kind === 'network')
    return {
      code: 'endpoint-unreachable',
      level: 'blocker',
      title: 'The AWS endpoint could not be reached',
      explanation: `No answer from STS.${said}`,
      fix: 'Check network access to AWS, proxies, and AWS_ENDPOINT_URL if you set it.',
    };
  if (failure.kind === 'denied')
    return {
      code: 'assume-denied',
      level: 'blocker',
      title: `Axiom could not assume ${roleArn}`,
      explanation: `AWS refused sts:AssumeRole. AWS gives the same answer when the role does not exist, when its trust policy is missing or names a different account than Axiom's, and when the External ID in the trust policy's sts:ExternalId condition differs from the one Axiom sent.${said}`,
      fix: 'Check the role ARN (account id and role name), then recopy the trust policy from the onboarding screen (`axiom onboard --format trust`) so it names the right scanner account and External ID.',
    };
  return {
    code: 'assume-failed',
    level: 'blocker',
    title: `Assuming ${roleArn} failed`,
    explanation: `STS answered ${failure.code}.${said}`,
    fix: 'Try again; if it persists, run `axiom verify` with --format json and share the output with support.',
  };
}

/**
 * Diagnoses a failed sts:GetCallerIdentity made with the role's fresh credentials: the role was assumed, so
 * the trust policy is fine; what is left is the network or credentials that the answering endpoint rejects.
 */
export function diagnoseIdentityFailure(error: unknown): Diagnosis {
  const failure = awsCodeOf(error);
  const said = failure.message ? ` AWS said: "${failure.message}"` : '';
  if (failure.kind === 'network')
    return {
      code: 'endpoint-unreachable',
      level: 'blocker',
      title: 'The AWS endpoint could not be reached',
      explanation: `The role was assumed, but sts:GetCallerIdentity got no answer.${said}`,
      fix: 'Check network access to AWS, proxies, and AWS_ENDPOINT_URL if you set it.',
    };
  return {
    code: 'identity-check-failed',
    level: 'blocker',
    title: 'The role was assumed, but its credentials were refused',
    explanation: `sts:GetCallerIdentity with the role's temporary credentials failed (${failure.code}). The usual causes are a system clock far off, or AWS_ENDPOINT_URL pointing at a different endpoint than the one that issued the credentials.${said}`,
    fix: "Check the machine's clock and AWS_ENDPOINT_URL, then run verify again.",
  };
}

/** Diagnoses a failed service probe: a permission gap, an SCP, a boundary, or an endpoint without the API. */
export function diagnoseProbeFailure(action: string, failure: ClassifiedAwsError): Diagnosis {
  const said = failure.message ? ` AWS said: "${failure.message}"` : '';
  if (failure.kind === 'denied') {
    switch (failure.denialSource) {
      case 'service-control-policy':
        return {
          code: 'scp-denied',
          level: 'warning',
          title: `${action} is blocked by a service control policy`,
          explanation: `An AWS Organizations SCP denies ${action} in this account; scans will report what it hides as a coverage gap.${said}`,
          fix: `Ask your AWS Organizations administrator to allow ${action} for this role, or accept the gap.`,
        };
      case 'resource-control-policy':
        return {
          code: 'rcp-denied',
          level: 'warning',
          title: `${action} is blocked by a resource control policy`,
          explanation: `An AWS Organizations resource control policy (RCP) denies ${action} on this account's resources; scans will report what it hides as a coverage gap.${said}`,
          fix: `Ask your AWS Organizations administrator to exempt this role from the RCP for ${action}, or accept the gap.`,
        };
      case 'vpc-endpoint-policy':
        return {
          code: 'vpc-endpoint-denied',
          level: 'warning',
          title: `${action} is blocked by a VPC endpoint policy`,
          explanation: `Axiom's request went through a VPC endpoint whose policy does not allow ${action}.${said}`,
          fix: `Allow ${action} in the VPC endpoint policy, or run Axiom where its calls do not pass through that endpoint.`,
        };
      case 'explicit-deny':
        return {
          code: 'explicit-deny',
          level: 'warning',
          title: `${action} is denied by a Deny statement in the role's policies`,
          explanation: `A policy attached to the role has a Deny statement covering ${action}; a Deny wins over any Allow, so attaching more permissions will not help.${said}`,
          fix: `Remove ${action} from the Deny statement (the Axiom permission policy needs no Deny statements).`,
        };
      case 'session-policy':
        return {
          code: 'session-policy-denied',
          level: 'warning',
          title: `${action} is blocked by a session policy`,
          explanation: `The session's credentials were issued with a session policy that does not allow ${action}. Axiom passes no session policy itself, so whatever issues the credentials added it.${said}`,
          fix: `Allow ${action} in the session policy of whatever issues Axiom's credentials, or assume the role without one.`,
        };
      case 'resource-policy':
        return {
          code: 'resource-policy-denied',
          level: 'warning',
          title: `${action} is denied by a resource-based policy`,
          explanation: `A policy on the resource itself (such as a bucket policy) denies ${action} to the role.${said}`,
          fix: `Allow the Axiom role ${action} in that resource's policy, or accept the gap.`,
        };
      case 'permissions-boundary':
        return {
          code: 'boundary-denied',
          level: 'warning',
          title: `${action} is blocked by the role's permissions boundary`,
          explanation: `The role's permissions boundary does not allow ${action}.${said}`,
          fix: `Add ${action} to the permissions boundary, or remove the boundary from the Axiom role.`,
        };
      default:
        return {
          code: 'permission-gap',
          level: 'warning',
          title: `The role is missing ${action}`,
          explanation: `The role's permission policy does not allow ${action}, so scans cannot see what it reads.${said}`,
          fix: 'Attach the current Axiom permission policy (`axiom onboard --format permissions`).',
        };
    }
  }
  if (failure.kind === 'unimplemented')
    return {
      code: 'api-unavailable',
      level: 'info',
      title: `${action} is not available at this endpoint`,
      explanation: `The endpoint does not implement the API (common with emulators, or a service not offered in the region).${said}`,
      fix: 'Nothing to fix on the role; scans will mark this as skipped.',
    };
  return {
    code: 'probe-error',
    level: 'warning',
    title: `${action} failed`,
    explanation: `AWS answered ${failure.code}.${said}`,
    fix: 'Run verify again; if it persists, check the service status in the region.',
  };
}
