import type { Rule, RuleHit } from '../rule.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';

/** States in which an instance still exists and will serve IMDS again (a stopped one on its next start). */
const LIVE_STATES = new Set(['pending', 'running', 'stopping', 'stopped']);

/**
 * An instance whose metadata service still answers IMDSv1 (session-less) requests. With an instance profile the
 * role's credentials are one SSRF away, so that case is high; without one it is medium.
 */
export const instanceImdsv1Allowed = {
  id: 'aws.ec2.instance-imdsv1-allowed',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: 'Instance allows IMDSv1',
  rationale:
    'IMDSv1 answers any plain GET, so a server-side request forgery or an open proxy on the instance can read ' +
    "the instance role's temporary credentials. IMDSv2 requires a session token obtained with a PUT, which " +
    'those attacks cannot send. Security Hub EC2.8 requires IMDSv2.',
  remediation:
    'Require IMDSv2 (check first that the software on the instance uses an SDK or agent version that supports ' +
    'it): `aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required ' +
    '--http-endpoint enabled`, or EC2 console > Instances > Actions > Instance settings > Modify instance ' +
    'metadata options > IMDSv2 Required. Set it in launch templates too.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeInstances' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const instances = regional?.inventory.ec2?.instances;
    if (!regional || !instances) return [];
    const hits: RuleHit[] = [];
    for (const instance of instances) {
      if (!LIVE_STATES.has(instance.state)) continue;
      if (instance.httpTokens !== 'optional' || instance.httpEndpoint === 'disabled') continue;
      const profile = instance.iamInstanceProfileArn;
      hits.push({
        resource: {
          type: 'AWS::EC2::Instance',
          id: instance.instanceId,
          arn: ec2Arn(regional, 'instance', instance.instanceId),
        },
        message:
          `Instance ${withName(instance.instanceId, instance.tags)} (${instance.state}) has metadata HttpTokens ` +
          `'optional' with the endpoint ${instance.httpEndpoint ?? 'enabled'}, so IMDSv1 is allowed` +
          (profile ? `; its instance profile ${profile} exposes role credentials through it.` : '.'),
        evidence: {
          instanceId: instance.instanceId,
          state: instance.state,
          httpTokens: instance.httpTokens,
          httpEndpoint: instance.httpEndpoint,
          iamInstanceProfileArn: profile,
        },
        severity: profile ? 'high' : 'medium',
      });
    }
    return hits;
  },
} satisfies Rule;
