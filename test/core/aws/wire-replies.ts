import type { WireReply } from './local-endpoint.ts';

/** The account every reply speaks for. */
export const ACCOUNT_ID = '123456789012';

const xml = { 'content-type': 'text/xml' };

/** STS GetCallerIdentity success (Query protocol, XML). */
export function callerIdentity(requestId = 'c0ffee00-0000-4000-8000-000000000001'): WireReply {
  return {
    status: 200,
    headers: xml,
    body:
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
      `<Arn>arn:aws:sts::${ACCOUNT_ID}:assumed-role/AxiomReadOnly/axiom-scan</Arn>` +
      '<UserId>AROAAXIOMTESTROLE0001:axiom-scan</UserId>' +
      `<Account>${ACCOUNT_ID}</Account></GetCallerIdentityResult>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}

/** IAM GetAccountSummary success (Query protocol, XML map entries). */
export function accountSummary(): WireReply {
  return {
    status: 200,
    headers: xml,
    body:
      '<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult>' +
      '<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry>' +
      '<entry><key>AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>' +
      '</GetAccountSummaryResult><ResponseMetadata><RequestId>c0ffee00-0000-4000-8000-000000000002</RequestId>' +
      '</ResponseMetadata></GetAccountSummaryResponse>',
  };
}

/** EC2 DescribeRegions success (EC2 Query protocol: lower-camel elements, `item` lists). */
export function ec2Regions(): WireReply {
  return {
    status: 200,
    headers: xml,
    body:
      '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
      '<requestId>c0ffee00-0000-4000-8000-000000000003</requestId><regionInfo><item>' +
      '<regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint>' +
      '<optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>',
  };
}

/** CloudWatch Logs DescribeLogGroups success (AWS JSON 1.1). */
export function logGroups(): WireReply {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({
      logGroups: [
        { logGroupName: '/aws/lambda/axiom-test', storedBytes: 2048, creationTime: 1_700_000_000_000 },
      ],
    }),
  };
}

/** An error in the Query protocol's format (STS, IAM, RDS, ELBv2, CloudWatch). */
export function queryError(status: number, code: string, message: string): WireReply {
  return {
    status,
    headers: xml,
    body:
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
      '<RequestId>c0ffee00-0000-4000-8000-0000000000e1</RequestId></ErrorResponse>',
  };
}

/** An error in EC2's own format (no ErrorResponse, an `Errors` list). */
export function ec2Error(status: number, code: string, message: string): WireReply {
  return {
    status,
    headers: xml,
    body:
      `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code>` +
      `<Message>${message}</Message></Error></Errors><RequestID>c0ffee00-0000-4000-8000-0000000000e2</RequestID></Response>`,
  };
}

/** An error in the AWS JSON protocols' format (CloudWatch Logs, Cost Explorer, tagging). */
export function jsonError(status: number, type: string, message: string): WireReply {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ __type: type, message }),
  };
}
