/**
 * An External ID rotation as a Slack message: the new ID, the step for each way the role may have been
 * deployed, and a button that tests the new ID before Axiom forgets the old one (nothing is switched until
 * the role can be assumed with the new ID, so no scan fails midway).
 */
import type { ExternalIdRotation } from '../connect/external-id.ts';
import { codeSections, escapedWithin, escapeMrkdwn, plainText, section } from './block-kit-text.ts';
import { type MessageBlock, SLACK_LIMITS, type SlackMessage } from './block-kit-types.ts';

/** How the rotation message is built. */
export interface RotationBlocksOptions {
  /** The connection's name. */
  connection: string;
  /** The confirm button's action id (the adapter's action listener matches it). */
  confirmActionId: string;
  /** The confirm button's value (the adapter reads it back when clicked), at most 2,000 characters. */
  confirmValue: string;
}

/** Renders the rotation steps with a confirm button. */
export function renderRotationBlocks(
  rotation: ExternalIdRotation,
  options: RotationBlocksOptions,
): SlackMessage {
  const name = escapedWithin(options.connection, 100);
  const blocks: MessageBlock[] = [
    {
      type: 'header',
      text: plainText(`Rotate the External ID of ${options.connection}`, SLACK_LIMITS.headerText),
    },
    section(
      `New External ID: \`${escapeMrkdwn(rotation.externalId)}\`\nAxiom keeps using the current one until the role accepts the new one. Do the step for how the role was created, then press *Test and switch*.`,
    ),
  ];
  for (const step of rotation.steps) {
    switch (step.kind) {
      case 'update-trust-policy':
        blocks.push(
          section(`*Created by hand:* ${escapeMrkdwn(step.instruction)}`),
          ...codeSections(JSON.stringify({ Condition: step.condition }, null, 2)),
        );
        break;
      case 'update-stack-parameter':
        blocks.push(
          section(
            `*CloudFormation:* ${escapeMrkdwn(step.instruction)} (${step.parameter} = \`${escapeMrkdwn(step.value)}\`)`,
          ),
        );
        break;
      case 'update-terraform-variable':
        blocks.push(
          section(
            `*Terraform:* ${escapeMrkdwn(step.instruction)} (${step.variable} = \`${escapeMrkdwn(step.value)}\`)`,
          ),
        );
        break;
      case 'confirm-assume-role':
      case 'remove-old-external-id':
        blocks.push(section(`• ${escapeMrkdwn(step.instruction)}`));
        break;
    }
  }
  blocks.push({
    type: 'actions',
    block_id: 'rotation',
    elements: [
      {
        type: 'button',
        action_id: options.confirmActionId,
        style: 'primary',
        text: plainText('Test and switch', SLACK_LIMITS.buttonText),
        value: options.confirmValue.slice(0, SLACK_LIMITS.buttonValue),
      },
    ],
  });
  return {
    text: `New External ID for ${name}: update the role, then press Test and switch.`,
    blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks),
  };
}
