/**
 * `/axiom connect [name]`: opens the connect form at once. Slack's trigger id lasts 3 seconds, so the form is
 * built (pure and fast) and opened before anything slow; the audit entry is written after.
 */
import { buildConnectModal } from '../../connect-form.ts';
import { isAdmin, record } from '../../services.ts';
import { describeSlackError } from '../../slack-post.ts';
import { adminOnlyReply, type CommandHandler } from './command-args.ts';

/** Opens the connect modal (admins only). */
export const connectCommand: CommandHandler<{ name: 'connect'; connection: string | undefined }> = async (
  { command, parsed, ack, client, respond },
  services,
) => {
  const actor = command.user_id;
  if (!isAdmin(services, actor)) {
    await ack({ text: adminOnlyReply('connect'), response_type: 'ephemeral' });
    await record(services, { actor, command: 'connect', result: 'denied', detail: 'not an admin' });
    return;
  }
  await ack();
  const view = buildConnectModal({
    externalId: services.newExternalId(),
    name: parsed.connection,
    channelId: command.channel_id,
    responseUrl: command.response_url,
    onboarding: services.onboarding,
  });
  try {
    await client.views.open({ trigger_id: command.trigger_id, view });
  } catch (error) {
    const reason = describeSlackError(error);
    await respond({ text: `Could not open the connect form: ${reason}. Run \`/axiom connect\` again.` });
    await record(services, {
      actor,
      command: 'connect',
      result: 'error',
      detail: `views.open failed: ${reason}`,
    });
    return;
  }
  await record(services, {
    actor,
    command: 'connect',
    ...(parsed.connection === undefined ? {} : { connection: parsed.connection }),
    result: 'ok',
    detail: 'opened the connect form',
  });
};
