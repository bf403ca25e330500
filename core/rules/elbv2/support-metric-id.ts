/**
 * The id CloudWatch uses for a load balancer (its `LoadBalancer` dimension) and the metrics inventory keys it
 * by: the ARN's part after 'loadbalancer/', e.g. 'app/my-alb/50dc6c495c0c9188'. Undefined for an ARN without it.
 */
export function loadBalancerMetricId(loadBalancerArn: string): string | undefined {
  const marker = ':loadbalancer/';
  const index = loadBalancerArn.indexOf(marker);
  return index === -1 ? undefined : loadBalancerArn.slice(index + marker.length) || undefined;
}
