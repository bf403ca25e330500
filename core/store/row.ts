/**
 * Typed reads of result rows. The two drivers return `unknown` columns (and differ on some types: `pg` gives
 * bigints as strings, PGlite as numbers), so each column is checked once here instead of cast everywhere.
 */
import { AxiomError } from '../errors.ts';
import type { SqlRow } from './sql-client.ts';

function shapeError(column: string, expected: string, value: unknown): AxiomError {
  return new AxiomError(
    'store_row_shape',
    `Reading the store failed: column "${column}" held ${value === null ? 'null' : typeof value} where ${expected} was expected.`,
    { hint: 'The database schema does not match this version of Axiom; this is a bug, please report it.' },
  );
}

/** A text column. */
export function textColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw shapeError(column, 'text', value);
  return value;
}

/** A nullable text column; null becomes undefined. */
export function optionalTextColumn(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw shapeError(column, 'text', value);
  return value;
}

/** A `timestamptz` column. */
export function dateColumn(row: SqlRow, column: string): Date {
  const value = row[column];
  if (!(value instanceof Date)) throw shapeError(column, 'a timestamp', value);
  return value;
}

/** A nullable `timestamptz` column; null becomes undefined. */
export function optionalDateColumn(row: SqlRow, column: string): Date | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (!(value instanceof Date)) throw shapeError(column, 'a timestamp', value);
  return value;
}

/** A `text[]` column. */
export function textArrayColumn(row: SqlRow, column: string): string[] {
  const value = row[column];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw shapeError(column, 'a text array', value);
  return value;
}

/** An integer column (int4, or int8 within the safe range, which `pg` returns as a string). */
export function integerColumn(row: SqlRow, column: string): number {
  const value = row[column];
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw shapeError(column, 'an integer', value);
  return number;
}
