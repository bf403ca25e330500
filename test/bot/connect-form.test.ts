import { describe, expect, it } from 'vitest';
import {
  blockOfField,
  buildConnectModal,
  parseConnectMetadata,
  validateConnectSubmission,
} from '../../bot/connect-form.ts';
import { expectModalWithinSlackLimits } from './slack-limits.ts';

const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/axiom-readonly';

function values(input: { name?: string; roleArn?: string; regions?: string; channels?: string[] }) {
  return {
    connection_name: { value: { type: 'plain_text_input', value: input.name ?? 'prod' } },
    role_arn: { value: { type: 'plain_text_input', value: input.roleArn ?? ROLE_ARN } },
    regions: { value: { type: 'plain_text_input', value: input.regions ?? 'us-east-1' } },
    scan_channels: {
      value: { type: 'multi_conversations_select', selected_conversations: input.channels ?? ['C0PROD'] },
    },
  };
}

describe('validateConnectSubmission', () => {
  it('accepts a good submission, normalising name, ARN and regions', () => {
    expect(
      validateConnectSubmission(
        values({ name: ' Prod ', roleArn: ` ${ROLE_ARN}\n`, regions: 'us-east-1, EU-WEST-1  us-east-1' }),
      ),
    ).toEqual({
      ok: true,
      submission: {
        name: 'prod',
        roleArn: ROLE_ARN,
        regions: ['us-east-1', 'eu-west-1'],
        channels: ['C0PROD'],
      },
    });
  });

  it.each([
    [
      'a user ARN',
      { roleArn: 'arn:aws:iam::111122223333:user/axiom' },
      'role_arn',
      /Expected a role ARN like/,
    ],
    [
      'an assumed-role ARN',
      { roleArn: 'arn:aws:sts::111122223333:assumed-role/axiom/s' },
      'role_arn',
      /Expected a role ARN like/,
    ],
    ['an empty ARN', { roleArn: '' }, 'role_arn', /Expected a role ARN like/],
    ['a bad name', { name: 'prod env' }, 'connection_name', /lower-case letters/],
    ['no region', { regions: ' , ' }, 'regions', /at least one region/],
    ['a made-up region', { regions: 'us-east-1 moon-1' }, 'regions', /moon-1/],
    ['a China region for a commercial role', { regions: 'cn-north-1' }, 'regions', /cn-north-1/],
    ['no channel', { channels: [] }, 'scan_channels', /at least one channel/],
  ])('%s is an error under its field', (_name, input, block, message) => {
    const result = validateConnectSubmission(values(input));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual([block]);
      expect(result.errors[block]).toMatch(message);
      expect(result.errors[block]?.length).toBeLessThanOrEqual(300);
    }
  });

  it('reports every field at once, and survives a state that is not the form’s', () => {
    const result = validateConnectSubmission({});
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'connection_name',
      'regions',
      'role_arn',
      'scan_channels',
    ]);
    expect(validateConnectSubmission(null).ok).toBe(false);
  });

  it('maps the store’s fields onto the form’s inputs', () => {
    expect(blockOfField('roleArn')).toBe('role_arn');
    expect(blockOfField('allowedChannelIds')).toBe('scan_channels');
    expect(blockOfField('name')).toBe('connection_name');
    expect(blockOfField('externalId')).toBe('connection_name');
  });
});

describe('buildConnectModal', () => {
  const onboarding = {
    scannerAccountId: '999988887777',
    templateUrl: undefined,
    defaultRegions: ['eu-west-1'],
  };

  it('carries the channel, External ID and response URL in its metadata', () => {
    const view = buildConnectModal({
      externalId: EXTERNAL_ID,
      name: 'prod',
      channelId: 'C0PROD',
      responseUrl: 'https://r',
      onboarding,
    });
    expect(parseConnectMetadata(view.private_metadata)).toEqual({
      channel: 'C0PROD',
      externalId: EXTERNAL_ID,
      responseUrl: 'https://r',
    });
    expectModalWithinSlackLimits(view);
  });

  it('builds the quick-create link from the template URL and the scanner account', () => {
    const view = buildConnectModal({
      externalId: EXTERNAL_ID,
      name: undefined,
      channelId: 'C0PROD',
      responseUrl: undefined,
      onboarding: { ...onboarding, templateUrl: 'https://axiom-templates.s3.amazonaws.com/role.yaml' },
    });
    const accessory = view.blocks.flatMap((block) =>
      block.type === 'section' && block.accessory ? [block.accessory] : [],
    )[0];
    expect(accessory?.url).toContain(
      'region=eu-west-1#/stacks/quickcreate?templateURL=https%3A%2F%2Faxiom-templates',
    );
    expect(accessory?.url).toContain(`param_ExternalId=${EXTERNAL_ID}`);
    expect(accessory?.url).toContain('param_ScannerAccountId=999988887777');
  });

  it('without a scanner account it says so instead of a trust policy', () => {
    const view = buildConnectModal({
      externalId: EXTERNAL_ID,
      name: undefined,
      channelId: 'C0PROD',
      responseUrl: undefined,
      onboarding: { ...onboarding, scannerAccountId: undefined },
    });
    expect(JSON.stringify(view.blocks)).toContain('set AXIOM_SCANNER_ACCOUNT_ID');
  });

  it('ignores metadata that is not its own', () => {
    expect(parseConnectMetadata(undefined)).toBeUndefined();
    expect(parseConnectMetadata('not json')).toBeUndefined();
    expect(parseConnectMetadata('{"channel":1}')).toBeUndefined();
  });
});
