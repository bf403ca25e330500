import { ebsEncryptionByDefaultOff } from '../../../../core/rules/ec2/ebs-encryption-by-default-off.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied } from './fixtures.ts';

testRule(ebsEncryptionByDefaultOff, [
  {
    name: 'one finding per region where it is off, the region as the id',
    inventory: inventoryFor({
      region: { ec2: { ebsEncryptionByDefault: true } },
      regional: {
        'eu-west-1': { ec2: { ebsEncryptionByDefault: false } },
        'ap-south-1': { ec2: { ebsEncryptionByDefault: false } },
      },
    }),
    expected: [
      {
        resourceId: 'ap-south-1',
        severity: 'medium',
        message: 'EBS encryption by default is off in ap-south-1',
      },
      { resourceId: 'eu-west-1', message: 'off in eu-west-1' },
    ],
  },
  {
    name: 'on, or not collected, does not fire',
    inventory: inventoryFor({
      region: { ec2: { ebsEncryptionByDefault: true } },
      regional: { 'us-west-2': { ec2: {} } },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when GetEbsEncryptionByDefault is denied',
    inventory: inventoryFor({ region: { ec2: {} }, coverage: [denied('ec2', 'GetEbsEncryptionByDefault')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
