import { describe, expect, it } from 'vitest';
import { MAX_FREE_TEXT, redactSecrets } from '../../../core/store/redact.ts';
import { EXTERNAL_ID, ROLE_ARN } from './store-support.ts';

describe('redactSecrets', () => {
  it.each([
    [`not authorized on resource: ${ROLE_ARN}`, 'not authorized on resource: [role ARN]'],
    [
      'User: arn:aws-us-gov:sts::123456789012:assumed-role/Scanner/session-1 is not',
      'User: [role ARN] is not',
    ],
    [`bad ${EXTERNAL_ID}.`, 'bad [External ID].'],
    ['{"ExternalId": "legacy-id-2019"}', '{"ExternalId": "[External ID]"}'],
    ['external_id=legacy-id-2019', 'external_id=[External ID]'],
    ['Check the External ID in the trust policy', 'Check the External ID in the trust policy'],
    ['ThrottlingException: Rate exceeded', 'ThrottlingException: Rate exceeded'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('removes the known secrets of the connection whatever their shape, and bounds the length', () => {
    expect(redactSecrets('failed for custom-external-id-value', ['custom-external-id-value'])).toBe(
      'failed for [redacted]',
    );
    const long = redactSecrets('x'.repeat(5000));
    expect(long).toHaveLength(MAX_FREE_TEXT);
    expect(long.endsWith('…')).toBe(true);
  });
});
