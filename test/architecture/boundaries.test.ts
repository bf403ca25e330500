import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) if (match[1]) specifiers.push(match[1]);
  return specifiers;
}

describe('architecture boundaries', () => {
  const coreFiles = sourceFiles('core');

  it('finds the core sources', () => {
    expect(coreFiles.length).toBeGreaterThan(3);
    expect(coreFiles).toContain(join('core', 'index.ts'));
  });

  it('core never imports @actions/* or @slack/*', () => {
    const offenders = coreFiles.flatMap((file) =>
      importsOf(readFileSync(join(root, file), 'utf8'))
        .filter((spec) => spec.startsWith('@actions/') || spec.startsWith('@slack/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('core never reads process.env', () => {
    const offenders = coreFiles.filter((file) =>
      /process\s*\.\s*env|process\[['"]env/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('adapters import core only through core/index.ts', () => {
    const offenders: string[] = [];
    for (const adapter of ['action', 'bot', 'cli']) {
      for (const file of sourceFiles(adapter)) {
        for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
          if (!spec.startsWith('.')) continue;
          const target = relative(root, join(root, file, '..', spec));
          if (target.startsWith(`core/`) && target !== 'core/index.ts')
            offenders.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the detector sees a deep import and an env read (self-check)', () => {
    expect(importsOf(`import { x } from '../core/aws/client-factory.ts';`)).toEqual([
      '../core/aws/client-factory.ts',
    ]);
    expect(importsOf(`const m = await import('@slack/bolt');`)).toEqual(['@slack/bolt']);
  });
});
