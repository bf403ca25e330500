import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { securityGroupOpenToInternet } from '../../../../core/rules/ec2/security-group-open-to-internet.ts';
import { evaluateRules } from '../../../../core/rules/evaluate.ts';
import { inventoryFor, TEST_NOW, testRule } from '../../../helpers/rule-harness.ts';
import { denied, securityGroup, tcp } from './fixtures.ts';

const sshOpen = securityGroup('sg-0b1a2c3d4e5f60001', 'bastion', [
  { ...tcp(22, 22, '0.0.0.0/0'), description: 'ssh from anywhere' },
  tcp(443, 443, '0.0.0.0/0'),
]);
const postgresOpenV6 = securityGroup('sg-0b1a2c3d4e5f60002', 'reporting-db', [tcp(5432, 5432, '::/0')]);
const allTraffic = securityGroup('sg-0b1a2c3d4e5f60003', 'launch-wizard-1', [
  { protocol: '-1', cidrIpv4: '0.0.0.0/0' },
  { protocol: '-1', cidrIpv6: '::/0' },
]);
const allTcp = securityGroup('sg-0b1a2c3d4e5f60004', 'debug', [tcp(0, 65535, '0.0.0.0/0')]);
const wideRange = securityGroup('sg-0b1a2c3d4e5f60005', 'legacy-app', [tcp(1000, 6000, '0.0.0.0/0')]);
const memcachedUdp = securityGroup('sg-0b1a2c3d4e5f60006', 'cache', [
  { protocol: 'udp', fromPort: 11211, toPort: 11211, cidrIpv4: '0.0.0.0/0' },
]);

const nearMisses = [
  securityGroup('sg-0c0000000000000a1', 'ssh-from-office', [tcp(22, 22, '203.0.113.0/24')]),
  securityGroup('sg-0c0000000000000a2', 'ssh-from-vpc', [tcp(22, 22, '10.0.0.0/8')]),
  securityGroup('sg-0c0000000000000a3', 'web', [tcp(80, 80, '0.0.0.0/0'), tcp(443, 443, '::/0')]),
  securityGroup('sg-0c0000000000000a4', 'app-from-alb', [
    { protocol: 'tcp', fromPort: 22, toPort: 22, groupId: 'sg-0c0000000000000a3' },
    { protocol: '-1', prefixListId: 'pl-0123456789abcdef0' },
  ]),
  securityGroup('sg-0c0000000000000a5', 'ping', [
    { protocol: 'icmp', fromPort: 8, toPort: -1, cidrIpv4: '0.0.0.0/0' },
  ]),
  securityGroup('sg-0c0000000000000a6', 'dns', [
    { protocol: 'udp', fromPort: 22, toPort: 53, cidrIpv4: '0.0.0.0/0' },
  ]),
  securityGroup('sg-0c0000000000000a7', 'alt-http', [tcp(8080, 8443, '0.0.0.0/0')]),
];

testRule(securityGroupOpenToInternet, [
  {
    name: 'SSH open to 0.0.0.0/0 is high, naming the port and the CIDR',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [sshOpen] } } }),
    expected: [{ resourceId: sshOpen.groupId, severity: 'high', message: '22/tcp (SSH) from 0.0.0.0/0' }],
  },
  {
    name: 'PostgreSQL open to ::/0 is high',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [postgresOpenV6] } } }),
    expected: [
      { resourceId: postgresOpenV6.groupId, severity: 'high', message: '5432/tcp (PostgreSQL) from ::/0' },
    ],
  },
  {
    name: 'all traffic from both internets is one critical hit naming both CIDRs',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [allTraffic] } } }),
    expected: [
      {
        resourceId: allTraffic.groupId,
        severity: 'critical',
        message: 'all traffic from 0.0.0.0/0 and ::/0',
      },
    ],
  },
  {
    name: 'TCP 0-65535 counts as every port',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [allTcp] } } }),
    expected: [{ resourceId: allTcp.groupId, severity: 'critical', message: 'all TCP ports' }],
  },
  {
    name: 'a range covering admin and database ports gives one hit per class',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [wideRange] } } }),
    expected: [
      {
        resourceId: wideRange.groupId,
        severity: 'high',
        message: '3389/tcp (RDP), 5900/tcp (VNC), 5985/tcp (WinRM)',
      },
      {
        resourceId: wideRange.groupId,
        severity: 'high',
        message: '1433/tcp (SQL Server), 1521/tcp (Oracle)',
      },
    ],
  },
  {
    name: 'Memcached over UDP counts as a database port',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [memcachedUdp] } } }),
    expected: [{ resourceId: memcachedUdp.groupId, message: '11211/udp (Memcached)' }],
  },
  {
    name: 'narrow sources, web ports, group and prefix-list sources, ICMP and UDP near SSH do not fire',
    inventory: inventoryFor({ region: { ec2: { securityGroups: nearMisses } } }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeSecurityGroups is denied',
    inventory: inventoryFor({ region: {}, coverage: [denied('ec2', 'DescribeSecurityGroups')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);

describe('security group exposure evidence', () => {
  it('lists the rule entries and gives each port class its own fingerprint', () => {
    const result = evaluateRules(
      inventoryFor({ region: { ec2: { securityGroups: [wideRange, sshOpen] } } }),
      [securityGroupOpenToInternet],
      { now: TEST_NOW, catalog: loadIamCatalog() },
    );
    const ranged = result.findings.filter((finding) => finding.resource?.id === wideRange.groupId);
    expect(ranged.map((finding) => finding.evidence.portClass)).toEqual(['admin', 'database']);
    expect(new Set(ranged.map((finding) => finding.fingerprint)).size).toBe(2);
    const ssh = result.findings.find((finding) => finding.resource?.id === sshOpen.groupId);
    expect(ssh?.evidence.ingressRules).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'ssh from anywhere' },
    ]);
    expect(ssh?.resource?.arn).toBe('arn:aws:ec2:us-east-1:123456789012:security-group/sg-0b1a2c3d4e5f60001');
  });
});
