import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { classifyAwsError } from '../aws/aws-error.ts';
import type { CallCounter } from '../aws/call-counter.ts';
import { type ClientSettings, type CredentialSource, createClient } from '../aws/client-factory.ts';
import { type Diagnosis, diagnoseAssumeFailure, diagnoseProbeFailure } from './diagnosis.ts';
import type { SdkClientName } from './permissions.ts';
import { type ActionResolver, checkRolePrivileges, type PrivilegeReport } from './privilege-check.ts';
import { SERVICE_PROBES } from './verify-probes.ts';

/** Credentials for the role being verified, and a way to forget them. */
export interface VerifySession {
  /** The role's temporary credentials (a provider that refreshes). */
  credentials: CredentialSource;
  /** Forgets the credentials. */
  drop(): void;
}

/** What `verifyConnection` needs; I/O comes in through `connect` and the settings. */
export interface VerifyOptions {
  /** The role Axiom assumes. */
  roleArn: string;
  /** Obtains the role's session (AssumeRole with External ID, web identity, ...). */
  connect: () => Promise<VerifySession>;
  /** Regions selected for scanning; probes run in the first. */
  regions: readonly string[];
  /** Endpoint override (AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Expands action patterns for the privilege check. */
  resolver: ActionResolver;
  /** Also run probes AWS bills per request (Cost Explorer). Default false. */
  includeBilledProbes?: boolean;
  /** The clock. */
  now?: () => Date;
  /** Call statistics. */
  callCounter?: CallCounter;
  /** Maximum attempts per call. */
  maxAttempts?: number;
}

/** One service read made with the role's credentials. */
export interface ProbeResult {
  client: SdkClientName;
  action: string;
  status: 'ok' | 'denied' | 'unimplemented' | 'error' | 'skipped';
  /** Items the read returned (a sample, not a count of the account). */
  items?: number;
  /** AWS's error code and message, or why it was skipped. */
  detail?: string;
}

/** Overall verdict; 'degraded' means connected and read-only but some reads are denied. */
export type ConnectionHealth = 'healthy' | 'degraded' | 'no-access' | 'cannot-connect' | 'over-privileged';

/** Everything verify found, ready for a renderer. Holds no credentials. */
export interface VerifyReport {
  roleArn: string;
  health: ConnectionHealth;
  /** The caller identity once assumed. */
  identity?: { account: string; arn: string };
  probes: ProbeResult[];
  privilege?: PrivilegeReport;
  diagnoses: Diagnosis[];
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

function roleParts(roleArn: string): { accountId: string; roleName: string } | undefined {
  const match = ROLE_ARN.exec(roleArn);
  return match?.[2] && match[3] ? { accountId: match[2], roleName: match[3] } : undefined;
}

function healthOf(report: Omit<VerifyReport, 'health'>): ConnectionHealth {
  if (report.privilege?.status === 'over-privileged') return 'over-privileged';
  const probes = report.probes.filter(
    (probe) => probe.status !== 'skipped' && probe.status !== 'unimplemented',
  );
  if (probes.length > 0 && probes.every((probe) => probe.status === 'denied')) return 'no-access';
  return probes.some((probe) => probe.status !== 'ok') ? 'degraded' : 'healthy';
}

/**
 * Tests a connection the way the onboarding screen's "Test connection" does: assume the role, confirm the
 * account, make one read per granted service, and check the role can do nothing more than read. Every failure
 * becomes a plain-language diagnosis; AWS errors never escape.
 */
export async function verifyConnection(options: VerifyOptions): Promise<VerifyReport> {
  const { roleArn } = options;
  const parts = roleParts(roleArn);
  if (!parts)
    return {
      roleArn,
      health: 'cannot-connect',
      probes: [],
      diagnoses: [
        {
          code: 'bad-role-arn',
          level: 'blocker',
          title: 'The role ARN is not valid',
          explanation: `'${roleArn}' is not an IAM role ARN.`,
          fix: 'Copy the ARN from the role summary page in IAM; it looks like arn:aws:iam::123456789012:role/axiom-readonly.',
        },
      ],
    };

  let session: VerifySession;
  try {
    session = await options.connect();
  } catch (error) {
    return {
      roleArn,
      health: 'cannot-connect',
      probes: [],
      diagnoses: [diagnoseAssumeFailure(error, roleArn)],
    };
  }

  try {
    const region = options.regions[0] ?? 'us-east-1';
    const settings: ClientSettings = { region, credentials: session.credentials };
    if (options.endpoint !== undefined) settings.endpoint = options.endpoint;
    if (options.callCounter !== undefined) settings.callCounter = options.callCounter;
    if (options.maxAttempts !== undefined) settings.maxAttempts = options.maxAttempts;
    const diagnoses: Diagnosis[] = [];

    let identity: { account: string; arn: string };
    try {
      const caller = await createClient(STSClient, settings).send(new GetCallerIdentityCommand({}));
      identity = { account: caller.Account ?? '', arn: caller.Arn ?? '' };
    } catch (error) {
      return {
        roleArn,
        health: 'cannot-connect',
        probes: [],
        diagnoses: [diagnoseAssumeFailure(error, roleArn)],
      };
    }
    if (identity.account !== parts.accountId) {
      diagnoses.push({
        code: 'account-mismatch',
        level: 'blocker',
        title: 'The credentials belong to a different account',
        explanation: `The role ARN names account ${parts.accountId}, but sts:GetCallerIdentity says the session is in ${identity.account}.`,
        fix: 'Check the role ARN, and AWS_ENDPOINT_URL if you point Axiom at an emulator.',
      });
      return { roleArn, health: 'cannot-connect', identity, probes: [], diagnoses };
    }

    const now = options.now?.() ?? new Date();
    const probes = await Promise.all(
      SERVICE_PROBES.map(async (probe): Promise<ProbeResult> => {
        const base = { client: probe.client, action: probe.action };
        if (probe.billed && !options.includeBilledProbes)
          return {
            ...base,
            status: 'skipped',
            detail: 'AWS bills each Cost Explorer request; enable cost checks to test it',
          };
        try {
          return {
            ...base,
            status: 'ok',
            items: await probe.run({ settings, accountId: parts.accountId, now }),
          };
        } catch (error) {
          const failure = classifyAwsError(error);
          const status =
            failure.kind === 'denied'
              ? 'denied'
              : failure.kind === 'unimplemented'
                ? 'unimplemented'
                : 'error';
          diagnoses.push(diagnoseProbeFailure(probe.action, failure));
          return { ...base, status, detail: `${failure.code}: ${failure.message}` };
        }
      }),
    );

    const ran = probes.filter((probe) => probe.status === 'ok');
    const denied = probes.filter((probe) => probe.status === 'denied');
    if (denied.length > 0 && ran.length === 0)
      diagnoses.unshift({
        code: 'no-permission',
        level: 'blocker',
        title: 'Every read was denied',
        explanation:
          'The role was assumed, but it cannot read any service: the Axiom permission policy is not attached, or an SCP denies everything. A scan would come back empty for lack of permission, not for lack of resources.',
        fix: 'Attach the Axiom permission policy to the role (`axiom onboard --format permissions`).',
      });
    else if (denied.length === 0 && ran.length > 0 && ran.every((probe) => (probe.items ?? 0) === 0))
      diagnoses.push({
        code: 'empty-account',
        level: 'info',
        title: 'Every read worked and found nothing',
        explanation: `The role has permission, and the account has no resources visible in ${region}. An empty scan here means no resources, not missing permissions.`,
        fix: 'Choose the regions where your resources live with --regions.',
      });

    const privilege = await checkRolePrivileges({
      roleArn,
      roleName: parts.roleName,
      settings,
      resolver: options.resolver,
    });
    for (const problem of privilege.problems)
      diagnoses.unshift({
        code: 'over-privileged',
        level: 'blocker',
        title: `The role can do more than read: ${problem.source}`,
        explanation: `${problem.source} ${problem.reason}${problem.actions.length > 0 ? ` (e.g. ${problem.actions.join(', ')})` : ''}. Onboarding stops until the role is read-only.`,
        fix: problem.fix,
      });
    for (const note of privilege.notes)
      diagnoses.push({
        code: 'privilege-check-note',
        level: 'info',
        title: note,
        explanation: note,
        fix: '',
      });

    const report = { roleArn, identity, probes, privilege, diagnoses };
    return { ...report, health: healthOf(report) };
  } finally {
    session.drop();
  }
}
