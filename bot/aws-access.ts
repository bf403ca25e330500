/**
 * The bot's three uses of AWS, each through core: assume a connection's role (health checks, revoke-status,
 * rotation), verify a new connection, and scan one. The endpoint override and the credentials Axiom runs with
 * come from the environment once (config.ts); nothing here reads it.
 */
import type { AwsEnvironment } from '../cli/aws-env.ts';
import {
  ALL_COLLECTORS,
  ALL_RULES,
  assumeRole,
  buildScanReportContext,
  evaluateRules,
  type Finding,
  type Inventory,
  loadIamCatalog,
  parseRoleArn,
  type ReportContext,
  runScan,
  type ScanService,
  type Session,
  type VerifyReport,
  verifyConnection,
} from '../core/index.ts';

/** A role and the External ID its trust policy requires. */
export interface RoleRef {
  /** The role ARN. */
  roleArn: string;
  /** The External ID. */
  externalId: string;
}

/** What a scan of one connection produced. */
export interface ScanOutcome {
  /** The findings. */
  findings: Finding[];
  /** The run around them, for the renderers. */
  context: ReportContext;
  /** The snapshot. */
  inventory: Inventory;
}

/** What to scan. */
export interface ScanInput {
  /** The connection's name. */
  name: string;
  /** Its role. */
  role: RoleRef;
  /** A session already obtained for it (the worker assumes first, to report a refusal clearly). */
  session: Session;
  /** Regions. */
  regions: readonly string[];
  /** Services; empty: all (Cost Explorer excluded, as AWS bills it). */
  services: readonly ScanService[];
  /** The job's time limit: once aborted the scan stops calling AWS and rejects ('scan_cancelled'). */
  signal?: AbortSignal;
}

/** The bot's AWS operations. */
export interface AwsAccess {
  /** Assumes the role now; throws a ConnectError (AxiomError) saying why when it cannot. */
  assume(role: RoleRef): Promise<Session>;
  /** Tests a connection the way onboarding does. Never throws for AWS problems. */
  verify(role: RoleRef, regions: readonly string[]): Promise<VerifyReport>;
  /** Scans one account with a session and evaluates every rule. */
  scan(input: ScanInput): Promise<ScanOutcome>;
}

/** How the bot reaches AWS. */
export interface AwsAccessOptions {
  /** Region, endpoint and source credentials. */
  aws: AwsEnvironment;
  /** Axiom's version, for session names, the User-Agent and reports. */
  version: string;
  /** The clock. */
  clock?: () => Date;
  /** Maximum attempts per AWS call (default the factory's). */
  maxAttempts?: number;
}

/** The bot's AWS operations over core, with the given settings. */
export function createAwsAccess(options: AwsAccessOptions): AwsAccess {
  const { aws } = options;
  const clock = options.clock ?? (() => new Date());
  const endpoint = aws.endpoint === undefined ? {} : { endpoint: aws.endpoint };
  const attempts = options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts };
  const assume = (role: RoleRef, purpose: string): Promise<Session> =>
    assumeRole({
      roleArn: role.roleArn,
      externalId: role.externalId,
      region: aws.region,
      ...endpoint,
      ...attempts,
      clock,
      sessionName: `axiom-bot-${purpose}`,
      ...(aws.credentials === undefined ? {} : { sourceCredentials: aws.credentials }),
    });
  return {
    assume: (role) => assume(role, 'check'),
    verify: (role, regions) =>
      verifyConnection({
        roleArn: role.roleArn,
        regions,
        ...endpoint,
        ...attempts,
        resolver: loadIamCatalog(),
        now: clock,
        connect: () => assume(role, 'verify'),
      }),
    async scan(input) {
      const parsed = parseRoleArn(input.role.roleArn);
      const arn = parsed.ok ? parsed.arn : undefined;
      const inventory = await runScan({
        targets: [
          {
            accountId: arn?.accountId ?? '000000000000',
            name: input.name,
            partition: arn?.partition ?? 'aws',
            regions: input.regions,
            roleArn: input.role.roleArn,
          },
        ],
        connect: async () => input.session,
        collectors: ALL_COLLECTORS,
        regions: input.regions,
        ...(input.services.length > 0 ? { services: input.services } : {}),
        ...endpoint,
        ...attempts,
        axiomVersion: options.version,
        clock,
        ...(input.signal === undefined ? {} : { signal: input.signal }),
      });
      const evaluation = evaluateRules(inventory, ALL_RULES, {
        now: clock(),
        catalog: loadIamCatalog(),
      });
      const context = buildScanReportContext(inventory, evaluation, {
        tool: { name: 'Axiom', version: options.version },
        rules: ALL_RULES,
      });
      return { findings: evaluation.findings, context, inventory };
    },
  };
}
