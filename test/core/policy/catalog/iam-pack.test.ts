import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import {
  defaultIamDataDirectory,
  packagedIamDataSource,
} from '../../../../core/policy/catalog/iam-data-source.ts';
import {
  buildIamPack,
  defaultIamDataSource,
  defaultIamPackFile,
  IAM_PACK_FORMAT,
  installedIamDataVersion,
  readIamPack,
} from '../../../../core/policy/catalog/iam-pack.ts';

/** A small data folder in the package's layout, with text that needs escaping and a non-ASCII name. */
const FILES: Record<string, unknown> = {
  'services.json': ['widgets', 'gadgets'],
  'serviceNames.json': { widgets: 'Example Widgets "quoted"', gadgets: 'Gadgets \u2013 Ü' },
  'unassociatedConditions.json': {},
  'actions/widgets.json': {
    paintwidget: {
      name: 'PaintWidget',
      description: 'Grants permission to paint a widget',
      accessLevel: 'Tagging, Write',
      resourceTypes: [
        { name: 'widget', required: true, conditionKeys: ['widgets:Colour'], dependentActions: [] },
      ],
      conditionKeys: ['aws:RequestTag/tag-key'],
      dependentActions: ['widgets:MakeWidget'],
    },
    makewidget: {
      name: 'MakeWidget',
      description: 'Grants permission to make a widget\nof any colour \u2013 "any"',
      accessLevel: 'Write',
      resourceTypes: [],
      conditionKeys: [],
      dependentActions: [],
    },
  },
  'actions/gadgets.json': {},
  'resourceTypes/widgets.json': {},
  'resourceTypes/gadgets.json': {},
  'conditionKeys/widgets.json': {
    'widgets:colour': { key: 'widgets:Colour', description: '', type: 'String' },
  },
  'conditionKeys/gadgets.json': {},
};

function dataFolder(): string {
  const directory = mkdtempSync(join(tmpdir(), 'axiom-iam-pack-'));
  for (const folder of ['actions', 'resourceTypes', 'conditionKeys']) mkdirSync(join(directory, folder));
  for (const [path, content] of Object.entries(FILES))
    writeFileSync(join(directory, path), JSON.stringify(content, null, 2));
  // Not read by the catalogue, so not packed.
  writeFileSync(join(directory, 'categories.json'), '{}');
  return directory;
}

function packFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'axiom-iam-pack-file-')), 'iam-pack.json');
  writeFileSync(file, text);
  return file;
}

describe('IAM data pack', () => {
  it('serves every file the catalogue reads as the package files hold it, actions in their compact form', () => {
    const directory = dataFolder();
    const source = readIamPack(packFile(buildIamPack(directory, 'fixture@1')), 'fixture@1');
    expect(source).toBeDefined();
    for (const [path, content] of Object.entries(FILES)) {
      if (!path.startsWith('actions/')) expect(source?.readJson(path)).toEqual(content);
    }
    // Sorted by name, what repeats stored once and numbered, no descriptions; read back, the same actions as the
    // package's form.
    expect(source?.readJson('actions/widgets.json')).toEqual({
      strings: [
        'Write',
        'widget',
        'widgets:Colour',
        'Tagging, Write',
        'aws:RequestTag/tag-key',
        'widgets:MakeWidget',
      ],
      lists: [[2], [4], [5]],
      rows: [[1, 1, 1, 0]],
      rowLists: [[0]],
      names: ['MakeWidget', 'PaintWidget'],
      fields: [0, 0, 0, 0, 3, 1, 2, 3],
    });
    expect(source?.readJson('actions/gadgets.json')).toEqual({
      strings: [],
      lists: [],
      rows: [],
      rowLists: [],
      names: [],
      fields: [],
    });
    const packed = createIamCatalog(source ?? packagedIamDataSource(join(tmpdir(), 'no-pack')));
    const plain = createIamCatalog(packagedIamDataSource(directory));
    expect(packed.allActions()).toEqual(plain.allActions());
    expect(packed.action('widgets:PaintWidget')?.resourceTypes[0]?.conditionKeys).toEqual(['widgets:Colour']);
    expect(source?.readJson('categories.json')).toBeUndefined();
    expect(source?.globalConditionKeys()).toEqual(packagedIamDataSource(directory).globalConditionKeys());
  });

  it('is ASCII whatever the data holds, so byte offsets are character offsets', () => {
    const text = buildIamPack(dataFolder(), 'fixture@1');
    expect(text).not.toMatch(/[^\n -~]/);
    expect(readIamPack(packFile(text))?.readJson('serviceNames.json')).toEqual(FILES['serviceNames.json']);
  });

  it('reads only its header until a service is asked for, and says so clearly if the file changed by then', () => {
    const file = packFile(buildIamPack(dataFolder(), 'fixture@1'));
    const source = readIamPack(file);
    const catalog = createIamCatalog(source ?? packagedIamDataSource(join(tmpdir(), 'no-pack')));
    expect(catalog.services().map((service) => service.prefix)).toEqual(['gadgets', 'widgets']);
    // The body is cut short after the catalogue was created: only now is it read.
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -5));
    let thrown: unknown;
    try {
      catalog.action('widgets:MakeWidget');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'iam_catalog_unreadable', message: expect.stringContaining(file) });
  });

  it('gives the same bytes for the same data', () => {
    const directory = dataFolder();
    expect(buildIamPack(directory, 'fixture@1')).toBe(buildIamPack(directory, 'fixture@1'));
  });

  it('is ignored when made from another version of the data, or when missing, cut short or not a pack', () => {
    const text = buildIamPack(dataFolder(), 'fixture@1');
    expect(readIamPack(packFile(text), 'fixture@2')).toBeUndefined();
    expect(readIamPack(join(tmpdir(), 'no-such-dir-axiom', 'iam-pack.json'))).toBeUndefined();
    expect(readIamPack(packFile(text.slice(0, text.length - 10)))).toBeUndefined();
    expect(readIamPack(packFile(text.slice(0, 40)))).toBeUndefined();
    expect(readIamPack(packFile('{"format":2}\n'))).toBeUndefined();
    expect(text).toContain(`"format":${IAM_PACK_FORMAT}`);
    expect(readIamPack(packFile(text.replace(`"format":${IAM_PACK_FORMAT}`, '"format":1')))).toBeUndefined();
  });

  it('builds the same catalogue from the real data as the package files do', () => {
    const raw = createIamCatalog(packagedIamDataSource());
    const packed = createIamCatalog(
      readIamPack(packFile(buildIamPack()), installedIamDataVersion()) ??
        packagedIamDataSource(join(tmpdir(), 'no-pack')),
    );
    // Every field of every action (the access-level sets, which JSON leaves out, are parsed from the labels).
    const summary = (catalog: typeof raw) => JSON.stringify(catalog.allActions());
    expect(summary(packed)).toBe(summary(raw));
    expect(packed.allActions().length).toBeGreaterThan(15_000);
    expect(packed.conditionKey('s3:x-amz-acl')).toEqual(raw.conditionKey('s3:x-amz-acl'));
    expect(packed.globalConditionKeys()).toEqual(raw.globalConditionKeys());
  });

  it('is what `npm ci` leaves for the catalogue, and the default source reads it', () => {
    // The prepare script wrote it; a stale or missing one would make the default source fall back silently.
    const file = defaultIamPackFile();
    expect(readFileSync(file, 'utf8').slice(0, 200)).toContain(`"source":"${installedIamDataVersion()}"`);
    expect(readIamPack(file, installedIamDataVersion())).toBeDefined();
    expect(defaultIamDataSource().readJson('services.json')).toEqual(
      packagedIamDataSource(defaultIamDataDirectory()).readJson('services.json'),
    );
  });
});
