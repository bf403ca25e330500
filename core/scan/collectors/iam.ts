import { setTimeout as delay } from 'node:timers/promises';
import {
  type PasswordPolicy as AwsPasswordPolicy,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { classifyAwsError } from '../../aws/aws-error.ts';
import type { Collector, CollectorContext } from '../collector.ts';
import type { IamInventory, PasswordPolicy } from '../inventory.ts';
import { type AuthorizationDetails, addAuthorizationPage } from './support/iam-authorization-details.ts';
import { parseCredentialReport } from './support/iam-credential-report.ts';
import { optionalFields } from './support/optional-fields.ts';

/** IAM's largest GetAccountAuthorizationDetails page. */
const MAX_ITEMS = 1000;

/** Waits `ms` milliseconds, or until `signal` aborts (then rejects, ending the poll). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** How the IAM collector waits for the credential report. */
export interface IamCollectorOptions {
  /** The wait between polls of GenerateCredentialReport; tests pass one that returns at once. */
  sleep?: Sleep;
  /** GenerateCredentialReport calls before giving up; default 10. */
  reportPolls?: number;
  /** Milliseconds between them; default 2000 (IAM builds a report in seconds). */
  reportPollDelayMs?: number;
}

const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

async function collectAuthorizationDetails(context: CollectorContext, iam: IamInventory, client: IAMClient) {
  const details = await context.attempt('GetAccountAuthorizationDetails', async () => {
    const collected: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
    let marker: string | undefined;
    do {
      const page: GetAccountAuthorizationDetailsCommandOutput = await client.send(
        new GetAccountAuthorizationDetailsCommand({
          Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'],
          MaxItems: MAX_ITEMS,
          ...(marker === undefined ? {} : { Marker: marker }),
        }),
        { abortSignal: context.signal },
      );
      addAuthorizationPage(collected, page);
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker !== undefined);
    return collected;
  });
  if (!details) return;
  iam.users = details.users;
  iam.groups = details.groups;
  iam.roles = details.roles;
  iam.policies = details.policies;
}

/**
 * Asks IAM for a credential report until it is ready (IAM reuses a report under four hours old, so this is
 * usually one call), then reads and parses it. A report still not ready after the polls is an 'error' entry.
 */
async function collectCredentialReport(
  context: CollectorContext,
  iam: IamInventory,
  client: IAMClient,
  options: Required<IamCollectorOptions>,
): Promise<void> {
  const state = await context.attempt('GenerateCredentialReport', async () => {
    for (let poll = 1; ; poll += 1) {
      const output = await client.send(new GenerateCredentialReportCommand({}), {
        abortSignal: context.signal,
      });
      if (output.State === 'COMPLETE' || poll >= options.reportPolls) return output.State ?? 'UNKNOWN';
      await options.sleep(options.reportPollDelayMs, context.signal);
    }
  });
  if (state === undefined) return;
  if (state !== 'COMPLETE') {
    context.cover(
      'GetCredentialReport',
      'error',
      `IAM was still generating the credential report (state ${state}) after ${options.reportPolls} checks; ` +
        'scan again in a minute.',
    );
    return;
  }
  const rows = await context.attempt('GetCredentialReport', async () => {
    const output = await client.send(new GetCredentialReportCommand({}), { abortSignal: context.signal });
    return parseCredentialReport(new TextDecoder().decode(output.Content ?? new Uint8Array()));
  });
  if (rows) iam.credentialReport = rows;
}

function toPasswordPolicy(raw: AwsPasswordPolicy): PasswordPolicy {
  return optionalFields({
    minimumPasswordLength: raw.MinimumPasswordLength,
    requireSymbols: raw.RequireSymbols,
    requireNumbers: raw.RequireNumbers,
    requireUppercaseCharacters: raw.RequireUppercaseCharacters,
    requireLowercaseCharacters: raw.RequireLowercaseCharacters,
    maxPasswordAge: raw.MaxPasswordAge,
    passwordReusePrevention: raw.PasswordReusePrevention,
    hardExpiry: raw.HardExpiry,
  });
}

async function collectPasswordPolicy(context: CollectorContext, iam: IamInventory, client: IAMClient) {
  const read = await context.attempt('GetAccountPasswordPolicy', async () => {
    try {
      const output = await client.send(new GetAccountPasswordPolicyCommand({}), {
        abortSignal: context.signal,
      });
      return { policy: output.PasswordPolicy ? toPasswordPolicy(output.PasswordPolicy) : null };
    } catch (error) {
      // No password policy set: IAM answers NoSuchEntity, and the account runs on IAM's defaults.
      if (classifyAwsError(error).code === 'NoSuchEntity') return { policy: null };
      throw error;
    }
  });
  if (read) iam.passwordPolicy = read.policy;
}

async function collectAccountSummary(context: CollectorContext, iam: IamInventory, client: IAMClient) {
  const output = await context.attempt('GetAccountSummary', () =>
    client.send(new GetAccountSummaryCommand({}), { abortSignal: context.signal }),
  );
  if (!output) return;
  const summary: Record<string, number> = {};
  for (const [key, value] of Object.entries(output.SummaryMap ?? {}))
    if (typeof value === 'number') summary[key] = value;
  iam.accountSummary = summary;
}

/**
 * Builds the IAM collector, once per account: users, groups, roles (with trust policies) and managed policies
 * (with their default version's document) from GetAccountAuthorizationDetails in pages of 1,000, never one
 * call per entity; the credential report; the password policy; the account summary.
 */
export function createIamCollector(options: IamCollectorOptions = {}): Collector {
  const settings: Required<IamCollectorOptions> = {
    sleep: options.sleep ?? realSleep,
    reportPolls: options.reportPolls ?? 10,
    reportPollDelayMs: options.reportPollDelayMs ?? 2000,
  };
  return {
    service: 'iam',
    scope: 'global',
    operations: [
      { client: 'IAM', operation: 'GetAccountAuthorizationDetails' },
      { client: 'IAM', operation: 'GenerateCredentialReport' },
      { client: 'IAM', operation: 'GetCredentialReport' },
      { client: 'IAM', operation: 'GetAccountPasswordPolicy' },
      { client: 'IAM', operation: 'GetAccountSummary' },
    ],
    async collect(context, target) {
      target.account.iam ??= {};
      const iam = target.account.iam;
      const client = context.client(IAMClient);
      await Promise.all([
        collectAuthorizationDetails(context, iam, client),
        collectCredentialReport(context, iam, client, settings),
        collectPasswordPolicy(context, iam, client),
        collectAccountSummary(context, iam, client),
      ]);
    },
  };
}

/** The IAM collector with real waits between credential report polls. */
export const iamCollector: Collector = createIamCollector();
