/**
 * The connect form's submission: validate (field errors go back into the form), save the connection with its
 * role ARN and External ID encrypted, close the form, then test the role and post the verdict, per-service
 * reads and diagnosis in the channel. A role that can do more than read halts onboarding (seed 003): the
 * connection is kept, marked halted, and refused for scans until a later check finds it read-only.
 */
import { describeError, escapeMrkdwn, renderVerifyBlocks } from '../../../core/index.ts';
import { blockOfField, parseConnectMetadata, validateConnectSubmission } from '../../connect-form.ts';
import { outcomeOfVerify } from '../../connection-check.ts';
import { channelList } from '../../connection-view.ts';
import type { SlackClient } from '../../ports.ts';
import { type BotServices, isAdmin, record } from '../../services.ts';
import { postMessage } from '../../slack-post.ts';

/** What Slack's view_submission brings, as the handler uses it. */
export interface ViewSubmissionArgs {
  /** Closes the form, or shows errors under its inputs. */
  ack: (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;
  /** Who submitted. */
  body: { user: { id: string } };
  /** The submitted view. */
  view: { private_metadata?: string; state: { values: unknown } };
  /** The Web API. */
  client: SlackClient;
}

/** Handles a connect form submission. */
export async function connectSubmission(args: ViewSubmissionArgs, services: BotServices): Promise<void> {
  const { ack, body, view, client } = args;
  const actor = body.user.id;
  const refuse = async (errors: Record<string, string>, result: 'denied' | 'invalid', detail: string) => {
    await ack({ response_action: 'errors', errors });
    await record(services, { actor, command: 'connect', result, detail });
  };
  if (!isAdmin(services, actor))
    return refuse({ connection_name: 'Only Axiom admins may connect accounts.' }, 'denied', 'not an admin');
  const metadata = parseConnectMetadata(view.private_metadata);
  if (metadata === undefined)
    return refuse(
      { connection_name: 'This form is out of date; run /axiom connect again.' },
      'invalid',
      'unreadable form metadata',
    );
  const validation = validateConnectSubmission(view.state.values);
  if (!validation.ok)
    return refuse(validation.errors, 'invalid', `form errors: ${Object.values(validation.errors).join(' ')}`);
  const { submission } = validation;
  const saved = await services.connections.createConnection({
    name: submission.name,
    roleArn: submission.roleArn,
    externalId: metadata.externalId,
    regions: submission.regions,
    allowedChannelIds: submission.channels,
    healthChannelId: metadata.channel,
    createdBy: actor,
  });
  if (!saved.ok) {
    const errors: Record<string, string> = {};
    for (const problem of saved.problems) errors[blockOfField(problem.field)] ??= problem.message;
    return refuse(errors, 'invalid', saved.problems.map((problem) => problem.message).join('; '));
  }
  await ack();
  await record(services, {
    actor,
    command: 'connect',
    connection: submission.name,
    result: 'ok',
    detail: `saved with regions ${submission.regions.join(', ')} and channels ${submission.channels.join(', ')}; testing the role`,
  });
  try {
    await verifyAndReport(services, client, {
      name: submission.name,
      actor,
      regions: submission.regions,
      metadata,
      channels: submission.channels,
    });
  } catch (error) {
    const reason = describeError(error);
    services.logger.error(`Testing connection ${submission.name} failed: ${reason}`);
    await postMessage(
      client,
      {
        channel: metadata.channel,
        text: `Saved *${escapeMrkdwn(submission.name)}*, but testing its role failed: ${escapeMrkdwn(reason)} \`/axiom revoke-status ${escapeMrkdwn(submission.name)}\` tries again.`,
      },
      { responseUrl: metadata.responseUrl, fetch: services.fetch },
    ).catch(() => undefined);
    await record(services, {
      actor,
      command: 'connect-verify',
      connection: submission.name,
      result: 'error',
      detail: reason,
    });
  }
}

async function verifyAndReport(
  services: BotServices,
  client: SlackClient,
  input: {
    name: string;
    actor: string;
    regions: string[];
    channels: string[];
    metadata: NonNullable<ReturnType<typeof parseConnectMetadata>>;
  },
): Promise<void> {
  const { name, actor, metadata } = input;
  const fallback = { responseUrl: metadata.responseUrl, fetch: services.fetch };
  const connection = await services.connections.getConnection(name);
  if (connection === undefined) return;
  const report = await services.aws.verify(connection, input.regions);
  const outcome = outcomeOfVerify(report);
  await services.connections.updateStatus(name, outcome);
  const message = renderVerifyBlocks(report, {
    connection: name,
    next: `Scans may run in ${channelList(input.channels)}: \`/axiom scan ${name}\`.`,
  });
  let delivery: string;
  try {
    const posted = await postMessage(client, { channel: metadata.channel, ...message }, fallback);
    delivery = posted.delivered === 'nowhere' ? `; the result could not be posted: ${posted.reason}` : '';
  } catch (error) {
    delivery = `; the result could not be posted: ${error instanceof Error ? error.message : String(error)}`;
  }
  await record(services, {
    actor,
    command: 'connect-verify',
    connection: name,
    result: outcome.status === 'connected' ? 'ok' : report.health === 'over-privileged' ? 'denied' : 'error',
    detail: `${report.health}${outcome.status === 'disconnected' ? `: ${outcome.error}` : ''}${delivery}`,
  });
}
