/**
 * Everything a handler may use, passed in rather than imported: the store, the audit log, the queue, AWS,
 * the clock and the logger. Tests build one from plain objects; `main.ts` builds the real one.
 */
import type { AwsAccess } from './aws-access.ts';
import type { AuditLog, ConnectionStore, NewAuditEntry, ScanQueue } from './ports.ts';

/** Where the bot writes operational messages (never secrets). */
export interface BotLogger {
  /** Normal operation. */
  info(message: string): void;
  /** Something refused or degraded. */
  warn(message: string): void;
  /** Something failed. */
  error(message: string): void;
}

/** What the connect form shows besides the generated artifacts. */
export interface OnboardingSettings {
  /** The AWS account Axiom assumes roles from (for the trust policy), once known. */
  scannerAccountId: string | undefined;
  /** The published CloudFormation template, for the quick-create link. */
  templateUrl: string | undefined;
  /** Regions pre-filled in the form. */
  defaultRegions: readonly string[];
}

/** A handler's dependencies. */
export interface BotServices {
  /** Slack user ids of the admins. */
  admins: ReadonlySet<string>;
  /** The connections. */
  connections: ConnectionStore;
  /** The audit log. */
  audit: AuditLog;
  /** The scan-job queue. */
  queue: ScanQueue;
  /** AWS, through core. */
  aws: AwsAccess;
  /** Onboarding settings. */
  onboarding: OnboardingSettings;
  /** A fresh External ID (core's generateExternalId). */
  newExternalId: () => string;
  /** The clock. */
  clock: () => Date;
  /** Operational log. */
  logger: BotLogger;
  /** For `response_url` posts made outside a Bolt listener (the worker, the health check). */
  fetch: typeof fetch;
}

/** Whether `userId` is an Axiom admin. Deny by default: nobody is, unless listed. */
export function isAdmin(services: Pick<BotServices, 'admins'>, userId: string): boolean {
  return services.admins.has(userId);
}

/**
 * Appends to the audit log. A failure to record is logged, not thrown: the user's command has already
 * happened, and the operator must see that the log missed it.
 */
export async function record(
  services: Pick<BotServices, 'audit' | 'logger'>,
  entry: NewAuditEntry,
): Promise<void> {
  try {
    await services.audit.appendAudit(entry);
  } catch (error) {
    services.logger.error(
      `Could not record ${entry.command} by ${entry.actor} (${entry.result}) in the audit log: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
