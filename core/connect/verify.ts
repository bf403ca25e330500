import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type ClassifiedAwsError, classifyAwsError } from '../aws/aws-error.ts';
import type { CallCounter } from '../aws/call-counter.ts';
import { type ClientSettings, type CredentialSource, createClient } from '../aws/client-factory.ts';
import {
  type Diagnosis,
  diagnoseAssumeFailure,
  diagnoseIdentityFailure,
  diagnoseProbeFailure,
} from './diagnosis.ts';
import type { SdkClientName } from './permissions.ts';
import {
  type ActionResolver,
  checkRolePrivileges,
  describePrivilegeSource,
  type PrivilegeProblem,
  type PrivilegeReport,
} from './privilege-check.ts';
import { parseRoleArn } from './role-arn.ts';
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
  /** The SDK client probed. */
  client: SdkClientName;
  /** The IAM action the read exercises. */
  action: string;
  /** How it went: 'unimplemented' means the endpoint lacks the API (an emulator), not a permission problem. */
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
  /** The role verified, as given. */
  roleArn: string;
  /** The verdict. */
  health: ConnectionHealth;
  /** The caller identity once assumed. */
  identity?: { account: string; arn: string };
  /** One result per service read, in catalogue order; empty when the role could not be used. */
  probes: ProbeResult[];
  /** Whether the role can do more than read; absent when the role could not be used. */
  privilege?: PrivilegeReport;
  /** Every problem found, blockers first, each with its fix. */
  diagnoses: Diagnosis[];
}

function healthOf(report: Omit<VerifyReport, 'health'>): ConnectionHealth {
  if (report.privilege?.status === 'over-privileged') return 'over-privileged';
  const probes = report.probes.filter(
    (probe) => probe.status !== 'skipped' && probe.status !== 'unimplemented',
  );
  if (probes.length > 0 && probes.every((probe) => probe.status === 'denied')) return 'no-access';
  // A role whose policies could not be read is not proven read-only: connected, but with a gap.
  if (report.privilege?.status === 'unknown') return 'degraded';
  return probes.some((probe) => probe.status !== 'ok') ? 'degraded' : 'healthy';
}

const LEVEL_ORDER: Record<Diagnosis['level'], number> = { blocker: 0, warning: 1, info: 2 };

/** Probes whose count reflects resources, so that zero from all of them means an empty account. */
const RESOURCE_PROBES = new Set(
  SERVICE_PROBES.filter((probe) => !probe.accountSettings).map((probe) => probe.action),
);

function overPrivilegeDiagnosis(problem: PrivilegeProblem): Diagnosis {
  const subject = describePrivilegeSource(problem.source);
  const named = problem.source.startsWith('arn:') ? `${subject} (${problem.source})` : subject;
  const examples = problem.actions.length > 0 ? ` (e.g. ${problem.actions.join(', ')})` : '';
  return {
    code: 'over-privileged',
    level: 'blocker',
    title: `The role can do more than read: ${subject}`,
    explanation: `${named.charAt(0).toUpperCase()}${named.slice(1)} ${problem.reason}${examples}. Onboarding stops until the role is read-only.`,
    fix: problem.fix,
  };
}

/**
 * Tests a connection the way the onboarding screen's "Test connection" does: assume the role, confirm the
 * account, make one read per granted service, and check the role can do nothing more than read. Every failure
 * becomes a plain-language diagnosis; AWS errors never escape.
 */
export async function verifyConnection(options: VerifyOptions): Promise<VerifyReport> {
  const { roleArn } = options;
  const parsed = parseRoleArn(roleArn);
  if (!parsed.ok)
    return {
      roleArn,
      health: 'cannot-connect',
      probes: [],
      diagnoses: [
        {
          code: 'bad-role-arn',
          level: 'blocker',
          title: 'The role ARN is not valid',
          explanation: `${parsed.reason.charAt(0).toUpperCase()}${parsed.reason.slice(1)}.`,
          fix: "Copy the ARN from the role's summary page in the IAM console; it looks like arn:aws:iam::123456789012:role/axiom-readonly.",
        },
      ],
    };
  const parts = parsed.arn;

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
        diagnoses: [diagnoseIdentityFailure(error)],
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
      SERVICE_PROBES.map(async (probe): Promise<ProbeResult & { failure?: ClassifiedAwsError }> => {
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
          return { ...base, status, detail: `${failure.code}: ${failure.message}`, failure };
        }
      }),
    );
    // In catalogue order, whichever answered first: the same account always reads the same.
    for (const probe of probes)
      if (probe.failure) diagnoses.push(diagnoseProbeFailure(probe.action, probe.failure));

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
    else if (
      denied.length === 0 &&
      ran.some((probe) => RESOURCE_PROBES.has(probe.action)) &&
      ran.every((probe) => !RESOURCE_PROBES.has(probe.action) || (probe.items ?? 0) === 0)
    )
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
    diagnoses.unshift(...privilege.problems.map(overPrivilegeDiagnosis));
    if (privilege.status === 'unknown')
      diagnoses.push({
        code: 'privilege-unverified',
        level: 'warning',
        title: 'Axiom could not check that the role is read-only',
        explanation:
          'Not every policy of the role could be read (see the notes), so nothing shows whether it can do more than read (ReadOnlyAccess, write actions, data reads).',
        fix: 'Attach the current Axiom permission policy (`axiom onboard --format permissions`), which lets the role read its own policies, and check by hand any policy the notes name.',
      });
    for (const note of privilege.notes)
      diagnoses.push({
        code: 'privilege-check-note',
        level: 'info',
        title: note,
        explanation: note,
        fix: '',
      });

    const report = {
      roleArn,
      identity,
      probes: probes.map(({ failure: _, ...probe }) => probe),
      privilege,
      // Blockers first, then warnings, then notes; the sort is stable, so each level keeps its order.
      diagnoses: diagnoses.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]),
    };
    return { ...report, health: healthOf(report) };
  } finally {
    session.drop();
  }
}
