/**
 * AWS wire formats for the benchmark's fake AWS: the envelopes and error documents each protocol uses, in the
 * shapes of AWS's documented responses (the same as test/helpers/fake-aws-responses.ts, kept separate so the
 * benchmark server has no dependency on the test tree).
 */
import { randomUUID } from 'node:crypto';

/** A response to send. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The wire protocol a request arrived in. */
export type Protocol = 'query' | 'ec2' | 'json' | 'rest-xml';

/** A parsed request. */
export interface WireRequest {
  /** Service, named as the SDK client is (without `Client`): 'EC2', 'IAM', 'S3', 'CloudWatchLogs', ... */
  service: string;
  /** Operation, e.g. 'DescribeInstances'. */
  operation: string;
  protocol: Protocol;
  /** The region the request was signed for (SigV4 credential scope). */
  region: string;
  /** Query form fields, the JSON body, or S3's query string. */
  params: Record<string, unknown>;
  /** S3: the bucket in the path (path-style addressing). */
  bucket?: string;
}

/** Escapes text for XML. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** `<name>value</name>`, escaped; nothing when the value is undefined. */
export function element(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** An XML reply. */
export function xml(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

/** A JSON reply (AWS JSON 1.0 / 1.1). */
export function json(value: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value) };
}

/** AWS Query success document: `<OpResponse xmlns><OpResult>inner</OpResult><ResponseMetadata/></OpResponse>`. */
export function queryResponse(operation: string, inner: string, namespace: string): Reply {
  return xml(
    `<${operation}Response xmlns="${namespace}"><${operation}Result>${inner}</${operation}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${operation}Response>`,
  );
}

/** EC2 Query success document (no Result wrapper, requestId first). */
export function ec2Response(operation: string, inner: string): Reply {
  return xml(
    `<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId>` +
      `${inner}</${operation}Response>`,
  );
}

/** AWS Query error (IAM, RDS, ELBv2). */
export function queryError(code: string, message: string, status = 400): Reply {
  return xml(
    `<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>${element('Code', code)}` +
      `${element('Message', message)}</Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    status,
  );
}

/** EC2 Query error. */
export function ec2Error(code: string, message: string, status = 400): Reply {
  return xml(
    `<Response><Errors><Error>${element('Code', code)}${element('Message', message)}</Error></Errors>` +
      `<RequestID>${randomUUID()}</RequestID></Response>`,
    status,
  );
}

/** AWS JSON error; `queryCode` adds the `x-amzn-query-error` header of query-compatible services (CloudWatch). */
export function jsonError(type: string, message: string, status = 400, queryCode?: string): Reply {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-errortype': type,
  };
  if (queryCode !== undefined) headers['x-amzn-query-error'] = `${queryCode};Sender`;
  return { status, headers, body: JSON.stringify({ __type: type, message }) };
}

/** S3 REST-XML error document. */
export function s3Error(
  code: string,
  message: string,
  status: number,
  extra: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': 'application/xml', ...extra },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${element('Code', code)}${element('Message', message)}` +
      `<RequestId>${randomUUID().slice(0, 16)}</RequestId><HostId>bench-fake-aws</HostId></Error>`,
  };
}

/** An error in the request's protocol (for routing failures and bad parameters). */
export function protocolError(
  request: Pick<WireRequest, 'protocol'>,
  code: string,
  message: string,
  status = 400,
): Reply {
  switch (request.protocol) {
    case 'ec2':
      return ec2Error(code, message, status);
    case 'query':
      return queryError(code, message, status);
    case 'json':
      return jsonError(code, message, status);
    case 'rest-xml':
      return s3Error(code, message, status);
  }
}

/** The throttling error each service sends when its token bucket is empty, in its own format. */
export function throttlingError(request: Pick<WireRequest, 'service' | 'protocol'>): Reply {
  switch (request.service) {
    case 'EC2':
      return ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
    case 'IAM':
      return queryError('Throttling', 'Rate exceeded', 400);
    case 'RDS':
    case 'ElasticLoadBalancingV2':
      return queryError('ThrottlingException', 'Rate exceeded', 400);
    case 'CloudWatch':
      return jsonError('ThrottlingException', 'Rate exceeded', 400, 'Throttling');
    case 'CloudWatchLogs':
      return jsonError('ThrottlingException', 'Rate exceeded', 400);
    case 'ResourceGroupsTaggingAPI':
      return jsonError('ThrottledException', 'Rate exceeded', 400);
    default:
      return s3Error('SlowDown', 'Please reduce your request rate.', 503);
  }
}

/** A positive whole page size from a request parameter, or `fallback` when absent. */
export function pageSize(value: unknown, fallback: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** Offset pagination: the slice of `items` a token and page size name, and the next token (offset-based, opaque enough). */
export function page<T>(items: readonly T[], token: unknown, size: number): { items: T[]; next?: string } {
  const start = typeof token === 'string' && token.startsWith('p') ? Number(token.slice(1)) || 0 : 0;
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { items: slice, next: `p${start + size}` } : { items: slice };
}
