/**
 * `/axiom scan <name> [regions...] [--services ...]`: acknowledged at once, then checked (the connection exists,
 * may be scanned in this channel, is not halted) and queued as a durable job; the worker posts the result here.
 */
import { escapeMrkdwn } from '../../../core/index.ts';
import { channelList, isHalted, mayScanIn } from '../../connection-view.ts';
import { record } from '../../services.ts';
import type { CommandHandler } from './command-args.ts';

/** Queues a scan. */
export const scanCommand: CommandHandler<{
  name: 'scan';
  connection: string;
  regions: string[];
  services: string[];
}> = async ({ command, parsed, ack, respond }, services) => {
  const name = escapeMrkdwn(parsed.connection);
  await ack({ text: `Checking \`/axiom scan ${name}\`…`, response_type: 'ephemeral' });
  const actor = command.user_id;
  const audit = (result: 'ok' | 'denied' | 'invalid' | 'error', detail: string) =>
    record(services, { actor, command: 'scan', connection: parsed.connection, result, detail });

  const connection = await services.connections.getConnection(parsed.connection);
  // Outside its channels a connection is not acknowledged to exist: the same answer as for an unknown name.
  if (connection === undefined || !mayScanIn(connection, command.channel_id)) {
    await respond({
      text: `There is no connection named *${name}* that may be scanned in this channel. \`/axiom list\` shows the ones you can use here.`,
    });
    return audit(
      connection === undefined ? 'invalid' : 'denied',
      connection === undefined
        ? 'no such connection'
        : `not allowed in ${command.channel_id} (allowed: ${connection.allowedChannelIds.join(', ')})`,
    );
  }
  if (isHalted(connection)) {
    await respond({
      text: `*${name}* cannot be scanned: ${escapeMrkdwn(connection.lastError ?? 'onboarding was halted')}\nOnce the role is read-only, \`/axiom revoke-status ${name}\` checks it again.`,
    });
    return audit('denied', 'onboarding halted: the role can do more than read');
  }
  const regions = parsed.regions.length > 0 ? parsed.regions : connection.regions;
  const queued = await services.queue.enqueueScan({
    connection: connection.name,
    regions,
    services: parsed.services,
    requestedBy: actor,
    channel: command.channel_id,
    responseUrl: command.response_url,
  });
  if (!queued.ok) {
    if (queued.reason === 'busy') {
      await respond({
        text: `A scan of *${name}* is already ${queued.state === 'active' ? 'running' : 'queued'}; its result will be posted in ${channelList(connection.allowedChannelIds)}.`,
      });
      return audit('invalid', `already ${queued.state ?? 'queued'} (job ${queued.jobId ?? 'unknown'})`);
    }
    const why = queued.reason === 'invalid' ? queued.problems.join('; ') : 'the connection was removed';
    await respond({ text: `Could not queue the scan of *${name}*: ${escapeMrkdwn(why)}.` });
    return audit('invalid', why);
  }
  const scope = `${regions.join(', ')}${parsed.services.length > 0 ? `; ${parsed.services.join(', ')}` : ''}`;
  await respond({
    response_type: 'in_channel',
    text: `⏳ <@${escapeMrkdwn(actor)}> started a scan of *${name}* (${escapeMrkdwn(scope)}). The report will be posted here.`,
  });
  await audit('ok', `queued job ${queued.jobId} (${scope})`);
};
