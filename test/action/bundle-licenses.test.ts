/**
 * The licence list of a bundle split into chunks (action/build/bundle-licenses.ts): every chunk's files, each
 * attributed to its package, rendered in ncc's layout. The last test bundles a two-package fixture with ncc,
 * one package behind a dynamic import, and checks the list against ncc's own licence plugin.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BundleCompilation,
  type BundledModule,
  bundledFiles,
  bundleLicenses,
  packageDirectory,
  packageLicense,
  renderLicenses,
} from '../../action/build/bundle-licenses.ts';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** A compilation whose chunks hold the given modules. */
function compilation(chunks: BundledModule[][]): BundleCompilation {
  return {
    chunks,
    chunkGraph: { getChunkModulesIterable: (chunk) => chunk as BundledModule[] },
  };
}

/** Writes a package folder: its package.json and other files. */
function writePackage(directory: string, manifest: object, files: Record<string, string> = {}): string {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

describe('bundledFiles', () => {
  it('takes every chunk, opens concatenated modules, drops queries, runtime and external modules', () => {
    const files = bundledFiles(
      compilation([
        [
          { resource: '/p/action/index.ts' },
          { modules: [{ resource: '/p/core/a.ts' }, { resource: '/p/core/b.ts' }] },
          {},
        ],
        [{ resource: '/p/node_modules/x/index.js?raw' }, { resource: '/p/core/a.ts' }],
      ]),
    );
    expect(files).toEqual([
      '/p/action/index.ts',
      '/p/core/a.ts',
      '/p/core/b.ts',
      '/p/node_modules/x/index.js',
    ]);
  });
});

describe('packageDirectory', () => {
  it('is the folder under the last node_modules, two levels for a scoped package, or the project', () => {
    const project = '/p';
    expect(packageDirectory('/p/node_modules/yaml/dist/index.js', project)).toBe('/p/node_modules/yaml');
    expect(
      packageDirectory('/p/node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js', project),
    ).toBe('/p/node_modules/@aws-sdk/core');
    expect(packageDirectory('/p/node_modules/a/node_modules/@s/b/lib/x.js', project)).toBe(
      '/p/node_modules/a/node_modules/@s/b',
    );
    expect(packageDirectory('/p/core/policy/analyze.ts', project)).toBe('/p');
    expect(() => packageDirectory('/elsewhere/x.js', project)).toThrow(/outside the project/);
  });
});

describe('packageLicense', () => {
  const base = mkdtempSync(join(tmpdir(), 'axiom-licenses-'));

  it('reads the identifier from package.json and the text from the first licence file', () => {
    const directory = writePackage(
      join(base, 'plain'),
      { name: 'plain', license: 'MIT' },
      { 'LICENSE.md': 'MIT text\r\nline 2\n', 'licence.txt': 'not this one', 'README.md': 'no' },
    );
    expect(packageLicense(directory)).toEqual({
      name: 'plain',
      licenseId: 'MIT',
      licenseText: 'MIT text\nline 2\n',
    });
  });

  it('follows SEE LICENSE IN, the old license object and licenses array, and states what is missing', () => {
    expect(
      packageLicense(
        writePackage(
          join(base, 'see'),
          { name: 'see', license: 'SEE LICENSE IN TERMS.txt' },
          { 'TERMS.txt': 'terms' },
        ),
      ),
    ).toEqual({ name: 'see', licenseId: 'SEE LICENSE IN TERMS.txt', licenseText: 'terms' });
    expect(
      packageLicense(writePackage(join(base, 'object'), { name: 'object', license: { type: 'ISC' } })),
    ).toEqual({
      name: 'object',
      licenseId: 'ISC',
    });
    expect(
      packageLicense(
        writePackage(join(base, 'array'), {
          name: 'array',
          licenses: [{ type: 'BSD-2-Clause' }, { type: 'MIT' }],
        }),
      ),
    ).toEqual({ name: 'array', licenseId: 'BSD-2-Clause' });
    expect(packageLicense(writePackage(join(base, 'bare'), { name: 'bare' }))).toEqual({ name: 'bare' });
    mkdirSync(join(base, 'dir-only', 'LICENSES'), { recursive: true });
    expect(
      packageLicense(writePackage(join(base, 'dir-only'), { name: 'dir-only', license: 'MIT' })),
    ).toEqual({
      name: 'dir-only',
      licenseId: 'MIT',
    });
  });

  it('refuses a folder whose package.json names no package', () => {
    expect(() => packageLicense(writePackage(join(base, 'anonymous'), { type: 'commonjs' }))).toThrow(
      /names no package/,
    );
  });
});

describe('renderLicenses', () => {
  it("is ncc's layout: sorted by name; name, identifier, text; blank line between packages", () => {
    expect(
      renderLicenses([
        { name: 'yaml', licenseId: 'ISC', licenseText: 'ISC text\n' },
        { name: '@actions/core', licenseId: 'MIT', licenseText: 'MIT text' },
        { name: 'axiom', licenseId: 'UNLICENSED' },
        { name: 'yaml', licenseId: 'ISC', licenseText: 'ISC text\n' },
      ]),
    ).toBe('@actions/core\nMIT\nMIT text\n\naxiom\nUNLICENSED\n\nyaml\nISC\nISC text\n');
  });
});

describe('bundleLicenses', () => {
  it('lists each package with a file in any chunk once, the project included', () => {
    const project = mkdtempSync(join(tmpdir(), 'axiom-project-'));
    writePackage(project, { name: 'project', license: 'UNLICENSED' });
    writePackage(
      join(project, 'node_modules', 'a'),
      { name: 'a', license: 'MIT' },
      { LICENSE: 'A licence\n' },
    );
    writePackage(
      join(project, 'node_modules', '@s', 'b'),
      { name: '@s/b', license: 'ISC' },
      { LICENSE: 'B\n' },
    );
    writePackage(join(project, 'node_modules', 'unused'), { name: 'unused', license: 'MIT' });
    const text = bundleLicenses(
      compilation([
        [
          { resource: join(project, 'src', 'main.ts') },
          { resource: join(project, 'node_modules', 'a', 'x.js') },
        ],
        [{ modules: [{ resource: join(project, 'node_modules', '@s', 'b', 'lib', 'y.js') }] }],
      ]),
      project,
    );
    expect(text).toBe('@s/b\nISC\nB\n\n\na\nMIT\nA licence\n\n\nproject\nUNLICENSED\n');
  });

  it("covers the packages of every chunk of a real ncc build, in the layout of ncc's licence plugin", async () => {
    const fixture = mkdtempSync(join(tmpdir(), 'axiom-ncc-fixture-'));
    writePackage(fixture, { name: 'fixture', license: 'UNLICENSED', type: 'module' });
    const modules = join(root, 'node_modules');
    writeFileSync(
      join(fixture, 'entry.mjs'),
      `import equal from ${JSON.stringify(join(modules, 'fast-deep-equal', 'index.js'))};\n` +
        `if (equal(process.argv, [])) {\n` +
        `  const { default: traverse } = await import(${JSON.stringify(join(modules, 'json-schema-traverse', 'index.js'))});\n` +
        `  traverse({}, () => {});\n` +
        `}\n`,
    );
    const ncc = require('@vercel/ncc') as (
      entry: string,
      options: Record<string, unknown>,
    ) => Promise<{
      assets: Record<string, { source: string | Buffer }>;
      stats: { compilation: BundleCompilation };
    }>;
    const output = await ncc(join(fixture, 'entry.mjs'), {
      esm: false,
      filename: 'index.js',
      license: 'licenses.txt',
      cache: false,
      quiet: true,
    });
    expect(Object.keys(output.assets).filter((name) => /^\d+\.index\.js$/.test(name))).toHaveLength(1);

    const ours = bundleLicenses(output.stats.compilation, fixture);
    const names = ours.split('\n').filter((_line, index, lines) => index === 0 || lines[index - 1] === '');
    expect(names).toEqual(expect.arrayContaining(['fast-deep-equal', 'json-schema-traverse', 'fixture']));
    // Whatever ncc's plugin listed reads the same in ours, block for block.
    const theirs = String(output.assets['licenses.txt']?.source ?? '').trim();
    expect(theirs).not.toBe('');
    for (const block of theirs.split(/\n\n(?=[@\w][^\n]*\n[^\n]+\n)/)) expect(ours).toContain(block);
  }, 60_000);
});
