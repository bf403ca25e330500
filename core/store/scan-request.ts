/**
 * A scan request as it travels through the job queue. It names the connection and never carries its secrets:
 * the worker opens them from the store when it runs, so the job table holds nothing worth stealing.
 */
import { regionProblem } from '../connect/region-name.ts';
import { connectionNameProblem, normalizeConnectionName } from './connection.ts';

/** What to scan, who asked and where to answer. */
export interface ScanRequest {
  /** The connection's name. */
  connection: string;
  /** Regions to scan; empty: the connection's own regions. */
  regions: string[];
  /** Services to scan (`s3`, `ec2`...); empty: all. */
  services: string[];
  /** Who asked (Slack user id). */
  requestedBy: string;
  /** Where to post the result (Slack channel id). */
  channel: string;
  /** Slack's `response_url` for the command, when there is one (valid for 30 minutes). */
  responseUrl?: string | undefined;
}

const SERVICE = /^[a-z0-9][a-z0-9-]{0,31}$/;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What is wrong with `request`, one sentence each; empty when it can be queued. */
export function scanRequestProblems(request: ScanRequest): string[] {
  const problems: string[] = [];
  const nameProblem = connectionNameProblem(normalizeConnectionName(request.connection));
  if (nameProblem !== undefined) problems.push(nameProblem);
  for (const region of request.regions) {
    const problem = regionProblem(region);
    if (problem !== undefined) problems.push(problem);
  }
  for (const service of request.services)
    if (!SERVICE.test(service)) problems.push(`"${service}" is not a service name (like s3 or ec2)`);
  if (request.requestedBy.trim() === '') problems.push('who asked for the scan must be given');
  if (request.channel.trim() === '') problems.push('the channel to answer in must be given');
  if (request.responseUrl !== undefined && !isHttpUrl(request.responseUrl))
    problems.push('the response URL must be an http(s) URL');
  return problems;
}

/** The request in the form it is queued: name normalised, duplicates dropped, optional fields omitted. */
export function normalizeScanRequest(request: ScanRequest): ScanRequest {
  return {
    connection: normalizeConnectionName(request.connection),
    regions: [...new Set(request.regions)],
    services: [...new Set(request.services)],
    requestedBy: request.requestedBy.trim(),
    channel: request.channel.trim(),
    ...(request.responseUrl === undefined ? {} : { responseUrl: request.responseUrl }),
  };
}

/** Reads a request back from a job's data; undefined when it is not one. */
export function parseScanRequest(data: unknown): ScanRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record: Record<string, unknown> = { ...data };
  const { connection, regions, services, requestedBy, channel, responseUrl } = record;
  if (typeof connection !== 'string' || typeof requestedBy !== 'string' || typeof channel !== 'string')
    return undefined;
  if (!isStringArray(regions) || !isStringArray(services)) return undefined;
  if (responseUrl !== undefined && typeof responseUrl !== 'string') return undefined;
  return {
    connection,
    regions,
    services,
    requestedBy,
    channel,
    ...(responseUrl === undefined ? {} : { responseUrl }),
  };
}
