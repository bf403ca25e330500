import { defaultSecurityGroupHasRules } from './ec2/default-security-group-has-rules.ts';
import { ebsEncryptionByDefaultOff } from './ec2/ebs-encryption-by-default-off.ts';
import { ebsVolumeGp2 } from './ec2/ebs-volume-gp2.ts';
import { ebsVolumeUnattached } from './ec2/ebs-volume-unattached.ts';
import { ebsVolumeUnencrypted } from './ec2/ebs-volume-unencrypted.ts';
import { elasticIpUnassociated } from './ec2/elastic-ip-unassociated.ts';
import { instanceExposedToInternet } from './ec2/instance-exposed-to-internet.ts';
import { instanceImdsv1Allowed } from './ec2/instance-imdsv1-allowed.ts';
import { instanceLowUtilization } from './ec2/instance-low-utilization.ts';
import { instanceStoppedLong } from './ec2/instance-stopped-long.ts';
import { natGatewayIdle } from './ec2/nat-gateway-idle.ts';
import { securityGroupOpenToInternet } from './ec2/security-group-open-to-internet.ts';
import { loadBalancerIdle } from './elbv2/load-balancer-idle.ts';
import type { Rule } from './rule.ts';

/** The live-scan rules for EC2 (instances, security groups, EBS, NAT gateways, Elastic IPs) and ELBv2. */
export const COMPUTE_RULES: readonly Rule[] = [
  // security
  securityGroupOpenToInternet,
  instanceExposedToInternet,
  defaultSecurityGroupHasRules,
  instanceImdsv1Allowed,
  ebsVolumeUnencrypted,
  ebsEncryptionByDefaultOff,
  // cost
  ebsVolumeUnattached,
  ebsVolumeGp2,
  elasticIpUnassociated,
  natGatewayIdle,
  loadBalancerIdle,
  instanceLowUtilization,
  instanceStoppedLong,
];
