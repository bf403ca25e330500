/**
 * Checking a connection now and recording what was found: AssumeRole for a connection that was working (the
 * cheap test that notices a deleted role or a changed trust policy), the full verification for one whose
 * onboarding was halted (it may have been fixed since). A change of status is announced to the connection's
 * channel once: the store says whether this update changed it, so two processes never both announce.
 */
import { diagnoseAssumeFailure, escapeMrkdwn, type VerifyReport } from '../core/index.ts';
import { HALTED_PREFIX, isHalted } from './connection-view.ts';
import type { Connection, ConnectionStatus, ConnectionSummary, SlackClient } from './ports.ts';
import { type BotServices, record } from './services.ts';
import { postMessage } from './slack-post.ts';

/** What a check found. */
export type CheckOutcome = { status: 'connected' } | { status: 'disconnected'; error: string };

/** A verification's verdict as a status: over-privileged and unusable roles are disconnected. */
export function outcomeOfVerify(report: VerifyReport): CheckOutcome {
  if (report.health === 'over-privileged') {
    const blockers = report.diagnoses.filter((diagnosis) => diagnosis.code === 'over-privileged');
    const what = blockers.map((diagnosis) => `${diagnosis.title}. Fix: ${diagnosis.fix}`).join(' ');
    return { status: 'disconnected', error: `${HALTED_PREFIX}${what || 'the role can do more than read.'}` };
  }
  if (report.health === 'cannot-connect') {
    const blocker = report.diagnoses[0];
    return {
      status: 'disconnected',
      error:
        blocker === undefined
          ? 'Axiom could not use the role.'
          : `${blocker.title}. ${blocker.explanation} Fix: ${blocker.fix}`,
    };
  }
  return { status: 'connected' };
}

/** Checks `connection` now (see the file comment). Never throws for AWS problems. */
export async function checkConnection(
  services: Pick<BotServices, 'aws'>,
  connection: Connection,
): Promise<CheckOutcome> {
  if (isHalted(connection)) return outcomeOfVerify(await services.aws.verify(connection, connection.regions));
  try {
    const session = await services.aws.assume(connection);
    session.drop();
    return { status: 'connected' };
  } catch (error) {
    const diagnosis = diagnoseAssumeFailure(error, connection.roleArn);
    return {
      status: 'disconnected',
      error: `${diagnosis.title}. ${diagnosis.explanation} Fix: ${diagnosis.fix}`,
    };
  }
}

function announcement(connection: ConnectionSummary, previous: ConnectionStatus): string | undefined {
  const name = `*${escapeMrkdwn(connection.name)}*`;
  const error = escapeMrkdwn(connection.lastError ?? 'Axiom could not assume its role.');
  if (connection.status === 'disconnected')
    return isHalted(connection)
      ? `🛑 ${name}: ${error}`
      : `🔴 ${name} is now disconnected: Axiom can no longer assume its role. ${error}\nScans of ${name} fail until the role is restored; \`/axiom revoke-status ${escapeMrkdwn(connection.name)}\` tries again.`;
  if (connection.status === 'connected' && previous === 'disconnected')
    return `🟢 ${name} is connected again: Axiom can assume its role.`;
  return undefined;
}

/**
 * Records `outcome` for `connection` and, when `announce` and the status changed, posts the change to the
 * connection's health channel (else its first scan channel) and records it in the audit log.
 */
export async function recordCheck(
  services: Pick<BotServices, 'connections' | 'audit' | 'logger' | 'fetch'>,
  client: SlackClient,
  connection: Pick<ConnectionSummary, 'name'>,
  outcome: CheckOutcome,
  options: { actor: string; command: string; announce: boolean },
): Promise<ConnectionSummary | undefined> {
  const result = await services.connections.updateStatus(connection.name, outcome);
  if (!result.found || !result.changed) return result.found ? result.connection : undefined;
  const updated = result.connection;
  const text = options.announce ? announcement(updated, result.previous) : undefined;
  let delivery = '';
  const channel = updated.healthChannelId ?? updated.allowedChannelIds[0];
  if (text !== undefined && channel !== undefined) {
    try {
      const posted = await postMessage(
        client,
        { channel, text },
        { responseUrl: undefined, fetch: services.fetch },
      );
      delivery =
        posted.delivered === 'channel'
          ? `; announced in ${channel}`
          : `; could not announce in ${channel}: ${posted.reason}`;
    } catch (error) {
      delivery = `; could not announce in ${channel}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await record(services, {
    actor: options.actor,
    command: options.command,
    connection: updated.name,
    result: updated.status === 'connected' ? 'ok' : 'error',
    detail: `${result.previous} -> ${updated.status}${updated.lastError === undefined ? '' : `: ${updated.lastError}`}${delivery}`,
  });
  return updated;
}
