/**
 * The least work any real AWS client adds to the transport floor (transport-floor.ts), timed on the requests and
 * answers the fake AWS recorded from an Axiom run: every request must carry a SigV4 signature, and every answer must
 * be read to collect anything. Nothing else a client does is counted (no serialisation, no schema deserialisation,
 * no middleware, no retries, no rate limiting).
 *
 * Signing uses what the installed SDK uses: `SignatureV4` from @smithy/signature-v4 with the `Sha256` of
 * @smithy/core/checksum (node:crypto), one signer per region and service (from each recorded Authorization header's
 * credential scope) as a well-built client keeps them, S3's signers not escaping the path as the S3 clients'
 * `signingEscapePath: false`; each request as recorded (method, host, path, query, headers, body) less the headers the
 * signer itself computes (authorization, x-amz-date, x-amz-content-sha256), signed at its recorded x-amz-date with
 * the credentials Axiom's run used, so each signature can be checked against the one the SDK sent.
 *
 * Parsing decodes each answer's bytes as UTF-8, then parses XML bodies with `parseXML` of @aws-sdk/xml-builder (the
 * parser @aws-sdk/core's XML protocols call) to a plain object, and JSON bodies (AWS JSON, S3's bucket policies) with
 * JSON.parse. Both are timed as CPU of this thread, sequentially, right after the replays.
 */
import { parseXML } from '@aws-sdk/xml-builder';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import { BENCH_CREDENTIALS } from './axiom-scan.ts';
import type { RecordedRequest } from './fake-aws/server.ts';

/** What signing the requests and parsing the answers of one recorded run cost. */
export interface ClientWork {
  /** Requests signed. */
  signed: number;
  /** Signers used (one per region and service). */
  signers: number;
  /** Of the signatures made, how many equal the one the SDK sent in Axiom's run. */
  signaturesMatched: number;
  /** CPU time of this thread signing every request, milliseconds. */
  signCpuMs: number;
  /** Answers parsed as XML and as JSON, and their bytes. */
  xml: { answers: number; bytes: number };
  json: { answers: number; bytes: number };
  /** Answers not parsed: empty, not recorded, or neither XML nor JSON (the fake AWS's own failures). */
  unparsed: number;
  /** CPU time of this thread decoding and parsing every answer, milliseconds. */
  parseCpuMs: number;
  /** signCpuMs + parseCpuMs. */
  cpuMs: number;
}

/** CPU time (user + system) of this thread since `start`, milliseconds. */
function threadCpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Headers the signer computes itself (or node:http adds after signing), dropped before signing again. */
const RECOMPUTED = new Set(['authorization', 'x-amz-date', 'x-amz-content-sha256', 'connection']);

/** A recorded request ready to sign: the request, its signer's key, its signing date, the signature it carried. */
interface ToSign {
  request: HttpRequest;
  region: string;
  service: string;
  date: Date;
  signature: string;
}

/** `20261125T120000Z` to a Date. */
function amzDate(text: string | undefined): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (!match) return new Date();
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
}

function toSign(recorded: RecordedRequest): ToSign {
  const authorization = recorded.headers.authorization ?? '';
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(authorization);
  const url = new URL(recorded.path, 'http://bench');
  const query: QueryParameterBag = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined || seen === null ? value : [...[seen].flat(), value];
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers))
    if (!RECOMPUTED.has(name)) headers[name] = value;
  const [hostname = '127.0.0.1', port] = (recorded.headers.host ?? '').split(':');
  const request: HttpRequest = {
    method: recorded.method,
    protocol: 'http:',
    hostname,
    path: url.pathname,
    query,
    headers,
    body: recorded.body === '' ? undefined : recorded.body,
  };
  if (port) request.port = Number(port);
  return {
    request,
    region: scope?.[1] ?? 'us-east-1',
    service: scope?.[2] ?? 'unknown',
    date: amzDate(recorded.headers['x-amz-date']),
    signature: /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '',
  };
}

/** Signs every recorded request, one signer per region and service; CPU of this thread. */
async function signAll(
  recorded: readonly RecordedRequest[],
): Promise<Pick<ClientWork, 'signed' | 'signers' | 'signaturesMatched' | 'signCpuMs'>> {
  const prepared = recorded.map(toSign);
  const signers = new Map<string, SignatureV4>();
  const signatures: string[] = [];
  const start = process.threadCpuUsage();
  for (const { request, region, service, date } of prepared) {
    const key = `${region}/${service}`;
    let signer = signers.get(key);
    if (!signer) {
      signer = new SignatureV4({
        credentials: BENCH_CREDENTIALS,
        region,
        service,
        sha256: Sha256,
        uriEscapePath: service !== 's3',
      });
      signers.set(key, signer);
    }
    const signed = await signer.sign(request, { signingDate: date });
    signatures.push(signed.headers.authorization ?? '');
  }
  const signCpuMs = threadCpuMsSince(start);
  let signaturesMatched = 0;
  prepared.forEach((entry, index) => {
    if (entry.signature !== '' && signatures[index]?.endsWith(`Signature=${entry.signature}`))
      signaturesMatched += 1;
  });
  return { signed: prepared.length, signers: signers.size, signaturesMatched, signCpuMs };
}

/** Decodes and parses every recorded answer; CPU of this thread. */
function parseAll(
  recorded: readonly RecordedRequest[],
): Pick<ClientWork, 'xml' | 'json' | 'unparsed' | 'parseCpuMs'> {
  const answers = recorded.map(({ answer }) => ({
    kind: /xml/.test(answer?.contentType ?? '')
      ? 'xml'
      : /json/.test(answer?.contentType ?? '')
        ? 'json'
        : 'other',
    bytes: Buffer.from(answer?.body ?? '', 'utf8'),
  }));
  const xml = { answers: 0, bytes: 0 };
  const json = { answers: 0, bytes: 0 };
  let unparsed = 0;
  // Each parse's root element count, summed: the results are used, but not kept (a client keeps what it collects).
  let roots = 0;
  const start = process.threadCpuUsage();
  for (const { kind, bytes } of answers) {
    if (bytes.length === 0 || kind === 'other') {
      unparsed += 1;
      continue;
    }
    const text = bytes.toString('utf8');
    if (kind === 'xml') {
      roots += Object.keys(parseXML(text)).length;
      xml.answers += 1;
      xml.bytes += bytes.length;
    } else {
      roots += Object.keys(JSON.parse(text) as object).length;
      json.answers += 1;
      json.bytes += bytes.length;
    }
  }
  const parseCpuMs = threadCpuMsSince(start);
  if (roots < xml.answers) throw new Error('bench:scan: an XML answer parsed to nothing');
  return { xml, json, unparsed, parseCpuMs };
}

/** Times signing every recorded request and parsing every recorded answer of one run. */
export async function measureClientWork(recorded: readonly RecordedRequest[]): Promise<ClientWork> {
  const signing = await signAll(recorded);
  const parsing = parseAll(recorded);
  return { ...signing, ...parsing, cpuMs: signing.signCpuMs + parsing.parseCpuMs };
}
