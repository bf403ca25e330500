/**
 * `/axiom disconnect <name>` (admins): deletes the connection with its stored role ARN and External ID, then
 * reminds the admin to delete the IAM role, which Axiom cannot do (it only ever reads).
 */
import { escapeMrkdwn, parseRoleArn } from '../../../core/index.ts';
import { isAdmin, record } from '../../services.ts';
import { adminOnlyReply, type CommandHandler } from './command-args.ts';

/** Forgets a connection. */
export const disconnectCommand: CommandHandler<{ name: 'disconnect'; connection: string }> = async (
  { command, parsed, ack, respond },
  services,
) => {
  const actor = command.user_id;
  const name = parsed.connection;
  if (!isAdmin(services, actor)) {
    await ack({ text: adminOnlyReply('disconnect'), response_type: 'ephemeral' });
    await record(services, {
      actor,
      command: 'disconnect',
      connection: name,
      result: 'denied',
      detail: 'not an admin',
    });
    return;
  }
  await ack();
  const connection = await services.connections.getConnection(name);
  if (connection === undefined || !(await services.connections.deleteConnection(name))) {
    await respond({
      text: `There is no connection named *${escapeMrkdwn(name)}*. \`/axiom list\` shows them.`,
    });
    await record(services, {
      actor,
      command: 'disconnect',
      connection: name,
      result: 'invalid',
      detail: 'no such connection',
    });
    return;
  }
  const arn = parseRoleArn(connection.roleArn);
  const role = arn.ok
    ? `the role *${escapeMrkdwn(arn.arn.roleName)}* in account ${arn.arn.accountId}`
    : 'its IAM role';
  await respond({
    text: `*${escapeMrkdwn(name)}* is disconnected: Axiom deleted its role ARN and External ID and will not scan it again.\nNow delete ${role} (IAM › Roles, or delete the CloudFormation stack or \`terraform destroy\`), so nothing can use it.`,
  });
  await record(services, {
    actor,
    command: 'disconnect',
    connection: name,
    result: 'ok',
    detail: 'deleted the role ARN and External ID; reminded to delete the IAM role',
  });
};
