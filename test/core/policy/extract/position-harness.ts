import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Located, PolicyDocument, PolicyScalar, SourceRange } from '../../../../core/policy/document.ts';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import type { ExtractResult } from '../../../../core/policy/extract/extract-result.ts';

/** Reads a fixture under test/fixtures/policy. */
export function fixture(name: string): { path: string; text: string } {
  const path = join('test', 'fixtures', 'policy', name);
  return {
    path,
    text: readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'policy', name), 'utf8'),
  };
}

/** Extracts a fixture. */
export function extractFixture(name: string): ExtractResult {
  return extractPolicies(fixture(name));
}

/** `line:column-endLine:endColumn`, the compact form the tables use. */
export function showRange(range: SourceRange): string {
  return `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
}

/** A literal as itself, a placeholder as `{{text}}`. */
export function showScalar(value: PolicyScalar): string {
  return typeof value === 'string' ? value : `{{${value.text}}}`;
}

/** What a path in a table points at: its shown value (empty for whole statements) and its range. */
interface Pointed {
  value: string;
  range: SourceRange;
}

const located = (entry: Located<PolicyScalar> | undefined): Pointed | undefined =>
  entry && { value: showScalar(entry.value), range: entry.range };

/**
 * Resolves a path such as `doc`, `s0`, `s0.sid`, `s1.action[2]`, `s0.principal[0]` (shown as `AWS arn...`),
 * `s0.condition[1].key` or `s0.condition[1].values[0]` in a document.
 */
export function pointAt(document: PolicyDocument, path: string): Pointed | undefined {
  if (path === 'doc') return { value: '', range: document.source.range };
  const match = /^s(\d+)(?:\.(\w+)(?:\[(\d+)\])?(?:\.(\w+)(?:\[(\d+)\])?)?)?$/.exec(path);
  if (!match) throw new Error(`bad path ${path}`);
  const [, statementIndex, element, index, part, partIndex] = match;
  const statement = document.statements.find((s) => s.index === Number(statementIndex));
  if (!statement || !element) return statement && { value: '', range: statement.range };
  const at = Number(index ?? 0);
  switch (element) {
    case 'sid':
    case 'effect':
      return located(statement[element]);
    case 'action':
    case 'notAction':
    case 'resource':
    case 'notResource':
      return located(statement[element]?.entries[at]);
    case 'principal':
    case 'notPrincipal': {
      const entry = statement[element]?.entries[at];
      return entry && { value: `${entry.type} ${showScalar(entry.value)}`, range: entry.range };
    }
    case 'condition': {
      const entry = statement.condition?.entries[at];
      if (part === 'operator' || part === 'key') return located(entry?.[part]);
      if (part === 'values') return located(entry?.values[Number(partIndex ?? 0)]);
      throw new Error(`bad condition path ${path}`);
    }
  }
  throw new Error(`bad path ${path}`);
}

/** One row: the document's holder (or `''` for a bare policy), a path, the expected value and range. */
export type PositionRow = readonly [holder: string, path: string, value: string, range: string];

/** Finds the document held by `holder` (the first one for `''`). */
export function documentHeld(result: ExtractResult, holder: string): PolicyDocument {
  const document =
    holder === '' ? result.documents[0] : result.documents.find((d) => d.source.holder === holder);
  if (!document) throw new Error(`no document held by ${holder || '(bare policy)'}`);
  return document;
}

/** One test per row: the element at the path has exactly the value and range given. */
export function testPositions(fixtureName: string, rows: readonly PositionRow[]): void {
  let result: ExtractResult | undefined;
  it.each(rows)('%s %s is %s at %s', (holder, path, value, range) => {
    result ??= extractFixture(fixtureName);
    const pointed = pointAt(documentHeld(result, holder), path);
    expect(pointed && { value: pointed.value, range: showRange(pointed.range) }).toEqual({ value, range });
  });
}
