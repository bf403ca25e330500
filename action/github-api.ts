/**
 * A small client for the GitHub REST API over an injected `fetch`: JSON requests, pagination by `Link` headers,
 * raw file contents, and bounded retries with jitter for server errors and rate limits. Failures are
 * `GithubApiError`s carrying the HTTP status, so publishing can tell a missing permission (403) from the rest.
 * The token goes only to the API's own origin.
 */
import { AxiomError } from '../core/index.ts';

/** The fetch the client uses (the global one in production). */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** How to reach the API. */
export interface GithubApiOptions {
  /** The REST API base URL, e.g. 'https://api.github.com' (GITHUB_API_URL). */
  apiUrl: string;
  /** The token (GITHUB_TOKEN or another); empty sends no Authorization header. */
  token: string;
  /** The User-Agent GitHub asks every client to send. */
  userAgent: string;
  /** The fetch to use. Default: the global fetch. */
  fetch?: Fetch;
  /** Waits between retries. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter. Default: Math.random. */
  random?: () => number;
  /** Attempts per request, retries included. Default 3. */
  maxAttempts?: number;
}

/** A request's options. */
export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Query parameters. */
  query?: Record<string, string | number>;
  /** The Accept header; default `application/vnd.github+json`. */
  accept?: string;
}

/** A successful answer. */
export interface GithubResponse<T> {
  /** The HTTP status. */
  status: number;
  /** The parsed JSON body (or the text, for non-JSON media types). */
  data: T;
  /** The response headers. */
  headers: Headers;
}

/** A request the API refused or could not answer. */
export class GithubApiError extends AxiomError {
  /** The HTTP status; 0 when no answer came. */
  readonly status: number;
  /** 'GET /repos/o/r/pulls/1/files'. */
  readonly request: string;
  /** GitHub's own message, e.g. 'Resource not accessible by integration'. */
  readonly githubMessage: string;

  constructor(status: number, request: string, githubMessage: string, cause?: unknown) {
    const said = githubMessage ? `: ${githubMessage}` : '';
    super(
      status === 0 ? 'github_api_unreachable' : `github_api_${status}`,
      status === 0
        ? `Could not reach the GitHub API for ${request}${said}.`
        : `The GitHub API refused ${request} (HTTP ${status}${said}).`,
      cause === undefined ? {} : { cause },
    );
    this.status = status;
    this.request = request;
    this.githubMessage = githubMessage;
  }
}

/** The client. */
export interface GithubApi {
  /** One request; throws GithubApiError unless the status is 2xx. */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<GithubResponse<T>>;
  /** Every item of a list endpoint, following `Link: rel="next"` (100 per page). */
  paginate<T>(path: string, query?: Record<string, string | number>): Promise<T[]>;
}

/** Pages followed at most, so a misbehaving server cannot keep a run busy forever (10,000 items). */
export const MAX_PAGES = 100;

const JSON_MEDIA_TYPE = 'application/vnd.github+json';
const API_VERSION = '2022-11-28';
/** Longest wait a Retry-After may impose before the request is given up. */
const MAX_RETRY_AFTER_MS = 60_000;

/** The `rel="next"` URL of a Link header. */
export function nextPageUrl(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

function isRetryable(response: Response): boolean {
  if (response.status >= 500 || response.status === 429) return true;
  // A 403 is a missing permission unless it is a rate limit, which says so in its headers.
  return (
    response.status === 403 &&
    (response.headers.has('retry-after') || response.headers.get('x-ratelimit-remaining') === '0')
  );
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function githubMessage(response: Response): Promise<string> {
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { message?: unknown; errors?: unknown };
      const details = Array.isArray(body.errors)
        ? body.errors
            .map((entry) =>
              typeof entry === 'string'
                ? entry
                : typeof entry === 'object' && entry !== null && 'message' in entry
                  ? String(entry.message)
                  : '',
            )
            .filter((entry) => entry !== '')
        : [];
      const message = typeof body.message === 'string' ? body.message : '';
      return [message, ...details].join('; ');
    } catch {
      return text.slice(0, 200);
    }
  } catch {
    return '';
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a client; see the module comment. */
export function createGithubApi(options: GithubApiOptions): GithubApi {
  const base = options.apiUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const fetchFn: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 3;

  async function send(method: string, url: string, requestOptions: RequestOptions): Promise<Response> {
    const target = new URL(url);
    if (target.origin !== origin)
      throw new AxiomError(
        'github_api_foreign_url',
        `Refused to send the GitHub token to ${target.origin}: the API is at ${origin}.`,
        { hint: 'This is a bug in Axiom or a misbehaving API server; please report it.' },
      );
    const headers: Record<string, string> = {
      accept: requestOptions.accept ?? JSON_MEDIA_TYPE,
      'user-agent': options.userAgent,
      'x-github-api-version': API_VERSION,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const init: RequestInit = { method, headers };
    if (requestOptions.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(requestOptions.body);
    }
    const label = `${method} ${target.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetchFn(target.href, init);
      } catch (error) {
        if (attempt >= maxAttempts)
          throw new GithubApiError(0, label, error instanceof Error ? error.message : String(error), error);
        await sleep(backoff(attempt));
        continue;
      }
      if (response.ok) return response;
      if (attempt < maxAttempts && isRetryable(response)) {
        const wait = retryAfterMs(response);
        if (wait === undefined || wait <= MAX_RETRY_AFTER_MS) {
          await response.body?.cancel();
          await sleep(wait ?? backoff(attempt));
          continue;
        }
      }
      throw new GithubApiError(response.status, label, await githubMessage(response));
    }
  }

  /** Full jitter: a random wait up to 1 s, 2 s, 4 s... */
  function backoff(attempt: number): number {
    return Math.floor(random() * 1000 * 2 ** (attempt - 1));
  }

  function urlOf(path: string, query?: Record<string, string | number>): string {
    const url = new URL(path.startsWith('http') ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
    return url.href;
  }

  async function parse<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }

  return {
    async request<T>(method: string, path: string, requestOptions: RequestOptions = {}) {
      const response = await send(method, urlOf(path, requestOptions.query), requestOptions);
      return { status: response.status, data: await parse<T>(response), headers: response.headers };
    },
    async paginate<T>(path: string, query: Record<string, string | number> = {}) {
      const items: T[] = [];
      let url: string | undefined = urlOf(path, { per_page: 100, ...query });
      for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
        const response = await send('GET', url, {});
        const data: unknown = await response.json();
        if (!Array.isArray(data))
          throw new GithubApiError(response.status, `GET ${new URL(url).pathname}`, 'expected a list');
        items.push(...(data as T[]));
        url = nextPageUrl(response.headers.get('link'));
      }
      return items;
    },
  };
}
