/**
 * How the Action reaches the accounts it scans. `role-to-assume` alone: that role, by GitHub OIDC (or with
 * `external-id`, by sts:AssumeRole from the runner's credentials), and its account is scanned. With `targets`:
 * `role-to-assume` is a hub and each target is assumed from it (with the target's External ID when it has one);
 * without a hub, each target is assumed directly with the OIDC token, or from the runner's credentials when it
 * has an External ID. The hub is assumed before the scan, so a broken trust policy fails the step with its
 * diagnosis; a target that cannot be reached becomes a coverage gap of the report.
 */
import {
  AxiomError,
  assumeRole,
  homeRegionOf,
  parseRoleArn,
  partitionOfRegion,
  type ScanSession,
  type ScanTarget,
  type Session,
} from '../core/index.ts';
import type { ActionInputs } from './inputs.ts';
import { assumeRoleWithGithubOidc, githubTokenSource, oidcUnavailableError } from './oidc.ts';
import type { AwsEnvironment } from './run-context.ts';
import type { Toolkit } from './toolkit.ts';

/** One account to scan, with the role assumed there. */
export interface AccessTarget extends ScanTarget {
  /** The role assumed in the account. */
  roleArn: string;
  /** Its External ID, when its trust policy requires one. */
  externalId?: string;
}

/** The accounts of this run and how to connect to each. */
export interface ScanAccess {
  /** The accounts, in order. */
  targets: AccessTarget[];
  /** Credentials for one account (masked as they are handed out); throws when the role cannot be assumed. */
  connect(target: AccessTarget): Promise<ScanSession>;
  /** Forgets every credential still held (the hub's). */
  dropAll(): void;
}

/** What `prepareScanAccess` needs besides the inputs. */
export interface ScanAccessOptions {
  /** The inputs (role, External ID, audience, session settings, targets already sharded). */
  inputs: Pick<
    ActionInputs,
    'roleToAssume' | 'externalId' | 'audience' | 'roleDurationSeconds' | 'roleSessionName'
  >;
  /** This job's targets (the shard's slice); undefined when the input was not given. */
  targets: readonly AccessTarget[] | undefined;
  /** The session name when the input is empty: derived from the run id. */
  defaultSessionName: string;
  /** The environment's AWS settings. */
  aws: AwsEnvironment;
  /** Whether the runner offers OIDC tokens. */
  oidcAvailable: boolean;
  /** getIDToken, setSecret, info. */
  toolkit: Pick<Toolkit, 'getIDToken' | 'setSecret' | 'info'>;
  /** The clock. */
  clock: () => Date;
  /** Waits between OIDC retries. */
  sleep: (ms: number) => Promise<void>;
  /** Jitter. */
  random: () => number;
}

/** The STS region for a role: the environment's region when it is in the role's partition, else the partition's home. */
export function stsRegionFor(roleArn: string, environmentRegion: string | undefined): string {
  const parsed = parseRoleArn(roleArn);
  const partition = parsed.ok ? parsed.arn.partition : 'aws';
  if (environmentRegion && partitionOfRegion(environmentRegion) === partition) return environmentRegion;
  return homeRegionOf(partition);
}

/** The target for a single role: its account, named like the target list names entries. */
export function targetOfRole(roleArn: string): AccessTarget {
  const parsed = parseRoleArn(roleArn);
  if (!parsed.ok)
    throw new AxiomError('invalid_role_arn', `Could not use the role ${roleArn}: ${parsed.error}`);
  const { accountId, roleName, partition, arn } = parsed.arn;
  return { accountId, name: `${accountId}-${roleName}`, partition, roleArn: arn };
}

/** A session as the scan gets it: a credential provider that masks, and a way to forget. */
export interface MaskedSession extends ScanSession {
  /** Hands out the session's credentials, masking each value in the log the first time. */
  credentials: Session['credentials'];
}

/** A session whose credentials are masked in the log the first time each is handed out. */
export function maskedSession(session: Session, setSecret: (secret: string) => void): MaskedSession {
  const masked = new Set<string>();
  const credentials = Object.assign(
    async () => {
      const identity = await session.credentials();
      for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken]) {
        if (value && !masked.has(value)) {
          masked.add(value);
          setSecret(value);
        }
      }
      return identity;
    },
    { memoized: true as const },
  );
  return { credentials, drop: () => session.drop() };
}

/** Assumes the hub (when there is one) and returns how to reach each target; see the module comment. */
export async function prepareScanAccess(options: ScanAccessOptions): Promise<ScanAccess> {
  const { inputs, aws, toolkit } = options;
  const sessionName = inputs.roleSessionName ?? options.defaultSessionName;
  const common = (roleArn: string) => ({
    region: stsRegionFor(roleArn, aws.region),
    sessionName,
    clock: options.clock,
    ...(inputs.roleDurationSeconds === undefined ? {} : { durationSeconds: inputs.roleDurationSeconds }),
    ...(aws.endpoint === undefined ? {} : { endpoint: aws.endpoint }),
    ...(aws.maxAttempts === undefined ? {} : { maxAttempts: aws.maxAttempts }),
  });
  const viaOidc = (roleArn: string): Promise<Session> => {
    if (!options.oidcAvailable) throw oidcUnavailableError(roleArn);
    return assumeRoleWithGithubOidc({
      ...common(roleArn),
      roleArn,
      tokens: githubTokenSource({
        audience: inputs.audience,
        available: options.oidcAvailable,
        roleArn,
        toolkit,
        now: () => options.clock().getTime(),
      }),
      sleep: options.sleep,
      random: options.random,
      onRetry: (message) => toolkit.info(message),
    });
  };
  const viaAssumeRole = (roleArn: string, externalId: string | undefined, source: Session | undefined) =>
    assumeRole({
      ...common(roleArn),
      roleArn,
      ...(externalId === undefined ? {} : { externalId }),
      ...(source
        ? { sourceCredentials: source.credentials }
        : aws.credentials
          ? { sourceCredentials: aws.credentials }
          : {}),
    });

  if (inputs.externalId !== undefined) toolkit.setSecret(inputs.externalId);
  for (const target of options.targets ?? [])
    if (target.externalId !== undefined) toolkit.setSecret(target.externalId);

  const hubArn = inputs.roleToAssume;
  if (options.targets === undefined) {
    if (hubArn === undefined)
      throw new AxiomError('scan_without_role', 'Could not start the live scan: no role to assume.', {
        hint: 'Set role-to-assume (the role GitHub OIDC assumes) or targets (the accounts to scan).',
      });
    const hub =
      inputs.externalId === undefined
        ? await viaOidc(hubArn)
        : await viaAssumeRole(hubArn, inputs.externalId, undefined);
    const masked = maskedSession(hub, toolkit.setSecret);
    // Fetch once now, so the credentials are masked before anything could print them.
    await masked.credentials();
    return { targets: [targetOfRole(hubArn)], connect: async () => masked, dropAll: () => hub.drop() };
  }

  const targets = [...options.targets];
  let hub: Session | undefined;
  if (hubArn !== undefined) {
    hub =
      inputs.externalId === undefined
        ? await viaOidc(hubArn)
        : await viaAssumeRole(hubArn, inputs.externalId, undefined);
    await maskedSession(hub, toolkit.setSecret).credentials();
  } else if (!options.oidcAvailable) {
    const needsOidc = targets.find((target) => target.externalId === undefined);
    if (needsOidc) throw oidcUnavailableError(needsOidc.roleArn);
  }
  const hubSession = hub;
  return {
    targets,
    async connect(target) {
      const session =
        hubSession !== undefined || target.externalId !== undefined
          ? await viaAssumeRole(target.roleArn, target.externalId, hubSession)
          : await viaOidc(target.roleArn);
      return maskedSession(session, toolkit.setSecret);
    },
    dropAll: () => hubSession?.drop(),
  };
}
