/**
 * The AWS account Axiom assumes roles from, which the trust policy must name. When the operator does not set
 * it, it is the account of the credentials the bot runs with, so STS is asked once at start.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsEnvironment } from '../cli/aws-env.ts';
import { createClient, describeError } from '../core/index.ts';

/** The account id, or why it could not be found. */
export type ScannerAccountResult = { ok: true; accountId: string } | { ok: false; reason: string };

/** Asks sts:GetCallerIdentity with the bot's own credentials. */
export async function resolveScannerAccount(aws: AwsEnvironment): Promise<ScannerAccountResult> {
  try {
    const sts = createClient(STSClient, {
      region: aws.region,
      maxAttempts: 2,
      ...(aws.endpoint === undefined ? {} : { endpoint: aws.endpoint }),
      ...(aws.credentials === undefined ? {} : { credentials: aws.credentials }),
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return identity.Account !== undefined && /^\d{12}$/.test(identity.Account)
      ? { ok: true, accountId: identity.Account }
      : { ok: false, reason: 'STS answered without an account id' };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}
