import type { Rule, RuleHit } from '../rule.ts';
import { ec2Arn, regionalScope } from './support-scope.ts';

/**
 * A VPC's default security group with any inbound or outbound rule. Every VPC's default group is checked, the
 * default VPC's and the custom VPCs' alike: AWS creates each with "all from itself" in and "all to anywhere"
 * out, and anything launched without an explicit group lands in it.
 */
export const defaultSecurityGroupHasRules = {
  id: 'aws.ec2.default-security-group-has-rules',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: 'Default security group allows traffic',
  rationale:
    'Resources launched without an explicit security group get the VPC default group, so its rules silently ' +
    'apply to them. CIS AWS Foundations 5.4 and Security Hub EC2.2 require it to allow no inbound and no ' +
    'outbound traffic, which forces every workload onto a deliberately designed group.',
  remediation:
    'Move any resource that uses the default group to a dedicated group, then delete every inbound and outbound ' +
    'rule of the default group (it cannot be deleted itself): EC2 console > Security Groups > default > Edit ' +
    'inbound/outbound rules > Delete, or `aws ec2 revoke-security-group-ingress` and ' +
    '`aws ec2 revoke-security-group-egress` with its rules.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeSecurityGroups' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const groups = regional?.inventory.ec2?.securityGroups;
    if (!regional || !groups) return [];
    const hits: RuleHit[] = [];
    for (const group of groups) {
      // Only the VPC default group can be named 'default': CreateSecurityGroup refuses the name.
      if (group.groupName !== 'default') continue;
      if (group.ingress.length === 0 && group.egress.length === 0) continue;
      hits.push({
        resource: {
          type: 'AWS::EC2::SecurityGroup',
          id: group.groupId,
          arn: ec2Arn(regional, 'security-group', group.groupId),
        },
        message:
          `The default security group ${group.groupId}${group.vpcId ? ` of ${group.vpcId}` : ''} has ` +
          `${group.ingress.length} inbound and ${group.egress.length} outbound rule entr` +
          `${group.ingress.length + group.egress.length === 1 ? 'y' : 'ies'}; it should have none.`,
        evidence: {
          groupId: group.groupId,
          groupName: group.groupName,
          vpcId: group.vpcId,
          ingress: group.ingress,
          egress: group.egress,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
