import type { Rule, RuleHit } from '../rule.ts';
import { describePortClass, internetOpenPorts } from './support-open-ports.ts';
import { ec2Arn, groupLabel, regionalScope } from './support-scope.ts';

/**
 * A security group that lets the whole internet reach a remote administration port, a database port or every
 * port. One finding per group and port class, so closing SSH but leaving PostgreSQL open still shows PostgreSQL.
 */
export const securityGroupOpenToInternet = {
  id: 'aws.ec2.security-group-open-to-internet',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  title: 'Security group open to the internet on sensitive ports',
  rationale:
    'Admin (SSH, RDP, WinRM, telnet, VNC) and database ports open to 0.0.0.0/0 or ::/0 are scanned within minutes ' +
    'of exposure and brute-forced or exploited; every port open is worse still. CIS AWS Foundations 5.2/5.3 and ' +
    'Security Hub EC2.13, EC2.14, EC2.18 and EC2.19 flag them.',
  remediation:
    'Replace the 0.0.0.0/0 and ::/0 sources with the CIDRs or security groups that need access, or remove the ' +
    'rule and use Systems Manager Session Manager (admin) or a private path (databases): EC2 console > Security ' +
    'Groups > the group > Inbound rules > Edit, or `aws ec2 revoke-security-group-ingress --group-id <id> ' +
    '--ip-permissions ...`.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeSecurityGroups' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const groups = regional?.inventory.ec2?.securityGroups;
    if (!regional || !groups) return [];
    const hits: RuleHit[] = [];
    for (const group of groups) {
      const name = groupLabel(group);
      for (const exposure of internetOpenPorts(group)) {
        hits.push({
          resource: {
            type: 'AWS::EC2::SecurityGroup',
            id: group.groupId,
            arn: ec2Arn(regional, 'security-group', group.groupId),
          },
          message:
            `Security group ${name} allows ${exposure.ports.join(', ')} from ${exposure.cidrs.join(' and ')} ` +
            `(${describePortClass(exposure.portClass)} open to the internet, ${exposure.entries.length} inbound ` +
            `rule${exposure.entries.length === 1 ? '' : 's'}).`,
          evidence: {
            groupId: group.groupId,
            groupName: group.groupName,
            vpcId: group.vpcId,
            portClass: exposure.portClass,
            ports: exposure.ports,
            cidrs: exposure.cidrs,
            ingressRules: exposure.entries,
          },
          severity: exposure.portClass === 'all' ? 'critical' : 'high',
          discriminator: exposure.portClass,
        });
      }
    }
    return hits;
  },
} satisfies Rule;
