/**
 * dist/licenses.txt for a bundle split into chunks. ncc's licence plugin writes one licences file per chunk, all
 * under the same name, so only the last chunk's packages survive once the live scan is a chunk of its own. This
 * walks every chunk of the compilation ncc returns instead, finds the package each bundled file belongs to, and
 * renders their licences the way ncc did (name, licence identifier, licence text; sorted by name), so the file
 * reads the same as before the split, only complete.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** A module of webpack's compilation: a file (`resource`), or modules concatenated into one (`modules`). */
export interface BundledModule {
  /** The file, with any loader query; absent for runtime and external modules. */
  resource?: string;
  /** The modules a concatenated module is made of. */
  modules?: Iterable<BundledModule>;
}

/** The part of webpack's compilation (ncc's `stats.compilation`) that says which modules went in which chunk. */
export interface BundleCompilation {
  /** Every chunk: the entry and each lazily loaded one. */
  chunks: Iterable<unknown>;
  /** Which modules each chunk holds. */
  chunkGraph: { getChunkModulesIterable(chunk: unknown): Iterable<BundledModule> };
}

/** One bundled package's licence. */
export interface PackageLicense {
  /** The package's name. */
  name: string;
  /** Its licence identifier (package.json `license`), when it states one. */
  licenseId?: string;
  /** The text of its licence file, when it has one. */
  licenseText?: string;
}

/** A licence file, as ncc's licence plugin recognises one. */
const LICENSE_FILE = /^licen[cs]e/i;

/** The files of every chunk, concatenated modules opened up, sorted. */
export function bundledFiles(compilation: BundleCompilation): string[] {
  const files = new Set<string>();
  const visit = (module: BundledModule): void => {
    if (module.modules !== undefined) for (const inner of module.modules) visit(inner);
    else if (module.resource !== undefined) files.add(module.resource.split('?')[0] ?? module.resource);
  };
  for (const chunk of compilation.chunks)
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
  return [...files].sort();
}

/**
 * The folder of the package a file belongs to: the one right under the last node_modules in its path, or `root`
 * for the project's own files.
 */
export function packageDirectory(file: string, root: string): string {
  const parts = file.split(sep);
  const modules = parts.lastIndexOf('node_modules');
  if (modules !== -1) {
    const scoped = parts[modules + 1]?.startsWith('@') === true;
    return parts.slice(0, modules + (scoped ? 3 : 2)).join(sep);
  }
  if (file.startsWith(`${root}${sep}`)) return root;
  throw new Error(`The bundle holds ${file}, outside the project and node_modules: whose licence covers it?`);
}

/** The fields of package.json that carry a name and a licence. */
interface PackageJson {
  name?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
}

function readPackageJson(directory: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

/** A package's licence: its package.json's identifier and its licence file's text. */
export function packageLicense(directory: string): PackageLicense {
  const manifest = readPackageJson(directory);
  if (manifest?.name === undefined)
    throw new Error(
      `${join(directory, 'package.json')} names no package: cannot list the licence of its files.`,
    );
  const declared = manifest.license;
  const licenseId =
    typeof declared === 'string' ? declared : (declared?.type ?? manifest.licenses?.[0]?.type);
  const seeFile = licenseId?.startsWith('SEE LICENSE IN ') ? licenseId.split(' ')[3] : undefined;
  const file =
    seeFile ??
    readdirSync(directory)
      .sort()
      .find((name) => LICENSE_FILE.test(name) && isFile(join(directory, name)));
  const text =
    file !== undefined && isFile(join(directory, file))
      ? readFileSync(join(directory, file), 'utf8').replace(/\r\n/g, '\n')
      : undefined;
  return {
    name: manifest.name,
    ...(licenseId === undefined ? {} : { licenseId }),
    ...(text === undefined ? {} : { licenseText: text }),
  };
}

/** licenses.txt in ncc's layout: per package its name, licence identifier and text, sorted by name. */
export function renderLicenses(licenses: readonly PackageLicense[]): string {
  const blocks = new Set(
    [...licenses]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((license) =>
        [license.name, license.licenseId, license.licenseText]
          .filter((part) => part !== undefined && part !== '')
          .join('\n'),
      ),
  );
  return `${[...blocks].join('\n\n').trim()}\n`;
}

/** licenses.txt for every package with a file in any chunk of the compilation. */
export function bundleLicenses(compilation: BundleCompilation, root: string): string {
  const directories = new Set<string>();
  for (const file of bundledFiles(compilation)) directories.add(packageDirectory(file, root));
  return renderLicenses([...directories].sort().map(packageLicense));
}
