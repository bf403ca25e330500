/**
 * `/axiom rotate-external-id <name>` (admins): a new External ID and the steps to put it in the role's trust
 * policy, with a button that switches once the role accepts it. Nothing changes until then.
 */
import { escapeMrkdwn, renderRotationBlocks, rotateExternalId } from '../../../core/index.ts';
import { CONFIRM_ROTATION_ACTION, rotationValue } from '../../rotation.ts';
import { isAdmin, record } from '../../services.ts';
import { adminOnlyReply, type CommandHandler } from './command-args.ts';

/** Starts a rotation. */
export const rotateExternalIdCommand: CommandHandler<{
  name: 'rotate-external-id';
  connection: string;
}> = async ({ command, parsed, ack, respond }, services) => {
  const actor = command.user_id;
  const name = parsed.connection;
  if (!isAdmin(services, actor)) {
    await ack({ text: adminOnlyReply('rotate-external-id'), response_type: 'ephemeral' });
    await record(services, {
      actor,
      command: 'rotate-external-id',
      connection: name,
      result: 'denied',
      detail: 'not an admin',
    });
    return;
  }
  await ack();
  const connection = await services.connections.getConnection(name);
  if (connection === undefined) {
    await respond({ text: `There is no connection named *${escapeMrkdwn(name)}*.` });
    await record(services, {
      actor,
      command: 'rotate-external-id',
      connection: name,
      result: 'invalid',
      detail: 'no such connection',
    });
    return;
  }
  const rotation = rotateExternalId(connection.externalId);
  const message = renderRotationBlocks(rotation, {
    connection: connection.name,
    confirmActionId: CONFIRM_ROTATION_ACTION,
    confirmValue: rotationValue({
      connection: connection.name,
      previous: rotation.previousExternalId,
      next: rotation.externalId,
    }),
  });
  await respond({ ...message, response_type: 'ephemeral' });
  await record(services, {
    actor,
    command: 'rotate-external-id',
    connection: connection.name,
    result: 'ok',
    detail: 'new External ID shown; waiting for the role to accept it',
  });
};
