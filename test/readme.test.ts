import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPermissionTable, renderPolicyCheckTable, renderRuleTable } from '../core/index.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the permission table exactly as the catalogue generates it', () => {
    const match = /<!-- permission-table:start -->\n([\s\S]*?)\n<!-- permission-table:end -->/.exec(readme);
    expect(match?.[1]?.trim()).toBe(renderPermissionTable().trim());
  });

  it.each([
    ['policy-checks', renderPolicyCheckTable],
    ['rules', renderRuleTable],
  ])('shows the %s table exactly as the catalogue generates it', (marker, render) => {
    const match = new RegExp(`<!-- ${marker}:start -->\\n([\\s\\S]*?)\\n<!-- ${marker}:end -->`).exec(readme);
    expect(match?.[1]?.trim()).toBe(render().trim());
  });

  it('gives the test command that CI runs', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm ci && npm run all');
    expect(ci).toContain('npm ci');
    expect(ci).toContain('npm run all');
  });

  it('documents every CLI command', async () => {
    const { COMMANDS } = await import('../cli/commands/index.ts');
    for (const command of COMMANDS) expect(readme).toContain(`axiom ${command.name}`);
  });
});
