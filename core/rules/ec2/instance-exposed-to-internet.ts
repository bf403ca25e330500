import type { Rule, RuleHit } from '../rule.ts';
import { internetOpenPorts } from './support-open-ports.ts';
import { ec2Arn, groupLabel, regionalScope, withName } from './support-scope.ts';

/**
 * A running instance with a public IPv4 address behind a security group that opens admin, database or all ports
 * to 0.0.0.0/0: not a misconfiguration waiting to matter, but a service reachable from the internet now.
 * Only IPv4 sources count: the inventory holds the instance's public IPv4 address, not its IPv6 addresses, so a
 * ::/0 rule is left to the security group rule rather than guessed reachable here.
 */
export const instanceExposedToInternet = {
  id: 'aws.ec2.instance-exposed-to-internet',
  service: 'ec2',
  category: 'security',
  severity: 'critical',
  title: 'Instance reachable from the internet on sensitive ports',
  rationale:
    'The instance has a public IP address and one of its security groups admits the whole IPv4 internet on a ' +
    'remote administration port, a database port or every port, so anyone can reach that service now.',
  remediation:
    'Narrow the security group sources to known CIDRs or groups, or detach the group; if the instance needs no ' +
    'public address, move it to a private subnet (or disassociate its Elastic IP) and reach it through Systems ' +
    'Manager Session Manager or a load balancer.',
  scope: 'regional',
  requires: [
    { service: 'ec2', operation: 'DescribeInstances' },
    { service: 'ec2', operation: 'DescribeSecurityGroups' },
  ],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const ec2 = regional?.inventory.ec2;
    if (!regional || !ec2?.instances || !ec2.securityGroups) return [];
    const groups = new Map(ec2.securityGroups.map((group) => [group.groupId, group]));
    const hits: RuleHit[] = [];
    for (const instance of ec2.instances) {
      if (instance.state !== 'running' || !instance.publicIpAddress) continue;
      const exposures = instance.securityGroupIds.flatMap((groupId) => {
        const group = groups.get(groupId);
        if (!group) return [];
        return internetOpenPorts(group, { ipv4Only: true }).map((exposure) => ({
          groupId: group.groupId,
          groupName: group.groupName,
          label: groupLabel(group),
          ...exposure,
        }));
      });
      if (exposures.length === 0) continue;
      const reasons = exposures.map((exposure) => `${exposure.label} allows ${exposure.ports.join(', ')}`);
      hits.push({
        resource: {
          type: 'AWS::EC2::Instance',
          id: instance.instanceId,
          arn: ec2Arn(regional, 'instance', instance.instanceId),
        },
        message:
          `Instance ${withName(instance.instanceId, instance.tags)} is running with public IP ` +
          `${instance.publicIpAddress} and is reachable from 0.0.0.0/0: ${reasons.join('; ')}.`,
        evidence: {
          instanceId: instance.instanceId,
          state: instance.state,
          publicIpAddress: instance.publicIpAddress,
          securityGroupIds: instance.securityGroupIds,
          exposures: exposures.map((exposure) => ({
            groupId: exposure.groupId,
            groupName: exposure.groupName,
            portClass: exposure.portClass,
            ports: exposure.ports,
            ingressRules: exposure.entries,
          })),
        },
      });
    }
    return hits;
  },
} satisfies Rule;
