import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseAxiomConfig } from '../../../core/findings/axiom-config.ts';

function errorsOf(text: string) {
  const result = parseAxiomConfig(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseAxiomConfig', () => {
  it('reads a full file, with each entry located', () => {
    const text = [
      'ignore:',
      '  - check: iam.policy.resource-star        # a rule id',
      '    paths: ["infra/legacy/**"]',
      '    reason: "legacy stack, tracked in JIRA-123"',
      '    until: 2027-01-31',
      '  - check: aws.s3.*',
      '    resources: ["arn:aws:s3:::logs-*"]',
      '    reason: access logs are public by design',
      'fail-on: High',
      '',
    ].join('\n');
    const result = parseAxiomConfig(text, 'repo/.axiom.yml');
    expect(result).toEqual({
      ok: true,
      config: {
        file: 'repo/.axiom.yml',
        failOn: 'high',
        ignore: [
          {
            check: 'iam.policy.resource-star',
            paths: ['infra/legacy/**'],
            reason: 'legacy stack, tracked in JIRA-123',
            until: '2027-01-31',
            location: { file: 'repo/.axiom.yml', line: 2, column: 5, endLine: 5, endColumn: 22 },
          },
          {
            check: 'aws.s3.*',
            resources: ['arn:aws:s3:::logs-*'],
            reason: 'access logs are public by design',
            location: expect.objectContaining({ line: 6, column: 5 }),
          },
        ],
      },
    });
  });

  it('accepts an empty file and a file of comments', () => {
    expect(parseAxiomConfig('')).toEqual({ ok: true, config: { file: '.axiom.yml', ignore: [] } });
    expect(parseAxiomConfig('# nothing yet\n')).toEqual({
      ok: true,
      config: { file: '.axiom.yml', ignore: [] },
    });
    expect(parseAxiomConfig('ignore:\nfail-on: none\n')).toEqual({
      ok: true,
      config: { file: '.axiom.yml', ignore: [], failOn: 'none' },
    });
  });

  it('keeps an entry without a reason (it becomes a finding when applied)', () => {
    const result = parseAxiomConfig('ignore:\n  - check: iam.policy.x\n');
    expect(result.ok && result.config.ignore[0]).toEqual(expect.objectContaining({ check: 'iam.policy.x' }));
    expect(result.ok && 'reason' in result.config.ignore[0]!).toBe(false);
  });

  it('reports a missing check on the line of its entry', () => {
    const errors = errorsOf(
      'ignore:\n  - check: a.b\n    reason: ok\n  - paths: ["x/**"]\n    reason: no check\n',
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: 4,
        path: 'ignore[1]',
        message: ".axiom.yml:4:5: ignore[1]: missing the required key 'check'",
      }),
    ]);
  });

  it('reports an unknown key on its own line, naming the keys', () => {
    const errors = errorsOf('ignore:\n  - check: a.b\n    reason: ok\n    path: ["x/**"]\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 5, path: 'ignore[0]' });
    expect(errors[0]!.message).toContain(
      "unknown key 'path'; the keys are check, paths, resources, reason, until",
    );
  });

  it('reports an unknown top-level key', () => {
    const errors = errorsOf('ignores:\n  - check: a\n');
    expect(errors[0]).toMatchObject({ line: 1, path: '' });
    expect(errors[0]!.message).toContain("unknown key 'ignores'; the keys are ignore, fail-on");
  });

  it('reports wrong types at the value, every problem at once, in line order', () => {
    const errors = errorsOf(
      [
        'ignore:',
        '  - check: a',
        '    paths: infra/**',
        '    reason: 42',
        '  - check: ""',
        '    resources: []',
      ].join('\n'),
    );
    expect(errors.map((error) => [error.line, error.path])).toEqual([
      [3, 'ignore[0].paths'],
      [4, 'ignore[0].reason'],
      [5, 'ignore[1].check'],
      [6, 'ignore[1].resources'],
    ]);
    expect(errors[0]!.message).toContain('must be a list');
    expect(errors[1]!.message).toContain('must be a string');
    expect(errors[2]!.message).toContain('must not be empty');
    expect(errors[3]!.message).toContain('at least one glob');
  });

  it('reports a bad date and a bad threshold at their lines', () => {
    const errors = errorsOf('ignore:\n  - check: a\n    reason: r\n    until: 2027-02-30\nfail-on: severe\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ line: 4, path: 'ignore[0].until' });
    expect(errors[0]!.message).toContain("'2027-02-30' is not a date written YYYY-MM-DD");
    expect(errors[1]).toMatchObject({ line: 5, path: 'fail-on' });
    expect(errors[1]!.message).toContain('critical, high, medium, low, info, none');
  });

  it('reports a number where a date should be (an unquoted year)', () => {
    const errors = errorsOf('ignore:\n  - check: a\n    reason: r\n    until: 2027\n');
    expect(errors[0]).toMatchObject({ line: 4, path: 'ignore[0].until' });
  });

  it('reports YAML syntax errors with their line', () => {
    const errors = errorsOf('ignore:\n  - check: a\n    reason: "unterminated\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/^\.axiom\.yml:\d+:\d+: not valid YAML: /);
  });

  it('reports an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let level = 1; level <= 9; level++) {
      const previous = level === 1 ? '*a' : `*l${level - 1}`;
      lines.push(`l${level}: &l${level} [${Array.from({ length: 10 }, () => previous).join(', ')}]`);
    }
    const errors = errorsOf(lines.join('\n'));
    expect(errors[0]!.message).toMatch(/^\.axiom\.yml:1:1: not usable YAML: /);
  });

  it('reports a duplicate key', () => {
    const errors = errorsOf('fail-on: high\nfail-on: low\n');
    expect(errors[0]).toMatchObject({ line: 2 });
  });

  it('reports a file that is a list rather than a mapping', () => {
    const errors = errorsOf('- check: a\n');
    expect(errors[0]!.message).toContain('must be a mapping');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2027-01-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-1-31', false],
    ['31/01/2027', false],
  ])('%s -> %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
