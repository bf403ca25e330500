import { randomUUID } from 'node:crypto';

/** What a handler answers: the fake sends it as is, adding a request id header when it has none. */
export interface FakeResponse {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** Response body (XML, JSON or empty). */
  body: string;
}

/** A fresh request id, in the UUID shape AWS uses. */
export function requestId(): string {
  return randomUUID();
}

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An XML response (REST-XML bodies, or a complete Query/EC2 response document). */
export function xml(body: string, status = 200): FakeResponse {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

/** A JSON response (AWS JSON 1.0/1.1 protocols). */
export function json(value: unknown, status = 200): FakeResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value) };
}

/**
 * A complete AWS Query success document: `<OpResponse><OpResult>inner</OpResult><ResponseMetadata/></OpResponse>`.
 * `inner` is the XML of the result members, as the service's API reference shows them.
 */
export function queryResponse(operation: string, inner: string, namespace?: string): FakeResponse {
  const xmlns = namespace === undefined ? '' : ` xmlns="${escapeXml(namespace)}"`;
  return xml(
    `<${operation}Response${xmlns}><${operation}Result>${inner}</${operation}Result>` +
      `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${operation}Response>`,
  );
}

/** A complete EC2 Query success document: EC2 has no `Result` wrapper and puts `requestId` first. */
export function ec2Response(operation: string, inner: string): FakeResponse {
  return xml(
    `<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${requestId()}</requestId>` +
      `${inner}</${operation}Response>`,
  );
}

/** An AWS Query error (STS, IAM, RDS, ELBv2), in the wire format those services send. */
export function queryError(code: string, message: string, status = 400): FakeResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return xml(
    `<ErrorResponse><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
    status,
  );
}

/** An EC2 Query error: a different envelope from the other Query services. */
export function ec2Error(code: string, message: string, status = 400): FakeResponse {
  return xml(
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
      `</Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
    status,
  );
}

/**
 * An AWS JSON 1.0/1.1 error. For a query-compatible JSON service (CloudWatch), add an `x-amzn-query-error`
 * header (`Code;Sender`) by spreading: `{ ...jsonError(...), headers: { ..., 'x-amzn-query-error': ... } }`.
 */
export function jsonError(type: string, message: string, status = 400): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

/** An S3 (REST-XML) error document. */
export function s3Error(code: string, message: string, status: number): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(message)}</Message><RequestId>${requestId()}</RequestId>` +
      `<HostId>fake-aws</HostId></Error>`,
  };
}
