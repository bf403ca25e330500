import { describe, expect, it } from 'vitest';
import { rotateExternalId } from '../../../core/connect/external-id.ts';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import { buildScannerTrustPolicy } from '../../../core/connect/trust-policy.ts';
import { CONNECT_MODAL_FIELDS, renderConnectModal } from '../../../core/report/block-kit-connect.ts';
import { renderRotationBlocks } from '../../../core/report/block-kit-rotation.ts';
import type { InputBlock, ModalView } from '../../../core/report/block-kit-types.ts';
import { expectModalWithinSlackLimits, expectWithinSlackLimits } from '../../bot/slack-limits.ts';

const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';

function modal(overrides: Partial<Parameters<typeof renderConnectModal>[0]> = {}): ModalView {
  return renderConnectModal({
    callbackId: 'axiom_connect',
    privateMetadata: '{"channel":"C0PROD"}',
    externalId: EXTERNAL_ID,
    trustPolicy: buildScannerTrustPolicy({ scannerAccountId: '999988887777', externalId: EXTERNAL_ID }),
    permissionPolicy: buildPermissionPolicy(),
    terraformVariables: `external_id = "${EXTERNAL_ID}"\nscanner_account_id = "999988887777"\n`,
    regions: ['us-east-1', 'eu-west-1'],
    channelId: 'C0PROD',
    ...overrides,
  });
}

function shown(view: ModalView): string {
  return view.blocks
    .flatMap((block) => (block.type === 'section' ? [block.text?.text ?? ''] : []))
    .join('\n')
    .replaceAll('&quot;', '"');
}

describe('renderConnectModal', () => {
  it('shows the External ID, the trust and permission policies and the Terraform variables', () => {
    const view = modal();
    const text = shown(view);
    expect(text).toContain(`*External ID:* \`${EXTERNAL_ID}\``);
    expect(text).toContain('"sts:ExternalId": "axm-BotTestExternalId0123456789abcde"');
    expect(text).toContain('arn:aws:iam::999988887777:root');
    for (const action of ['ec2:DescribeInstances', 's3:ListAllMyBuckets', 'sts:GetCallerIdentity'])
      expect(text).toContain(action);
    expect(text).toContain('scanner_account_id = "999988887777"');
    expect(text).toContain(`axiom onboard --format terraform --external-id ${EXTERNAL_ID}`);
  });

  it('the permission policy in the modal is the catalogue’s, parseable as shown', () => {
    const view = modal();
    const sections = view.blocks.flatMap((block) =>
      block.type === 'section' ? [block.text?.text ?? ''] : [],
    );
    const start = sections.findIndex((text) => text.startsWith('Then add this permission policy')) + 1;
    const end = sections.findIndex((text, index) => index >= start && !text.startsWith('```'));
    const policy = sections
      .slice(start, end < 0 ? undefined : end)
      .map((text) => text.slice(4, -4))
      .join('\n');
    expect(start).toBeGreaterThan(0);
    expect(JSON.parse(policy)).toEqual(buildPermissionPolicy());
  });

  it('offers the quick-create link as a button when there is one, else the command for the template', () => {
    const url = 'https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?x=1';
    const withLink = modal({ quickCreateUrl: url });
    const button = withLink.blocks.find((block) => block.type === 'section' && block.accessory !== undefined);
    expect(button?.type === 'section' ? button.accessory : undefined).toMatchObject({
      url,
      text: { text: 'Launch stack' },
    });
    expect(shown(modal())).toContain('axiom onboard --format cloudformation > axiom-role.yaml');
  });

  it('explains why the trust policy is missing when the scanner account is unknown', () => {
    const text = shown(modal({ trustPolicy: { problem: 'Set AXIOM_SCANNER_ACCOUNT_ID.' } }));
    expect(text).toContain('*3. By hand.* Set AXIOM_SCANNER_ACCOUNT_ID.');
    expect(text).not.toContain('sts:ExternalId');
  });

  it('asks for the name, role ARN, regions and channels with the ids the adapter reads', () => {
    const view = modal({ name: 'prod' });
    const inputs = view.blocks.filter((block): block is InputBlock => block.type === 'input');
    expect(inputs.map((input) => input.block_id)).toEqual(
      Object.values(CONNECT_MODAL_FIELDS).map((field) => field.blockId),
    );
    expect(inputs[0]?.element).toMatchObject({ action_id: 'value', initial_value: 'prod' });
    expect(inputs[2]?.element).toMatchObject({ initial_value: 'us-east-1, eu-west-1' });
    expect(inputs[3]?.element).toMatchObject({
      type: 'multi_conversations_select',
      initial_conversations: ['C0PROD'],
    });
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'axiom_connect',
      private_metadata: '{"channel":"C0PROD"}',
    });
  });

  it('stays within Slack’s modal limits, even with a region-restricted policy', () => {
    expectModalWithinSlackLimits(modal());
    expectModalWithinSlackLimits(
      modal({
        permissionPolicy: buildPermissionPolicy({ regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] }),
      }),
    );
  });
});

describe('renderRotationBlocks', () => {
  it('shows the new ID, a step per deployment method and the confirm button', () => {
    const rotation = rotateExternalId(EXTERNAL_ID);
    const message = renderRotationBlocks(rotation, {
      connection: 'prod',
      confirmActionId: 'confirm',
      confirmValue: '{"c":"prod"}',
    });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`New External ID: \`${rotation.externalId}\``);
    expect(text).toContain('*Created by hand:*');
    expect(text).toContain(`\\"${EXTERNAL_ID}\\",\\n        \\"${rotation.externalId}\\"`);
    expect(text).toContain('*CloudFormation:*');
    expect(text).toContain('*Terraform:*');
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'confirm', value: '{"c":"prod"}', text: { text: 'Test and switch' } },
      ],
    });
    expectWithinSlackLimits(message.blocks);
  });
});
