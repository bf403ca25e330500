/** Runs `axiom` in-process through runCli with a fake context, capturing what it writes. */
import { runCli } from '../../cli/run.ts';

/** What one run of the CLI did. */
export interface CliRun {
  /** The exit code runCli returned. */
  code: number;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

/** Runs `axiom ...argv` with `env` as its whole environment (process.env is never read). */
export async function axiom(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  overrides: { stdoutWrite?: (text: string) => unknown } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: {
      write: (text: string) => {
        if (overrides.stdoutWrite) return overrides.stdoutWrite(text);
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env,
    cwd: '/nonexistent-axiom-test-cwd',
  });
  return { code, stdout, stderr };
}

/** True when `text` holds a stack trace line (`    at fn (file:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}
