import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { taggingCollector } from '../../../../core/scan/collectors/tagging.ts';
import { type FakeAws, json, jsonError, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws({ region: 'eu-central-1' });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const PAGES: Record<string, object> = {
  '': {
    PaginationToken: 'token-2',
    ResourceTagMappingList: [
      {
        ResourceARN: 'arn:aws:ec2:eu-central-1:111122223333:instance/i-0123456789abcdef0',
        Tags: [
          { Key: 'owner', Value: 'team-a' },
          { Key: 'env', Value: '' },
        ],
      },
    ],
  },
  'token-2': {
    // The last page carries an empty token, as the tagging API sends it.
    PaginationToken: '',
    ResourceTagMappingList: [
      {
        ResourceARN: 'arn:aws:rds:eu-central-1:111122223333:db:orders',
        Tags: [{ Key: 'owner', Value: 'team-b' }],
      },
    ],
  },
};

async function collect(options: { maxAttempts?: number } = {}) {
  const { context, coverage } = collectorContext({ aws, ...options });
  const target = collectorTarget({ region: 'eu-central-1' });
  await taggingCollector.collect(context, target);
  return { tagging: target.regional.tagging, coverage };
}

describe('taggingCollector', () => {
  it('pages through GetResources with the largest page and maps ARNs to tags', async () => {
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', (request) =>
      json(PAGES[String(request.params.PaginationToken ?? '')]),
    );
    const { tagging, coverage } = await collect();
    const calls = aws.calls('ResourceGroupsTaggingAPI', 'GetResources');
    expect(calls.map((call) => call.params)).toEqual([
      { ResourcesPerPage: 100 },
      { ResourcesPerPage: 100, PaginationToken: 'token-2' },
    ]);
    expect(calls[0]?.headers['x-amz-target']).toBe('ResourceGroupsTaggingAPI_20170126.GetResources');
    expect(tagging).toEqual({
      resources: {
        'arn:aws:ec2:eu-central-1:111122223333:instance/i-0123456789abcdef0': { owner: 'team-a', env: '' },
        'arn:aws:rds:eu-central-1:111122223333:db:orders': { owner: 'team-b' },
      },
    });
    expect(coverage).toEqual([
      {
        accountId: '111122223333',
        region: 'eu-central-1',
        service: 'tagging',
        operation: 'GetResources',
        status: 'ok',
      },
    ]);
  });

  it('records an empty region as collected with no resources, in one call', async () => {
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', () =>
      json({ PaginationToken: '', ResourceTagMappingList: [] }),
    );
    const { tagging } = await collect();
    expect(tagging).toEqual({ resources: {} });
    expect(aws.requests).toHaveLength(1);
  });

  it('turns AccessDeniedException into coverage and leaves tagging absent', async () => {
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', () =>
      jsonError('AccessDeniedException', 'User is not authorized to perform: tag:GetResources'),
    );
    const { tagging, coverage } = await collect();
    expect(tagging).toBeUndefined();
    expect(coverage).toMatchObject([{ operation: 'GetResources', status: 'denied' }]);
  });

  it('retries a throttled page and finishes the listing', async () => {
    let throttled = false;
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', (request) => {
      if (request.params.PaginationToken === 'token-2' && !throttled) {
        throttled = true;
        return jsonError('ThrottledException', 'Rate exceeded');
      }
      return json(PAGES[String(request.params.PaginationToken ?? '')]);
    });
    const { tagging, coverage } = await collect({ maxAttempts: 3 });
    expect(aws.calls('ResourceGroupsTaggingAPI', 'GetResources')).toHaveLength(3);
    expect(Object.keys(tagging?.resources ?? {})).toHaveLength(2);
    expect(coverage).toMatchObject([{ operation: 'GetResources', status: 'ok' }]);
  });
});
