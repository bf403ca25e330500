import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_ID_RANDOM_BYTES, generateExternalId } from '../../../core/connect/external-id.ts';
import {
  buildQuickCreateUrl,
  DEFAULT_STACK_NAME,
  type QuickCreateOptions,
} from '../../../core/connect/quick-create-url.ts';
import { AxiomError } from '../../../core/errors.ts';

const options: QuickCreateOptions = {
  region: 'eu-west-1',
  templateUrl: 'https://axiom-public.s3.amazonaws.com/onboarding/axiom-readonly.yaml',
  externalId: `axm-${'Ab_-'.repeat(8)}`,
  scannerAccountId: '123456789012',
};

/** Parses the link back the way the console does: the query, then the query inside the fragment. */
function parseLink(link: string): { url: URL; route: string; parameters: Record<string, string> } {
  const url = new URL(link);
  const hash = url.hash.slice(1);
  const question = hash.indexOf('?');
  const route = hash.slice(0, question);
  const parameters: Record<string, string> = {};
  for (const pair of hash.slice(question + 1).split('&')) {
    const [key, value] = pair.split('=');
    parameters[decodeURIComponent(key ?? '')] = decodeURIComponent(value ?? '');
  }
  return { url, route, parameters };
}

describe('buildQuickCreateUrl', () => {
  it('opens the quick-create page of the region with every parameter filled in', () => {
    const { url, route, parameters } = parseLink(buildQuickCreateUrl(options));
    expect(url.origin).toBe('https://console.aws.amazon.com');
    expect(url.pathname).toBe('/cloudformation/home');
    expect(url.searchParams.get('region')).toBe('eu-west-1');
    expect(route).toBe('/stacks/quickcreate');
    expect(parameters).toEqual({
      templateURL: options.templateUrl,
      stackName: DEFAULT_STACK_NAME,
      param_ExternalId: options.externalId,
      param_ScannerAccountId: '123456789012',
    });
  });

  it('is read the same by URLSearchParams (so a "+" is never taken for a space)', () => {
    const link = buildQuickCreateUrl({
      ...options,
      templateUrl: 'https://b.s3.amazonaws.com/t.yaml?v=1+2&x=%41',
    });
    const hash = new URL(link).hash;
    const fragment = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
    expect(fragment.get('templateURL')).toBe('https://b.s3.amazonaws.com/t.yaml?v=1+2&x=%41');
    expect([...fragment.keys()]).toEqual([
      'templateURL',
      'stackName',
      'param_ExternalId',
      'param_ScannerAccountId',
    ]);
  });

  it('round-trips any External ID, stack name and template path', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: EXTERNAL_ID_RANDOM_BYTES, maxLength: EXTERNAL_ID_RANDOM_BYTES }),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,40}$/),
        fc.string(),
        (bytes, stackName, path) => {
          const templateUrl = new URL(`https://bucket.s3.amazonaws.com/${encodeURIComponent(path)}?a=${path}`)
            .href;
          const externalId = generateExternalId(() => bytes);
          const { parameters } = parseLink(
            buildQuickCreateUrl({ ...options, externalId, stackName, templateUrl }),
          );
          expect(parameters).toEqual({
            templateURL: templateUrl,
            stackName,
            param_ExternalId: externalId,
            param_ScannerAccountId: options.scannerAccountId,
          });
        },
      ),
    );
  });

  it.each<[string, Partial<QuickCreateOptions>]>([
    ['a bad region', { region: 'Europe' }],
    ['a template URL that is not https', { templateUrl: 'http://bucket.s3.amazonaws.com/t.yaml' }],
    ['a template that is not a URL', { templateUrl: 'axiom-readonly.yaml' }],
    ['a chosen External ID', { externalId: 'my-own-id' }],
    ['a short account id', { scannerAccountId: '1234' }],
    ['a stack name with an underscore', { stackName: 'axiom_readonly' }],
    ['a stack name starting with a digit', { stackName: '1axiom' }],
  ])('refuses %s', (_name, change) => {
    let thrown: unknown;
    try {
      buildQuickCreateUrl({ ...options, ...change });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AxiomError);
    expect((thrown as AxiomError).code).toBe('invalid_quick_create_input');
  });
});
