/**
 * The scan job: open the connection's secrets from the store, assume its role, scan, evaluate the rules, post
 * the result as Block Kit in the channel and attach the full report in its thread. A role that cannot be
 * assumed is reported (and the connection marked disconnected) instead of retried; any other failure is
 * recorded and retried by the queue, and the channel is told when the last attempt fails.
 */
import {
  AxiomError,
  describeError,
  diagnoseAssumeFailure,
  escapeMrkdwn,
  isAxiomError,
  parseScanServices,
  renderScanBlocks,
  renderText,
  type ScanService,
  type Session,
} from '../core/index.ts';
import type { ScanOutcome } from './aws-access.ts';
import { recordCheck } from './connection-check.ts';
import type { PostMessage, ScanJob, ScanJobHandler, SlackClient } from './ports.ts';
import { type BotServices, record } from './services.ts';
import { type Delivery, describeSlackError, postMessage } from './slack-post.ts';

/** What the job handler uses. */
export type WorkerServices = Pick<
  BotServices,
  'connections' | 'audit' | 'aws' | 'clock' | 'logger' | 'fetch'
>;

/** Credential failures worth another attempt: STS unreachable or an unexpected answer, not a refusal. */
const TRANSIENT_CONNECT_CODES = new Set(['sts_unreachable', 'assume_role_failed']);

/** Most thread replies used when the report cannot be attached as a file. */
const MAX_REPORT_REPLIES = 8;
const REPORT_REPLY_CHARS = 3500;

function isTransient(error: unknown): boolean {
  return !isAxiomError(error) || TRANSIENT_CONNECT_CODES.has(error.code);
}

function reportFileName(name: string, finishedAt: string | undefined): string {
  const stamp = (finishedAt ?? new Date().toISOString()).slice(0, 19).replace(/[:T]/g, '-');
  return `axiom-scan-${name}-${stamp}.txt`;
}

function scanServices(names: readonly string[]): ScanService[] {
  if (names.length === 0) return [];
  const parsed = parseScanServices(names);
  return parsed.ok ? parsed.services : [];
}

/** Attaches the full report in the result's thread; falls back to thread replies when the upload fails. */
async function attachReport(
  client: SlackClient,
  channel: string,
  threadTs: string,
  outcome: ScanOutcome,
  name: string,
): Promise<string> {
  const report = renderText(outcome.findings, outcome.context);
  try {
    await client.filesUploadV2({
      channel_id: channel,
      thread_ts: threadTs,
      filename: reportFileName(name, outcome.context.finishedAt),
      title: `Axiom scan of ${name}: full report`,
      content: report,
      initial_comment:
        'The full report: every finding with its fix, coverage gaps and the rule checks that could not run.',
    });
    return 'report attached';
  } catch (error) {
    const reason = describeSlackError(error);
    const chunks: string[] = [];
    for (
      let start = 0;
      start < report.length && chunks.length < MAX_REPORT_REPLIES;
      start += REPORT_REPLY_CHARS
    )
      chunks.push(report.slice(start, start + REPORT_REPLY_CHARS));
    const cut = chunks.join('').length < report.length;
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text: `Could not attach the full report as a file (${escapeMrkdwn(reason)}); here it is${cut ? ', cut to fit' : ''}.`,
    });
    for (const chunk of chunks)
      await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: `\`\`\`${escapeMrkdwn(chunk)}\`\`\``,
      });
    return `report upload failed (${reason}); posted in the thread instead`;
  }
}

function deliveryNote(delivery: Delivery): string {
  if (delivery.delivered === 'channel') return '';
  if (delivery.delivered === 'response_url') return `; posted through the response URL (${delivery.reason})`;
  return `; the result could not be posted: ${delivery.reason}`;
}

async function runJob(
  job: ScanJob,
  services: WorkerServices,
  client: SlackClient,
): Promise<Record<string, unknown>> {
  const { request } = job;
  const name = escapeMrkdwn(request.connection);
  const audit = (result: 'ok' | 'invalid' | 'error', detail: string) =>
    record(services, {
      actor: request.requestedBy,
      command: 'scan',
      connection: request.connection,
      result,
      detail,
    });
  const post = (message: Omit<PostMessage, 'channel'>) =>
    postMessage(
      client,
      { channel: request.channel, ...message },
      { responseUrl: request.responseUrl, fetch: services.fetch },
    );

  const connection = await services.connections.getConnection(request.connection);
  if (connection === undefined) {
    await post({ text: `The scan of *${name}* was dropped: the connection was removed before it ran.` });
    await audit('invalid', `job ${job.id}: the connection no longer exists`);
    return { status: 'connection-removed' };
  }

  let session: Session;
  try {
    session = await services.aws.assume(connection);
  } catch (error) {
    if (isTransient(error) && !job.isLastAttempt) throw error;
    const diagnosis = diagnoseAssumeFailure(error, connection.roleArn);
    await recordCheck(
      services,
      client,
      connection,
      { status: 'disconnected', error: `${diagnosis.title}. ${diagnosis.explanation} Fix: ${diagnosis.fix}` },
      { actor: 'axiom', command: 'scan', announce: false },
    );
    const delivery = await post({
      text: `❌ Could not scan *${name}*: ${escapeMrkdwn(diagnosis.title)}.\n${escapeMrkdwn(diagnosis.explanation)}\n*Fix:* ${escapeMrkdwn(diagnosis.fix)}`,
    });
    await audit(
      'error',
      `job ${job.id}: could not assume the role: ${diagnosis.title}${deliveryNote(delivery)}`,
    );
    return { status: 'cannot-connect' };
  }
  await recordCheck(
    services,
    client,
    connection,
    { status: 'connected' },
    { actor: 'axiom', command: 'scan', announce: true },
  );

  // Past its time limit the queue has given the job to another attempt: the scan stops calling AWS (the job's
  // signal cancels it), and nothing is posted, which would post twice.
  const expired = () =>
    new AxiomError(
      'scan_job_expired',
      `The scan of ${connection.name} outlived its time limit; it will be retried.`,
    );
  let outcome: ScanOutcome;
  try {
    outcome = await services.aws.scan({
      name: connection.name,
      role: connection,
      session,
      regions: request.regions.length > 0 ? request.regions : connection.regions,
      services: scanServices(request.services),
      signal: job.signal,
    });
  } catch (error) {
    if (job.signal.aborted) throw expired();
    throw error;
  } finally {
    session.drop();
  }
  if (job.signal.aborted) throw expired();
  const message = renderScanBlocks(outcome.findings, outcome.context, {
    title: connection.name,
    fullReport: 'the full report in the thread',
  });
  const delivery = await post(message);
  let attached = 'report not attached';
  if (delivery.delivered === 'channel' && delivery.ts !== undefined)
    attached = await attachReport(client, request.channel, delivery.ts, outcome, connection.name);
  const gaps = outcome.context.coverage?.length ?? 0;
  await audit(
    'ok',
    `job ${job.id}: ${outcome.findings.length} findings, ${gaps} coverage gaps; ${message.text}; ${attached}${deliveryNote(delivery)}`,
  );
  return { status: 'completed', findings: outcome.findings.length, coverageGaps: gaps };
}

/** The queue's handler for scan jobs (see the file comment). */
export function createScanJobHandler(services: WorkerServices, client: SlackClient): ScanJobHandler {
  return async (job) => {
    try {
      return await runJob(job, services, client);
    } catch (error) {
      const reason = isAxiomError(error) ? describeError(error) : describeSlackError(error);
      const attempt = `attempt ${job.retryCount + 1}`;
      services.logger.error(`Scan job ${job.id} (${job.request.connection}) ${attempt} failed: ${reason}`);
      await record(services, {
        actor: job.request.requestedBy,
        command: 'scan',
        connection: job.request.connection,
        result: 'error',
        detail: `job ${job.id} ${attempt} failed: ${reason}${job.isLastAttempt ? '' : '; it will be retried'}`,
      });
      if (job.isLastAttempt) {
        try {
          await postMessage(
            client,
            {
              channel: job.request.channel,
              text: `❌ The scan of *${escapeMrkdwn(job.request.connection)}* failed: ${escapeMrkdwn(reason)}`,
            },
            { responseUrl: job.request.responseUrl, fetch: services.fetch },
          );
        } catch (postError) {
          services.logger.error(
            `Could not tell ${job.request.channel} that job ${job.id} failed: ${describeSlackError(postError)}`,
          );
        }
      }
      throw error;
    }
  };
}
