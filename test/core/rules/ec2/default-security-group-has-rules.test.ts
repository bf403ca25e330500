import { defaultSecurityGroupHasRules } from '../../../../core/rules/ec2/default-security-group-has-rules.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, securityGroup } from './fixtures.ts';

/** The default group as AWS creates it: all traffic from itself in, all traffic out. */
const untouchedDefault = securityGroup(
  'sg-0e000000000default',
  'default',
  [{ protocol: '-1', groupId: 'sg-0e000000000default' }],
  { description: 'default VPC security group' },
);
const customVpcDefault = securityGroup('sg-0e00000000default2', 'default', [], {
  vpcId: 'vpc-0fedcba9876543210',
  egress: [{ protocol: '-1', cidrIpv6: '::/0' }],
});
const lockedDefault = securityGroup('sg-0e000000000locked', 'default', [], { egress: [] });
const namedGroup = securityGroup('sg-0e0000000000000web', 'web', [
  { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' },
]);

testRule(defaultSecurityGroupHasRules, [
  {
    name: "AWS's own default rules fire, in the default VPC and a custom one",
    inventory: inventoryFor({ region: { ec2: { securityGroups: [untouchedDefault, customVpcDefault] } } }),
    expected: [
      {
        resourceId: untouchedDefault.groupId,
        severity: 'medium',
        message: 'has 1 inbound and 1 outbound rule entries',
      },
      {
        resourceId: customVpcDefault.groupId,
        message: 'of vpc-0fedcba9876543210 has 0 inbound and 1 outbound rule entry',
      },
    ],
  },
  {
    name: 'a default group with no rules and a non-default group with rules do not fire',
    inventory: inventoryFor({ region: { ec2: { securityGroups: [lockedDefault, namedGroup] } } }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeSecurityGroups is denied',
    inventory: inventoryFor({ region: {}, coverage: [denied('ec2', 'DescribeSecurityGroups')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
