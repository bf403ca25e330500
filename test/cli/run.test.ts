import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/commands/index.ts';
import { VERSION } from '../../cli/version.ts';
import { axiom, hasStackTrace } from './cli-harness.ts';

describe('axiom: help, version and unknown commands', () => {
  it('with no arguments prints the help and exits 2', async () => {
    const run = await axiom([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: axiom <command> [options]');
    expect(run.stdout).toMatch(/^ {2}onboard {2}/m);
    expect(run.stdout).toMatch(/^ {2}verify {3}/m);
    expect(run.stdout).toContain('3 cannot connect, 4 over-privileged role');
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the help and exits 0', async (flag) => {
    const run = await axiom([flag]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Commands:');
  });

  it.each([
    [['help', 'verify']],
    [['verify', '--help']],
    [['verify', '-h']],
    [['verify', '--role-arn', 'nonsense', '--help']],
  ])('%j prints verify’s own help', async (argv) => {
    const run = await axiom(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: axiom verify --role-arn ARN/);
    expect(run.stdout).toContain('Exit codes: 0 connected and read-only');
  });

  it('help onboard', async () => {
    const run = await axiom(['help', 'onboard']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: axiom onboard/);
  });

  it.each([['--version'], ['-v'], ['version']])('%s prints the version alone', async (flag) => {
    expect(await axiom([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([[['scna']], [['help', 'scna']]])(
    '%j: unknown command, exit 2, one line on stderr',
    async (argv) => {
      const run = await axiom(argv);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `axiom: unknown command 'scna'. Commands: ${COMMANDS.map((command) => command.name).join(', ')}. See 'axiom --help'.\n`,
      );
    },
  );
});

describe('axiom: failures are one line, without a stack trace', () => {
  it('an unexpected internal error: exit 70, one line, says it is a bug', async () => {
    const run = await axiom(
      ['onboard', '--format', 'permissions'],
      {},
      {
        stdoutWrite: () => {
          throw new TypeError('Cannot read properties of undefined (reading "write")');
        },
      },
    );
    expect(run.code).toBe(70);
    expect(run.stderr.split('\n')).toEqual([
      'axiom onboard: unexpected error: Cannot read properties of undefined (reading "write"). This is a bug in Axiom; please report it with the command you ran (AXIOM_DEBUG=1 shows the stack trace).',
      '',
    ]);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('AXIOM_DEBUG=1 adds the stack trace', async () => {
    const run = await axiom(
      ['onboard', '--format', 'permissions'],
      { AXIOM_DEBUG: '1' },
      {
        stdoutWrite: () => {
          throw new Error('boom');
        },
      },
    );
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(
      /^axiom onboard: unexpected error: boom\. This is a bug in Axiom; please report it with the command you ran\.\n/,
    );
    expect(hasStackTrace(run.stderr)).toBe(true);
  });

  it('an unknown option is a usage error naming it', async () => {
    const run = await axiom(['onboard', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("axiom onboard: Unknown option '--bogus'. See 'axiom onboard --help'.\n");
  });

  it('an option without its value is a usage error', async () => {
    const run = await axiom(['verify', '--role-arn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^axiom verify: Option '--role-arn <value>' argument missing/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a stray positional argument is a usage error', async () => {
    const run = await axiom(['onboard', 'permissions']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unexpected argument 'permissions'/);
  });
});
