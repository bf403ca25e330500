/** The GitHub client over an injected fetch: pages, retries, errors, and where the token may go. */
import { describe, expect, it } from 'vitest';
import { createGithubApi, type Fetch, GithubApiError, nextPageUrl } from '../../action/github-api.ts';

const API = 'https://api.github.com';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch answering from a list of responses, recording the calls. */
function scripted(responses: (() => Response)[]): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return next();
    },
  };
}

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function client(fetch: Fetch, sleeps: number[] = []) {
  return createGithubApi({
    apiUrl: API,
    token: 'ghs_token',
    userAgent: 'axiom-test',
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
}

describe('createGithubApi', () => {
  it('follows Link rel="next" until the last page, 100 per page', async () => {
    const { fetch, calls } = scripted([
      () =>
        jsonResponse([1, 2], 200, {
          link: `<${API}/x?per_page=100&page=2>; rel="next", <${API}/x?per_page=100&page=3>; rel="last"`,
        }),
      () =>
        jsonResponse([3], 200, {
          link: `<${API}/x?per_page=100&page=3>; rel="next", <${API}/x?page=1>; rel="first"`,
        }),
      () => jsonResponse([4], 200, { link: `<${API}/x?page=1>; rel="first", <${API}/x?page=2>; rel="prev"` }),
    ]);
    expect(await client(fetch).paginate<number>('/x')).toEqual([1, 2, 3, 4]);
    expect(calls.map((call) => call.url)).toEqual([
      `${API}/x?per_page=100`,
      `${API}/x?per_page=100&page=2`,
      `${API}/x?per_page=100&page=3`,
    ]);
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer ghs_token');
    expect(new Headers(calls[0]!.init.headers).get('x-github-api-version')).toBe('2022-11-28');
  });

  it('reads rel="next" wherever it is in the header', () => {
    expect(nextPageUrl('<a>; rel="prev", <b>; rel="next"')).toBe('b');
    expect(nextPageUrl('<a>; rel="last"')).toBeUndefined();
    expect(nextPageUrl(null)).toBeUndefined();
  });

  it('retries server errors and rate limits with waits, then succeeds', async () => {
    const sleeps: number[] = [];
    const { fetch, calls } = scripted([
      () => jsonResponse({ message: 'Server Error' }, 502),
      () =>
        jsonResponse({ message: 'You have exceeded a secondary rate limit' }, 403, { 'retry-after': '2' }),
      () => jsonResponse({ id: 7 }, 201),
    ]);
    const api = createGithubApi({
      apiUrl: API,
      token: 't',
      userAgent: 'u',
      fetch,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      maxAttempts: 3,
    });
    const response = await api.request<{ id: number }>('POST', '/repos/o/r/check-runs', {
      body: { name: 'Axiom' },
    });
    expect(response).toMatchObject({ status: 201, data: { id: 7 } });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 2000]);
    expect(calls[2]!.init.body).toBe('{"name":"Axiom"}');
  });

  it('does not retry a missing permission, and says what GitHub said', async () => {
    const { fetch, calls } = scripted([
      () =>
        jsonResponse(
          { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com' },
          403,
        ),
    ]);
    const error = await client(fetch)
      .request('POST', '/repos/o/r/check-runs')
      .catch((caught: unknown) => caught);
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(GithubApiError);
    expect(error).toMatchObject({
      status: 403,
      request: 'POST /repos/o/r/check-runs',
      githubMessage: 'Resource not accessible by integration',
    });
    expect((error as Error).message).toBe(
      'The GitHub API refused POST /repos/o/r/check-runs (HTTP 403: Resource not accessible by integration).',
    );
  });

  it("includes a 422's validation errors", async () => {
    const { fetch } = scripted([
      () =>
        jsonResponse(
          {
            message: 'Validation Failed',
            errors: [{ resource: 'CheckRun', code: 'invalid', message: 'head_sha is not a commit' }],
          },
          422,
        ),
    ]);
    const error = (await client(fetch)
      .request('POST', '/repos/o/r/check-runs')
      .catch((caught: unknown) => caught)) as GithubApiError;
    expect(error.githubMessage).toBe('Validation Failed; head_sha is not a commit');
  });

  it('never sends the token to another origin, even when a Link header points there', async () => {
    const { fetch, calls } = scripted([
      () => jsonResponse([1], 200, { link: '<https://evil.example/steal?page=2>; rel="next"' }),
    ]);
    await expect(client(fetch).paginate('/x')).rejects.toThrow(
      /Refused to send the GitHub token to https:\/\/evil\.example/,
    );
    expect(calls).toHaveLength(1);
  });

  it('gives up on an unreachable API after its attempts', async () => {
    const sleeps: number[] = [];
    const fetch: Fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await client(fetch, sleeps)
      .request('GET', '/x')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'github_api_unreachable' });
    expect(sleeps).toHaveLength(2);
  });

  it('reads raw file contents as text', async () => {
    const { fetch, calls } = scripted([
      () =>
        new Response('{"Version":"2012-10-17"}', {
          status: 200,
          headers: { 'content-type': 'application/vnd.github.raw' },
        }),
    ]);
    const response = await client(fetch).request<string>('GET', '/repos/o/r/contents/a.json', {
      query: { ref: 'abc' },
      accept: 'application/vnd.github.raw+json',
    });
    expect(response.data).toBe('{"Version":"2012-10-17"}');
    expect(calls[0]!.url).toBe(`${API}/repos/o/r/contents/a.json?ref=abc`);
  });
});
