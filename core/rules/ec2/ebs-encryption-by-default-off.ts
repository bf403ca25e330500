import type { Rule } from '../rule.ts';
import { regionalScope } from './support-scope.ts';

/**
 * EBS encryption by default is a per-region account setting, so the finding's resource is the setting itself:
 * type 'AWS::EC2::EBSEncryptionByDefault' (not a CloudFormation type; there is none), id the region.
 */
export const ebsEncryptionByDefaultOff = {
  id: 'aws.ec2.ebs-encryption-by-default-off',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: 'EBS encryption by default is off',
  rationale:
    'With encryption by default on, every new volume and snapshot copy in the region is encrypted whatever the ' +
    'launch template or tool says; with it off, one forgotten flag creates unencrypted data at rest. Security ' +
    'Hub EC2.7 and CIS AWS Foundations 2.2.1 require it in every region.',
  remediation:
    'Turn it on in each region (existing volumes are not changed): `aws ec2 enable-ebs-encryption-by-default ' +
    '--region <region>`, or EC2 console > Settings > Data protection and security > EBS encryption > Manage > ' +
    'Always encrypt new EBS volumes.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'GetEbsEncryptionByDefault' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    if (regional?.inventory.ec2?.ebsEncryptionByDefault !== false) return [];
    return [
      {
        resource: { type: 'AWS::EC2::EBSEncryptionByDefault', id: regional.region },
        message: `EBS encryption by default is off in ${regional.region}: new volumes there are unencrypted unless each request asks for encryption.`,
        evidence: { region: regional.region, ebsEncryptionByDefault: false },
        remediation: `Run \`aws ec2 enable-ebs-encryption-by-default --region ${regional.region}\` (existing volumes are not changed).`,
      },
    ];
  },
} satisfies Rule;
