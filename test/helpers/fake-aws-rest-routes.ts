/**
 * Names REST-XML requests (S3, S3 Control) by operation, from the installed SDK's own operation schemas
 * (`GetBucketAcl$ = [9, namespace, 'GetBucketAcl', { http: ['GET', '/?acl', 200] }, input, output]`), so the
 * fake routes exactly as the client serialises and never needs a hand-kept table.
 */

/** One operation's HTTP binding. */
interface RestRoute {
  /** Operation name, e.g. 'GetBucketAcl'. */
  operation: string;
  /** HTTP method. */
  method: string;
  /** Path segments: a literal, `{Label}` or a greedy `{Label+}`. */
  segments: string[];
  /** Query keys the request must carry, with a fixed value where the binding has one. */
  query: [string, string | undefined][];
  /** True when the bucket travels as the first path segment (path-style S3), not in the URI template. */
  bucketInPath: boolean;
}

/** A matched request. */
export interface RestMatch {
  /** Operation name. */
  operation: string;
  /** Path labels (`Bucket`, `Key`, ...), decoded. */
  labels: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function routesOf(module: Record<string, unknown>, bucketFromPath: boolean): RestRoute[] {
  const routes: RestRoute[] = [];
  for (const [name, schema] of Object.entries(module)) {
    if (!name.endsWith('$') || !Array.isArray(schema) || schema[0] !== 9) continue;
    const [, , operation, traits, input] = schema as [number, string, unknown, unknown, unknown];
    if (typeof operation !== 'string' || !isRecord(traits) || !Array.isArray(traits.http)) continue;
    const [method, uri] = traits.http as [unknown, unknown];
    if (typeof method !== 'string' || typeof uri !== 'string') continue;
    const [path = '/', queryText = ''] = uri.split('?');
    const query: [string, string | undefined][] = queryText
      .split('&')
      .filter((part) => part !== '')
      .map((part) => {
        const [key = '', value] = part.split('=');
        return [key, value];
      });
    const inputSchema: unknown = typeof input === 'function' ? input() : undefined;
    const members = Array.isArray(inputSchema) && Array.isArray(inputSchema[4]) ? inputSchema[4] : [];
    routes.push({
      operation,
      method,
      segments: path.split('/').filter((segment) => segment !== ''),
      query,
      bucketInPath: bucketFromPath && members.includes('Bucket') && !path.includes('{Bucket}'),
    });
  }
  return routes;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const part = pattern[index] ?? '';
    const label = /^\{(\w+)(\+?)\}$/.exec(part);
    if (label?.[2] === '+') {
      if (index >= actual.length) return undefined;
      labels[label[1] ?? ''] = actual.slice(index).join('/');
      return labels;
    }
    const value = actual[index];
    if (value === undefined) return undefined;
    if (label) labels[label[1] ?? ''] = value;
    else if (part !== value) return undefined;
  }
  return pattern.length === actual.length ? labels : undefined;
}

/** Scores a route against a request; more required query keys and literal segments mean more specific. */
function score(route: RestRoute): number {
  return route.query.length * 100 + route.segments.filter((segment) => !segment.startsWith('{')).length;
}

const cache = new Map<string, Promise<RestRoute[]>>();

async function routesFor(service: 'S3' | 'S3Control'): Promise<RestRoute[]> {
  let routes = cache.get(service);
  if (!routes) {
    routes =
      service === 'S3'
        ? import('@aws-sdk/client-s3').then((module) => routesOf(module, true))
        : import('@aws-sdk/client-s3-control').then((module) => routesOf(module, false));
    cache.set(service, routes);
  }
  return routes;
}

/** Finds the operation a REST-XML request is for, or undefined when none of the service's bindings fits. */
export async function matchRestRoute(
  service: 'S3' | 'S3Control',
  method: string,
  path: string,
  query: Record<string, string>,
): Promise<RestMatch | undefined> {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  let best: { route: RestRoute; labels: Record<string, string> } | undefined;
  for (const route of await routesFor(service)) {
    if (route.method !== method) continue;
    if (!route.query.every(([key, value]) => key in query && (value === undefined || query[key] === value)))
      continue;
    const [bucket, ...rest] = segments;
    if (route.bucketInPath && bucket === undefined) continue;
    const labels = route.bucketInPath
      ? matchSegments(route.segments, rest)
      : matchSegments(route.segments, segments);
    if (!labels) continue;
    if (route.bucketInPath && bucket !== undefined) labels.Bucket = bucket;
    if (!best || score(route) > score(best.route)) best = { route, labels };
  }
  return best && { operation: best.route.operation, labels: best.labels };
}
