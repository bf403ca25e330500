/**
 * The rotation's "Test and switch" button: assumes the role with the new External ID; only when that works is
 * the new ID stored (and the old one forgotten). Otherwise the diagnosis says what the trust policy lacks.
 */
import { diagnoseAssumeFailure, escapeMrkdwn } from '../../../core/index.ts';
import type { Respond } from '../../ports.ts';
import { parseRotationValue } from '../../rotation.ts';
import { type BotServices, isAdmin, record } from '../../services.ts';

/** What Slack's block action brings, as the handler uses it. */
export interface ButtonActionArgs {
  /** Acknowledges the click. */
  ack: () => Promise<void>;
  /** Who clicked. */
  body: { user: { id: string } };
  /** The button. */
  action: { value?: string };
  /** Replies (replacing the rotation message when asked). */
  respond: Respond;
}

/** Tests the new External ID and switches to it. */
export async function confirmRotation(args: ButtonActionArgs, services: BotServices): Promise<void> {
  const { ack, body, action, respond } = args;
  await ack();
  const actor = body.user.id;
  const token = parseRotationValue(action.value);
  const audit = (result: 'ok' | 'denied' | 'invalid' | 'error', detail: string) =>
    record(services, {
      actor,
      command: 'rotate-external-id',
      ...(token === undefined ? {} : { connection: token.connection }),
      result,
      detail,
    });
  if (!isAdmin(services, actor)) {
    await respond({ text: 'Only Axiom admins may rotate External IDs.' });
    return audit('denied', 'confirm: not an admin');
  }
  const connection =
    token === undefined ? undefined : await services.connections.getConnection(token.connection);
  if (token === undefined || connection === undefined || connection.externalId !== token.previous) {
    await respond({
      text: 'This rotation is out of date (the connection was removed or its External ID has changed since). Run `/axiom rotate-external-id` again.',
      replace_original: true,
    });
    return audit('invalid', 'confirm: out-of-date rotation');
  }
  const name = escapeMrkdwn(connection.name);
  try {
    const session = await services.aws.assume({ roleArn: connection.roleArn, externalId: token.next });
    session.drop();
  } catch (error) {
    const diagnosis = diagnoseAssumeFailure(error, connection.roleArn);
    await respond({
      text: `The role of *${name}* does not accept the new External ID yet, so Axiom keeps the current one.\n*${escapeMrkdwn(diagnosis.title)}*: ${escapeMrkdwn(diagnosis.explanation)}\n*Fix:* ${escapeMrkdwn(diagnosis.fix)}\nPress *Test and switch* again once the trust policy is updated.`,
    });
    return audit('error', `confirm: the role refused the new External ID: ${diagnosis.title}`);
  }
  const rotated = await services.connections.rotateExternalId(connection.name, token.next);
  if (!rotated.ok) {
    await respond({
      text: `Could not store the new External ID: ${escapeMrkdwn(rotated.problems.map((p) => p.message).join('; '))}.`,
    });
    return audit('error', `confirm: ${rotated.problems.map((p) => p.message).join('; ')}`);
  }
  await respond({
    replace_original: true,
    text: `✅ *${name}* now uses its new External ID; Axiom has forgotten the old one. If the trust policy lists both IDs, remove the old one now.`,
  });
  await audit('ok', 'switched to the new External ID after the role accepted it');
}
