import { describe, expect, it } from 'vitest';
import { renderPermissionTable } from '../../../core/connect/permission-table.ts';
import { PERMISSIONS } from '../../../core/connect/permissions.ts';

/** Cells of a Markdown table row, honouring escaped pipes. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

describe('renderPermissionTable', () => {
  const table = renderPermissionTable();
  const lines = table.trimEnd().split('\n');

  it('is a Markdown table with an action, capability and why column', () => {
    expect(lines[0]).toBe('| Action | Capability | Why |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(table.endsWith('\n')).toBe(true);
  });

  it('has one row per catalogue entry, in catalogue order, each reading back to its entry', () => {
    const rows = lines.slice(2);
    expect(rows).toHaveLength(PERMISSIONS.length);
    rows.forEach((row, index) => {
      const entry = PERMISSIONS[index];
      expect(cells(row)).toEqual([`\`${entry?.action}\``, entry?.capability, entry?.reason]);
    });
  });

  it('is a pure function of the catalogue', () => {
    expect(renderPermissionTable()).toBe(table);
  });
});
