import { instanceExposedToInternet } from '../../../../core/rules/ec2/instance-exposed-to-internet.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, instance, securityGroup, tcp } from './fixtures.ts';

const sshOpen = securityGroup('sg-0d00000000000ssh1', 'bastion', [tcp(22, 22, '0.0.0.0/0')]);
const mysqlOpen = securityGroup('sg-0d0000000000mysql', 'legacy-db', [tcp(3306, 3306, '0.0.0.0/0')]);
const webOnly = securityGroup('sg-0d00000000000web1', 'web', [tcp(443, 443, '0.0.0.0/0')]);
const sshOpenV6Only = securityGroup('sg-0d00000000000ssh6', 'bastion-v6', [tcp(22, 22, '::/0')]);
const groups = [sshOpen, mysqlOpen, webOnly, sshOpenV6Only];

testRule(instanceExposedToInternet, [
  {
    name: 'a running instance with a public IP behind an SSH-open group is critical',
    inventory: inventoryFor({
      region: {
        ec2: {
          securityGroups: groups,
          instances: [
            instance('i-0a00000000000bast', {
              publicIpAddress: '54.210.17.33',
              securityGroupIds: [webOnly.groupId, sshOpen.groupId],
            }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'i-0a00000000000bast',
        severity: 'critical',
        message:
          'public IP 54.210.17.33 and is reachable from 0.0.0.0/0: sg-0d00000000000ssh1 (bastion) allows 22/tcp (SSH)',
      },
    ],
  },
  {
    name: 'two open groups make one finding naming both',
    inventory: inventoryFor({
      region: {
        ec2: {
          securityGroups: groups,
          instances: [
            instance('i-0a0000000000000db', {
              publicIpAddress: '3.91.200.4',
              securityGroupIds: [sshOpen.groupId, mysqlOpen.groupId],
            }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'i-0a0000000000000db',
        message: 'sg-0d0000000000mysql (legacy-db) allows 3306/tcp (MySQL/MariaDB)',
      },
    ],
  },
  {
    name: 'stopped, private, web-only, IPv6-only and unknown-group instances are not exposed',
    inventory: inventoryFor({
      region: {
        ec2: {
          securityGroups: groups,
          instances: [
            instance('i-0b00000000stopped', {
              state: 'stopped',
              publicIpAddress: '54.1.2.3',
              securityGroupIds: [sshOpen.groupId],
            }),
            instance('i-0b00000000private', { securityGroupIds: [sshOpen.groupId] }),
            instance('i-0b0000000000web01', {
              publicIpAddress: '54.1.2.4',
              securityGroupIds: [webOnly.groupId],
            }),
            instance('i-0b00000000000ipv6', {
              publicIpAddress: '54.1.2.5',
              securityGroupIds: [sshOpenV6Only.groupId],
            }),
            instance('i-0b00000000unknown', {
              publicIpAddress: '54.1.2.6',
              securityGroupIds: ['sg-0ffffffffffffffff'],
            }),
          ],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeInstances is denied',
    inventory: inventoryFor({
      region: { ec2: { securityGroups: groups } },
      coverage: [denied('ec2', 'DescribeInstances')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
  {
    name: 'not evaluated when DescribeSecurityGroups is denied',
    inventory: inventoryFor({
      region: { ec2: { instances: [instance('i-0c000000000000001', { publicIpAddress: '54.1.2.7' })] } },
      coverage: [denied('ec2', 'DescribeSecurityGroups')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
