import { elasticIpUnassociated } from '../../../../core/rules/ec2/elastic-ip-unassociated.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied } from './fixtures.ts';

testRule(elasticIpUnassociated, [
  {
    name: 'an unassociated address costs the public IPv4 hourly rate x 730',
    inventory: inventoryFor({
      region: {
        ec2: {
          addresses: [
            {
              allocationId: 'eipalloc-0a1b2c3d4e5f60001',
              publicIp: '52.4.10.20',
              domain: 'vpc',
              tags: { Name: 'old-vpn' },
            },
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'eipalloc-0a1b2c3d4e5f60001',
        severity: 'low',
        savings: 3.65,
        message: 'Elastic IP 52.4.10.20 (old-vpn) (eipalloc-0a1b2c3d4e5f60001) is not associated',
      },
    ],
  },
  {
    name: 'the region multiplier applies',
    inventory: inventoryFor({
      regional: {
        'ap-southeast-1': {
          ec2: {
            addresses: [{ allocationId: 'eipalloc-0sg', publicIp: '13.2.3.4', domain: 'vpc', tags: {} }],
          },
        },
      },
    }),
    expected: [{ resourceId: 'eipalloc-0sg', savings: 4.38 }],
  },
  {
    name: 'associated addresses (to an instance or a network interface) do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          addresses: [
            {
              allocationId: 'eipalloc-0b000000000000001',
              publicIp: '52.4.10.21',
              associationId: 'eipassoc-0b00000000000001',
              instanceId: 'i-0a00000000000bast',
              networkInterfaceId: 'eni-0b000000000000001',
              domain: 'vpc',
              tags: {},
            },
            {
              allocationId: 'eipalloc-0b000000000000002',
              publicIp: '52.4.10.22',
              associationId: 'eipassoc-0b00000000000002',
              networkInterfaceId: 'eni-0b000000000000002',
              domain: 'vpc',
              tags: {},
            },
          ],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeAddresses is denied',
    inventory: inventoryFor({ region: {}, coverage: [denied('ec2', 'DescribeAddresses')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
