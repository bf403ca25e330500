// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM ARN templates and condition keys are written ${Like} this.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAxiomError } from '../../../../core/errors.ts';
import { createIamCatalog, loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import {
  type IamDataSource,
  packagedIamDataSource,
  type RawConditionKey,
} from '../../../../core/policy/catalog/iam-data-source.ts';

/** A tiny catalogue in memory that records which files were read. */
function fakeSource(files: Record<string, unknown>, globals: RawConditionKey[] = []) {
  const reads: string[] = [];
  const source: IamDataSource = {
    readJson(path) {
      reads.push(path);
      if (!(path in files)) throw new Error(`no file ${path}`);
      return files[path];
    },
    globalConditionKeys: () => globals,
  };
  return { source, reads };
}

function action(
  name: string,
  accessLevel: string,
  resourceTypes: unknown[] = [],
  conditionKeys: string[] = [],
) {
  return {
    name,
    description: `Grants permission to ${name}`,
    accessLevel,
    resourceTypes,
    conditionKeys,
    dependentActions: [],
  };
}

const FILES: Record<string, unknown> = {
  'services.json': ['widgets', 'gadgets'],
  'serviceNames.json': { widgets: 'Example Widgets', gadgets: 'Example Gadgets' },
  'unassociatedConditions.json': { 'idp.example.com/${Tenant}': ['widgets'] },
  'actions/widgets.json': {
    makewidget: action('MakeWidget', 'Write', [
      { name: 'Widget', required: true, conditionKeys: ['widgets:Colour'], dependentActions: [] },
    ]),
    listwidgets: action('ListWidgets', 'List'),
    tagwidget: action('TagWidget', 'Tagging, Write', [], ['aws:TagKeys']),
    oddwidget: action('OddWidget', 'Brand new level'),
  },
  'resourceTypes/widgets.json': {
    widget: { key: 'widget', arn: 'arn:${Partition}:widgets:${Region}:${Account}:widget/${WidgetId}' },
  },
  'conditionKeys/widgets.json': {
    'widgets:colour': { key: 'widgets:Colour', description: 'The colour', type: 'String' },
    'widgets:label/${labelkey}': {
      key: 'widgets:Label/${LabelKey}',
      description: 'A label',
      type: 'ArrayOfString',
    },
    'idp.example.com/${tenant}:sub': {
      key: 'idp.example.com/${Tenant}:sub',
      description: 'Subject',
      type: 'String',
    },
  },
  'actions/gadgets.json': { spin: action('Spin', 'Read') },
  'resourceTypes/gadgets.json': {},
  'conditionKeys/gadgets.json': {},
};

describe('createIamCatalog over an injected source', () => {
  it('reads a service only when something asks about it, and each file once', () => {
    const { source, reads } = fakeSource(FILES);
    const catalog = createIamCatalog(source);
    expect(reads).toEqual(['services.json', 'serviceNames.json', 'unassociatedConditions.json']);
    expect(catalog.services()).toEqual([
      { prefix: 'gadgets', name: 'Example Gadgets' },
      { prefix: 'widgets', name: 'Example Widgets' },
    ]);
    expect(catalog.action('widgets:MakeWidget')?.key).toBe('widgets:MakeWidget');
    catalog.expandActionPattern('widgets:*');
    expect(reads.slice(3)).toEqual(['actions/widgets.json', 'resourceTypes/widgets.json']);
    catalog.conditionKey('widgets:Colour');
    catalog.conditionKey('widgets:Label/x');
    expect(reads.slice(5)).toEqual(['conditionKeys/widgets.json']);
    expect(catalog.allActions().map((info) => info.key)).toEqual([
      'gadgets:Spin',
      'widgets:ListWidgets',
      'widgets:MakeWidget',
      'widgets:OddWidget',
      'widgets:TagWidget',
    ]);
    expect(reads.filter((path) => path.startsWith('actions/'))).toEqual([
      'actions/widgets.json',
      'actions/gadgets.json',
    ]);
  });

  it('builds actions: resource types resolved in any case, levels split, unknown levels as Write', () => {
    const catalog = createIamCatalog(fakeSource(FILES).source);
    expect(catalog.action('widgets', 'makewidget')).toMatchObject({
      resourceTypes: [
        {
          name: 'Widget',
          required: true,
          arn: 'arn:${Partition}:widgets:${Region}:${Account}:widget/${WidgetId}',
          conditionKeys: ['widgets:Colour'],
        },
      ],
      isWildcardOnly: false,
    });
    expect([...(catalog.action('widgets:TagWidget')?.accessLevels ?? [])]).toEqual(['Tagging', 'Write']);
    expect([...(catalog.action('widgets:OddWidget')?.accessLevels ?? [])]).toEqual(['Write']);
    expect(catalog.action('widgets:ListWidgets')?.isWildcardOnly).toBe(true);
  });

  it('resolves condition keys through templates and identity-provider prefixes', () => {
    const catalog = createIamCatalog(
      fakeSource(FILES, [{ key: 'aws:PrincipalTag/tag-key', type: 'String', description: '' }]).source,
    );
    expect(catalog.conditionKey('widgets:label/Team')).toMatchObject({
      name: 'widgets:Label/${LabelKey}',
      multiValued: true,
    });
    expect(catalog.conditionKey('idp.example.com/acme:sub')).toMatchObject({
      name: 'idp.example.com/${Tenant}:sub',
    });
    expect(catalog.conditionKey('aws:PrincipalTag/x')).toMatchObject({
      name: 'aws:PrincipalTag/${TagKey}',
      global: true,
    });
    const make = catalog.action('widgets:MakeWidget')!;
    expect(catalog.checkConditionKey('widgets:colour', make).resultType).toBe('supported');
    expect(catalog.checkConditionKey('widgets:Label/x', make).resultType).toBe('not-supported');
    expect(catalog.checkConditionKey('aws:PrincipalTag/x', make).resultType).toBe('global');
    expect(catalog.checkConditionKey('widgets:Color', make)).toEqual({
      resultType: 'unknown',
      suggestion: 'widgets:Colour',
    });
  });

  it.each([
    ['actions/widgets.json', { makewidget: { name: 'MakeWidget' } }, /action makewidget lacks/],
    ['actions/widgets.json', 'not an object', /expected an object/],
    // The IAM data pack's compact form.
    ['actions/widgets.json', ['not', 'an', 'action'], /expected an object/],
    [
      'actions/widgets.json',
      {
        strings: ['Write', 'List'],
        lists: [],
        rows: [],
        rowLists: [],
        names: ['MakeWidget', 'CountWidgets'],
        fields: [0, 0, 0, 0, 1, 0, 0, 0],
      },
      /entry 1 is not an action in name order/,
    ],
    [
      'actions/widgets.json',
      { strings: ['Write'], lists: [], rows: [], rowLists: [], names: ['MakeWidget'], fields: [0, 0, 1, 0] },
      /entry 0 is not an action/,
    ],
    [
      'actions/widgets.json',
      {
        strings: ['Write', 'widget'],
        lists: [],
        rows: [[1, 'yes', 0, 0]],
        rowLists: [[0]],
        names: ['MakeWidget'],
        fields: [0, 1, 0, 0],
      },
      /resource-type row 0 is malformed/,
    ],
    [
      'actions/widgets.json',
      { makewidget: action('MakeWidget', 'Write', [{ name: 'Widget' }]) },
      /a resource type of makewidget lacks/,
    ],
    ['resourceTypes/widgets.json', { widget: { key: 'widget' } }, /resource type widget lacks/],
    [
      'conditionKeys/widgets.json',
      { 'widgets:colour': { key: 'widgets:Colour' } },
      /condition key widgets:colour lacks/,
    ],
  ])('stops with iam_catalog_invalid naming the file when %s is malformed', (file, content, message) => {
    const catalog = createIamCatalog(fakeSource({ ...FILES, [file]: content }).source);
    let error: unknown;
    try {
      catalog.action('widgets:MakeWidget');
      catalog.conditionKey('widgets:Colour');
    } catch (caught) {
      error = caught;
    }
    expect(isAxiomError(error) && error.code).toBe('iam_catalog_invalid');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a malformed service list when the catalogue is created', () => {
    expect(() =>
      createIamCatalog(fakeSource({ ...FILES, 'services.json': { not: 'a list' } }).source),
    ).toThrow(/services.json is malformed/);
  });
});

describe('packagedIamDataSource', () => {
  it('reads the installed package and its global condition keys', () => {
    const source = packagedIamDataSource();
    expect(source.readJson('services.json')).toEqual(expect.arrayContaining(['s3', 'iam', 'ec2']));
    expect(source.globalConditionKeys().map((key) => key.key)).toEqual(
      expect.arrayContaining(['aws:SourceIp']),
    );
  });

  it('reports a missing or corrupt file with a stable code', () => {
    const directory = mkdtempSync(join(tmpdir(), 'axiom-iam-data-'));
    writeFileSync(join(directory, 'services.json'), '{ not json');
    const source = packagedIamDataSource(directory);
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isAxiomError(error) ? error.code : 'not an AxiomError';
      }
      return 'no error';
    };
    expect(codeOf(() => source.readJson('services.json'))).toBe('iam_catalog_invalid');
    expect(codeOf(() => source.readJson('actions/s3.json'))).toBe('iam_catalog_unreadable');
  });
});

describe('loadIamCatalog', () => {
  it('builds the packaged catalogue once per process', () => {
    expect(loadIamCatalog()).toBe(loadIamCatalog());
  });

  it('keys every action of the real data by its lowercase name (the index relies on it)', () => {
    const catalog = loadIamCatalog();
    const mismatched = catalog
      .allActions()
      .filter((info) => catalog.action(info.service, info.name.toLowerCase()) !== info);
    expect(mismatched).toEqual([]);
  });
});
