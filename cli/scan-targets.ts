/**
 * Who `axiom scan` scans and with which credentials: one role (`--role-arn`), a target list (`--targets`, a
 * file or the list itself), or the credentials Axiom runs with, whose account one sts:GetCallerIdentity names.
 * Credentials come from the CLI's environment (cli/aws-env.ts) and live in memory only, for one scan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  AxiomError,
  ambientSession,
  assumeRole,
  type CallCounter,
  classifyAwsError,
  createClient,
  homeRegionOf,
  isAxiomError,
  isValidStsExternalId,
  parseRoleArn,
  parseTargets,
  partitionOfRegion,
  type ScanSession,
  type ScanTarget,
} from '../core/index.ts';
import type { AwsEnvironment } from './aws-env.ts';
import { UsageError } from './context.ts';
import { VERSION } from './version.ts';

/** An account to scan, and the role to assume there (none for the ambient credentials). */
export interface LiveTarget extends ScanTarget {
  /** The External ID the role's trust policy requires. */
  externalId?: string;
}

/** A target list given as text rather than a file: role ARNs or JSON. */
function looksLikeList(value: string): boolean {
  const text = value.trim();
  return text.startsWith('arn:') || text.startsWith('[') || text.startsWith('{') || text.includes(',');
}

/** `--targets FILE|LIST`: a file holding the list, or the list itself; every bad entry is named. */
export function readTargets(value: string, cwd: string): LiveTarget[] {
  const path = resolve(cwd, value);
  let text: string;
  let source: string;
  if (!looksLikeList(value) && existsSync(path)) {
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--targets: could not read ${value}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    source = `--targets ${value}`;
  } else if (looksLikeList(value)) {
    text = value;
    source = '--targets';
  } else {
    throw new UsageError(
      `--targets: no file ${value}; give a file, or the list itself (role ARNs separated by commas, or JSON like [{"arn": "...", "external_id": "..."}])`,
    );
  }
  const parsed = parseTargets(text);
  if (!parsed.ok)
    throw new UsageError(`${source}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return parsed.targets;
}

/** `--role-arn ARN [--external-id ID]` as one target. */
export function roleTarget(roleArn: string, externalId: string | undefined): LiveTarget {
  const parsed = parseRoleArn(roleArn);
  if (!parsed.ok) throw new UsageError(`--role-arn: ${parsed.error}`);
  if (externalId !== undefined && !isValidStsExternalId(externalId))
    throw new UsageError(
      '--external-id is not a value STS accepts (2 to 1224 characters of letters, digits and _+=,.@:/-); copy it from the onboarding screen exactly',
    );
  const target: LiveTarget = {
    accountId: parsed.arn.accountId,
    partition: parsed.arn.partition,
    roleArn: parsed.arn.arn,
  };
  if (externalId !== undefined) target.externalId = externalId;
  return target;
}

/** Where STS is called for a role: the configured region when it is in the role's partition, else its home. */
function stsRegion(aws: AwsEnvironment, partition: string | undefined): string {
  const wanted = partition ?? 'aws';
  return partitionOfRegion(aws.region) === wanted ? aws.region : homeRegionOf(wanted);
}

/** What connecting needs: the environment and the scan's call counter (so STS calls are counted too). */
export interface ConnectSettings {
  /** The AWS settings from the environment. */
  aws: AwsEnvironment;
  /** The scan's counter. */
  callCounter: CallCounter;
}

/** Assumes the target's role with the External ID; throws a ConnectError the engine turns into coverage. */
export function assumeTargetRole(target: LiveTarget, settings: ConnectSettings): Promise<ScanSession> {
  const { aws } = settings;
  if (target.roleArn === undefined)
    throw new AxiomError('scan_target_without_role', `Target ${target.accountId} names no role to assume.`);
  return assumeRole({
    roleArn: target.roleArn,
    region: stsRegion(aws, target.partition),
    sessionName: `axiom-scan-${VERSION}`,
    callCounter: settings.callCounter,
    ...(aws.endpoint === undefined ? {} : { endpoint: aws.endpoint }),
    ...(target.externalId === undefined ? {} : { externalId: target.externalId }),
    ...(aws.credentials === undefined ? {} : { sourceCredentials: aws.credentials }),
  });
}

/** The ambient credentials' account, and a session holding them. */
export interface AmbientAccount {
  /** The account the credentials belong to, as a target. */
  target: LiveTarget;
  /** The credentials, for every unit of the scan. */
  session: ScanSession;
}

/**
 * Learns the account of the credentials Axiom runs with (one sts:GetCallerIdentity). Throws an AxiomError with
 * a `connect_` code when the credentials are missing or refused, or STS cannot be reached.
 */
export async function ambientAccount(settings: ConnectSettings): Promise<AmbientAccount> {
  const { aws } = settings;
  const endpoint = aws.endpoint === undefined ? {} : { endpoint: aws.endpoint };
  const keys = aws.credentials;
  const session = ambientSession({
    region: aws.region,
    ...endpoint,
    ...(keys === undefined ? {} : { chain: async () => ({ ...keys }) }),
  });
  const sts = createClient(STSClient, {
    region: aws.region,
    ...endpoint,
    credentials: session.credentials,
    callCounter: settings.callCounter,
    axiomVersion: VERSION,
  });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    const accountId = identity.Account ?? '';
    const partition = identity.Arn?.split(':')[1] ?? 'aws';
    return { target: { accountId, partition }, session };
  } catch (error) {
    session.drop();
    const detail = isAxiomError(error) ? error.message : describeIdentityError(error);
    throw new AxiomError(
      'connect_ambient_failed',
      `Could not connect with the credentials Axiom runs with: ${detail.replace(/\.$/, '')}.`,
      {
        hint: 'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE (and AWS_ENDPOINT_URL only for an emulator), or scan through a role with --role-arn.',
        cause: error,
      },
    );
  } finally {
    sts.destroy();
  }
}

function describeIdentityError(error: unknown): string {
  const failure = classifyAwsError(error);
  const said = failure.message ? `: ${failure.message}` : '';
  return `sts:GetCallerIdentity failed (${failure.code}${said})`;
}
