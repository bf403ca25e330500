import type { CredentialReportRow } from '../../inventory.ts';
import { optionalFields } from './optional-fields.ts';

/** Cell values the credential report uses for "nothing here": no such credential, never used, not applicable. */
const NO_VALUE: ReadonlySet<string> = new Set(['', 'N/A', 'no_information', 'not_supported']);

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value !== ''));
}

/**
 * Parses IAM's credential report (CSV with a header row; the root user is `<root_account>`) into rows keyed by
 * the columns Axiom uses, found by name so added or reordered columns do not shift values. 'N/A',
 * 'no_information' and 'not_supported' become absent; 'true' is the only true.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...records] = parseCsv(csv);
  if (!header) return [];
  const columns = new Map(header.map((name, index) => [name.trim(), index]));
  return records.map((cells): CredentialReportRow => {
    const value = (column: string): string | undefined => {
      const index = columns.get(column);
      const raw = index === undefined ? undefined : cells[index]?.trim();
      return raw === undefined || NO_VALUE.has(raw) ? undefined : raw;
    };
    const flag = (column: string): boolean => value(column) === 'true';
    return {
      user: value('user') ?? '',
      arn: value('arn') ?? '',
      passwordEnabled: flag('password_enabled'),
      mfaActive: flag('mfa_active'),
      accessKey1Active: flag('access_key_1_active'),
      accessKey2Active: flag('access_key_2_active'),
      ...optionalFields({
        userCreationTime: value('user_creation_time'),
        passwordLastUsed: value('password_last_used'),
        passwordLastChanged: value('password_last_changed'),
        accessKey1LastRotated: value('access_key_1_last_rotated'),
        accessKey1LastUsed: value('access_key_1_last_used_date'),
        accessKey2LastRotated: value('access_key_2_last_rotated'),
        accessKey2LastUsed: value('access_key_2_last_used_date'),
      }),
    };
  });
}
