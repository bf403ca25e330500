/**
 * The ignore file, `.axiom.yml`: suppressions with a reason (and optionally an expiry), and a default failure
 * threshold. Every problem is reported at once, each with the YAML line it is on, so a broken file is fixed in
 * one pass.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { SourceLocation } from './finding.ts';
import { SEVERITY_THRESHOLDS, type SeverityThreshold } from './threshold.ts';

/** The conventional name of the ignore file, at the repository root. */
export const AXIOM_CONFIG_FILE = '.axiom.yml';

/** One `ignore:` entry: which findings it suppresses, and why. */
export interface IgnoreEntry {
  /** The rule (check) id it suppresses; a glob (`iam.policy.*`), compared without regard to case. */
  check: string;
  /** Path globs for policy findings (`infra/legacy/**`); absent means any file. */
  paths?: string[];
  /** Resource ARN or id globs for live findings (`arn:aws:s3:::logs-*`); absent means any resource. */
  resources?: string[];
  /** Why the finding is accepted; absent or blank means the entry suppresses nothing and is itself reported. */
  reason?: string;
  /** The last day (YYYY-MM-DD, inclusive) the entry applies; afterwards it is reported as expired. */
  until?: string;
  /** Where the entry is written in the ignore file. */
  location: SourceLocation;
}

/** The parsed ignore file. */
export interface AxiomConfig {
  /** The file it was read from, as given. */
  file: string;
  /** Suppressions, in file order. */
  ignore: IgnoreEntry[];
  /** The default failure threshold (`fail-on`), when the file sets one. */
  failOn?: SeverityThreshold;
}

/** One problem in the ignore file. */
export interface AxiomConfigError {
  /** The file, as given. */
  file: string;
  /** 1-based line of the offending entry or value. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The YAML path at fault, e.g. `ignore[2].reason`; empty for the file as a whole. */
  path: string;
  /** One line for a person: `.axiom.yml:7:5: ignore[2].until: must be a date written YYYY-MM-DD`. */
  message: string;
}

/** Result of `parseAxiomConfig`. */
export type AxiomConfigResult =
  | {
      /** Parsed. */
      ok: true;
      /** The configuration. */
      config: AxiomConfig;
    }
  | {
      /** At least one problem. */
      ok: false;
      /** Every problem found, in file order. */
      errors: AxiomConfigError[];
    };

/** The ignore file when there is none: nothing suppressed, no default threshold. */
export function emptyAxiomConfig(file: string = AXIOM_CONFIG_FILE): AxiomConfig {
  return { file, ignore: [] };
}

const ENTRY_KEYS = ['check', 'paths', 'resources', 'reason', 'until'] as const;
const TOP_KEYS = ['ignore', 'fail-on'] as const;

const globList = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } as const;

// Structure only; values with meaning (dates, thresholds) are checked in code, where messages can be precise.
const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ignore: {
      // `ignore:` with nothing under it (a template's placeholder) is an empty list.
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['check'],
        properties: {
          check: { type: 'string', minLength: 1 },
          paths: globList,
          resources: globList,
          reason: { type: 'string' },
          until: { type: 'string' },
        },
      },
    },
    'fail-on': { type: 'string' },
  },
} as const;

/** The file's shape once the schema has passed. */
interface RawConfig {
  ignore?:
    | { check: string; paths?: string[]; resources?: string[]; reason?: string; until?: string }[]
    | null;
  'fail-on'?: string;
}

let validator: ValidateFunction<RawConfig> | undefined;

/** Parses and validates the text of an ignore file; `file` names it in locations and messages. */
export function parseAxiomConfig(text: string, file: string = AXIOM_CONFIG_FILE): AxiomConfigResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };
  const error = (offset: number, path: string, message: string): AxiomConfigError => {
    const { line, column } = position(offset);
    return {
      file,
      line,
      column,
      path,
      message: `${file}:${line}:${column}: ${path ? `${path}: ` : ''}${message}`,
    };
  };

  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((problem) =>
        error(problem.pos[0], '', `not valid YAML: ${problem.message.split('\n')[0]}`),
      ),
    };
  }

  let value: unknown;
  try {
    value = document.contents === null ? {} : document.toJS();
  } catch (problem) {
    // toJS refuses alias bombs (more aliases than yaml's maxAliasCount) and similar: a file problem, not a bug.
    return {
      ok: false,
      errors: [
        error(0, '', `not usable YAML: ${problem instanceof Error ? problem.message : String(problem)}`),
      ],
    };
  }
  validator ??= new Ajv({ allErrors: true, strict: true }).compile<RawConfig>(CONFIG_SCHEMA);
  if (!validator(value)) {
    const errors = (validator.errors ?? []).map((problem) => {
      const segments = pointerSegments(problem.instancePath);
      const node = nodeAt(document.contents, segments);
      if (problem.keyword === 'additionalProperties') {
        const key = String(problem.params.additionalProperty);
        const keyNode = keyNodeOf(node, key);
        const expected = segments.length === 0 ? TOP_KEYS : ENTRY_KEYS;
        return error(
          keyNode?.range?.[0] ?? node?.range?.[0] ?? 0,
          displayPath(segments),
          `unknown key '${key}'; the keys are ${expected.join(', ')}`,
        );
      }
      return error(node?.range?.[0] ?? 0, displayPath(segments), schemaMessage(problem));
    });
    return { ok: false, errors: sortErrors(errors) };
  }

  const errors: AxiomConfigError[] = [];
  const config: AxiomConfig = { file, ignore: [] };
  const failOn = value['fail-on'];
  if (failOn !== undefined) {
    const threshold = SEVERITY_THRESHOLDS.find((candidate) => candidate === failOn.trim().toLowerCase());
    if (threshold) config.failOn = threshold;
    else {
      const node = nodeAt(document.contents, ['fail-on']);
      errors.push(
        error(
          node?.range?.[0] ?? 0,
          'fail-on',
          `'${failOn}' is not a severity; use one of ${SEVERITY_THRESHOLDS.join(', ')} ('none' never fails)`,
        ),
      );
    }
  }
  (value.ignore ?? []).forEach((raw, index) => {
    const node = nodeAt(document.contents, ['ignore', String(index)]);
    const startOffset = node?.range?.[0] ?? 0;
    // A block mapping's range runs to the next line; the entry ends at its last character.
    const endOffset = startOffset + text.slice(startOffset, node?.range?.[1] ?? startOffset).trimEnd().length;
    const start = position(startOffset);
    const end = position(endOffset);
    const entry: IgnoreEntry = {
      check: raw.check.trim(),
      location: { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
    };
    if (raw.paths) entry.paths = raw.paths;
    if (raw.resources) entry.resources = raw.resources;
    if (raw.reason !== undefined) entry.reason = raw.reason;
    if (raw.until !== undefined) {
      if (isCalendarDate(raw.until)) entry.until = raw.until;
      else {
        const untilNode = nodeAt(document.contents, ['ignore', String(index), 'until']);
        errors.push(
          error(
            untilNode?.range?.[0] ?? 0,
            `ignore[${index}].until`,
            `'${raw.until}' is not a date written YYYY-MM-DD (e.g. 2027-01-31)`,
          ),
        );
      }
    }
    config.ignore.push(entry);
  });
  return errors.length > 0 ? { ok: false, errors: sortErrors(errors) } : { ok: true, config };
}

/** True for a real day written YYYY-MM-DD (so 2027-02-30 is refused rather than rolled into March). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function schemaMessage(problem: ErrorObject): string {
  switch (problem.keyword) {
    case 'required':
      return `missing the required key '${String(problem.params.missingProperty)}'`;
    case 'type': {
      const type = String(problem.params.type);
      return `must be ${type === 'array' ? 'a list' : type === 'object' ? 'a mapping of keys to values' : `a ${type}`}`;
    }
    case 'minLength':
      return 'must not be empty';
    case 'minItems':
      return 'must list at least one glob (leave the key out to match everything)';
    default:
      return problem.message ?? 'is not valid';
  }
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function displayPath(segments: readonly string[]): string {
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    '',
  );
}

/** The YAML node at a JSON path, walking maps by key and sequences by index. */
function nodeAt(root: unknown, segments: readonly string[]): Node | undefined {
  let node: unknown = root;
  for (const segment of segments) {
    if (isMap(node)) node = node.get(segment, true);
    else if (node !== null && typeof node === 'object' && 'items' in node && Array.isArray(node.items))
      node = node.items[Number(segment)];
    else return undefined;
  }
  return node !== null && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
}

function keyNodeOf(node: Node | undefined, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return isScalar(pair?.key) ? pair.key : undefined;
}

function sortErrors(errors: AxiomConfigError[]): AxiomConfigError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}
