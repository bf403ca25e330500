import { instanceImdsv1Allowed } from '../../../../core/rules/ec2/instance-imdsv1-allowed.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, instance } from './fixtures.ts';

const profile = 'arn:aws:iam::123456789012:instance-profile/app-server';
/** An instance whose metadata options EC2 did not report. */
const { httpTokens: _unreported, ...optionsUnknown } = instance('i-0f0000000000unk', {
  httpTokens: 'optional',
});

testRule(instanceImdsv1Allowed, [
  {
    name: 'optional tokens: medium without a role, high with an instance profile, stopped instances included',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [
            instance('i-0f00000000000v1a', { httpTokens: 'optional' }),
            instance('i-0f00000000000v1b', {
              httpTokens: 'optional',
              state: 'stopped',
              iamInstanceProfileArn: profile,
            }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'i-0f00000000000v1a',
        severity: 'medium',
        message: "HttpTokens 'optional' with the endpoint enabled",
      },
      { resourceId: 'i-0f00000000000v1b', severity: 'high', message: `instance profile ${profile}` },
    ],
  },
  {
    name: 'IMDSv2 required, endpoint disabled, terminated, or options unknown do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [
            instance('i-0f0000000000req', { httpTokens: 'required', iamInstanceProfileArn: profile }),
            instance('i-0f0000000000off', { httpTokens: 'optional', httpEndpoint: 'disabled' }),
            instance('i-0f0000000000gone', { httpTokens: 'optional', state: 'terminated' }),
            optionsUnknown,
          ],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeInstances is denied',
    inventory: inventoryFor({ region: {}, coverage: [denied('ec2', 'DescribeInstances')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
