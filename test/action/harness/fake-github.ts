/**
 * A local GitHub that the Action really talks to over HTTP (GITHUB_API_URL), answering like api.github.com:
 * pull-request files in pages of `per_page` with `Link` headers, raw file contents at a commit, check runs,
 * issue comments (listed in pages, created, edited, deleted), and the Actions OIDC token endpoint
 * (ACTIONS_ID_TOKEN_REQUEST_URL). Every request is recorded; a test can make any route answer an error, as
 * GitHub does for a missing permission (403) or a bad request (422).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake saw it. */
export interface GithubRequest {
  /** HTTP method. */
  method: string;
  /** Path without the query. */
  path: string;
  /** Query parameters. */
  query: Record<string, string>;
  /** Headers, lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body, when there was one. */
  body: unknown;
  /** The route that answered, e.g. 'POST /check-runs'. */
  route: string;
}

/** A changed file of the pull request, as the files endpoint lists it. */
export interface FakePullFile {
  /** Head path. */
  filename: string;
  /** added, modified, removed, renamed. */
  status: string;
  /** Base path, for renames. */
  previous_filename?: string;
}

/** A stored issue comment. */
export interface FakeComment {
  /** Its id. */
  id: number;
  /** Its text. */
  body: string;
  /** Who wrote it. */
  user: { login: string; type: string };
}

/** A stored check run. */
export interface FakeCheckRun {
  /** Its id. */
  id: number;
  /** The creation request's body. */
  created: Record<string, unknown>;
  /** Every update request's body. */
  updates: Record<string, unknown>[];
}

/** An error answer for one route. */
export interface FakeFailure {
  /** HTTP status. */
  status: number;
  /** GitHub's message. */
  message: string;
  /** Extra headers (e.g. retry-after). */
  headers?: Record<string, string>;
  /** How many times to fail before answering normally; default always. */
  times?: number;
}

/** The running fake. */
export interface FakeGithub {
  /** Base URL, http://127.0.0.1:PORT: GITHUB_API_URL. */
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL (it carries a query, as the real one does). */
  oidcUrl: string;
  /** The OIDC token it hands out. */
  oidcToken: string;
  /** Every request, in order. */
  requests: GithubRequest[];
  /** The pull request's changed files. */
  pullFiles: FakePullFile[];
  /** File contents by `sha:path`. */
  contents: Map<string, string>;
  /** Issue comments. */
  comments: FakeComment[];
  /** Check runs created. */
  checkRuns: FakeCheckRun[];
  /** Failures by route ('POST /check-runs', 'POST /comments', 'GET /files', ...). */
  failures: Map<string, FakeFailure>;
  /** Called before each request is answered (to make something happen meanwhile, e.g. a racing run). */
  beforeAnswer?: (request: GithubRequest) => void;
  /** The requests of one route. */
  calls(route: string): GithubRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Which route a request is, in the fake's short names. */
function routeOf(method: string, path: string): string {
  if (path === '/oidc/token') return 'GET /oidc/token';
  if (/\/pulls\/\d+\/files$/.test(path)) return `${method} /files`;
  if (/\/contents\//.test(path)) return `${method} /contents`;
  if (/\/check-runs(\/\d+)?$/.test(path)) return `${method} /check-runs`;
  if (/\/issues\/\d+\/comments$/.test(path)) return `${method} /comments`;
  if (/\/issues\/comments\/\d+$/.test(path)) return `${method} /comments/:id`;
  return `${method} ${path}`;
}

/** Starts the fake on 127.0.0.1. */
export async function startFakeGithub(options: { owner: string; repo: string }): Promise<FakeGithub> {
  const prefix = `/repos/${options.owner}/${options.repo}`;
  const state = {
    requests: [] as GithubRequest[],
    pullFiles: [] as FakePullFile[],
    contents: new Map<string, string>(),
    comments: [] as FakeComment[],
    checkRuns: [] as FakeCheckRun[],
    failures: new Map<string, FakeFailure>(),
  };
  let nextId = 1000;
  let url = '';

  type Reply = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
    status,
    body,
    headers,
  });
  const error = (status: number, message: string, headers: Record<string, string> = {}): Reply =>
    json(status, { message, documentation_url: DOCS, status: String(status) }, headers);

  /** One page of `items` and the Link header GitHub sends with it. */
  function page<T>(items: readonly T[], path: string, query: Record<string, string>): Reply {
    const perPage = Math.min(Number(query.per_page ?? 30), 100);
    const number = Number(query.page ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const next = new URLSearchParams({ ...query, per_page: String(perPage), page: String(n) });
      return `<${url}${path}?${next}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (number < last) links.push(link(number + 1, 'next'), link(last, 'last'));
    if (number > 1) links.push(link(1, 'first'), link(number - 1, 'prev'));
    return json(
      200,
      items.slice((number - 1) * perPage, number * perPage),
      links.length ? { link: links.join(', ') } : {},
    );
  }

  function answer(method: string, path: string, query: Record<string, string>, body: unknown): Reply {
    const route = routeOf(method, path);
    const failure = state.failures.get(route);
    if (failure && (failure.times === undefined || failure.times > 0)) {
      if (failure.times !== undefined) failure.times -= 1;
      return error(failure.status, failure.message, failure.headers);
    }
    if (route === 'GET /oidc/token') return json(200, { value: fake.oidcToken, count: 1 });
    if (!path.startsWith(`${prefix}/`)) return error(404, 'Not Found');
    const rest = path.slice(prefix.length);
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    switch (route) {
      case 'GET /files':
        return page(state.pullFiles, path, query);
      case 'GET /contents': {
        const file = decodeURIComponent(rest.slice('/contents/'.length));
        const text = state.contents.get(`${query.ref}:${file}`);
        return text === undefined
          ? error(404, 'Not Found')
          : { status: 200, text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
      }
      case 'POST /check-runs': {
        const id = nextId++;
        state.checkRuns.push({ id, created: record, updates: [] });
        return json(201, {
          id,
          html_url: `https://github.com/${options.owner}/${options.repo}/runs/${id}`,
          ...record,
        });
      }
      case 'PATCH /check-runs': {
        const id = Number(rest.split('/').pop());
        const run = state.checkRuns.find((candidate) => candidate.id === id);
        if (!run) return error(404, 'Not Found');
        run.updates.push(record);
        return json(200, { id });
      }
      case 'GET /comments':
        return page(state.comments, path, query);
      case 'POST /comments': {
        const comment: FakeComment = {
          id: nextId++,
          body: String(record.body ?? ''),
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        state.comments.push(comment);
        return json(201, comment);
      }
      case 'PATCH /comments/:id':
      case 'DELETE /comments/:id': {
        const id = Number(rest.split('/').pop());
        const index = state.comments.findIndex((comment) => comment.id === id);
        if (index === -1) return error(404, 'Not Found');
        if (method === 'DELETE') {
          state.comments.splice(index, 1);
          return { status: 204 };
        }
        state.comments[index]!.body = String(record.body ?? '');
        return json(200, state.comments[index]);
      }
      default:
        return error(404, `fake-github: no route for ${method} ${path}`);
    }
  }

  const server = createServer((incoming, response) => {
    void (async () => {
      const parsed = new URL(incoming.url ?? '/', 'http://fake-github');
      const query = Object.fromEntries(parsed.searchParams);
      const text = await readBody(incoming);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const method = incoming.method ?? 'GET';
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      const request: GithubRequest = {
        method,
        path: parsed.pathname,
        query,
        headers,
        body,
        route: routeOf(method, parsed.pathname),
      };
      state.requests.push(request);
      fake.beforeAnswer?.(request);
      const reply = answer(method, parsed.pathname, query, body);
      const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      response.writeHead(reply.status, {
        ...(reply.text === undefined && reply.body !== undefined
          ? { 'content-type': 'application/json; charset=utf-8' }
          : {}),
        ...reply.headers,
      });
      response.end(payload);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeGithub = {
    url,
    oidcUrl: `${url}/oidc/token?api-version=2.0`,
    oidcToken: 'eyJhbGciOiJSUzI1NiJ9.fake-github-oidc-token.c2lnbmF0dXJl',
    ...state,
    calls: (route) => state.requests.filter((request) => request.route === route),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
  return fake;
}
