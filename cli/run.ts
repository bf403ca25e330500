import { parseArgs } from 'node:util';
import { describeError, isAxiomError } from '../core/index.ts';
import type { CliCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { type CliContext, UsageError } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { VERSION } from './version.ts';

/** Exit code for an AxiomError code; connection failures are 3, everything else expected is 2. */
function exitCodeForError(code: string): number {
  if (code.startsWith('connect_') || code.startsWith('sts_') || code.startsWith('session_'))
    return EXIT.cannotConnect;
  return EXIT.usage;
}

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    `axiom ${VERSION}: read-only AWS posture scanning`,
    '',
    'Usage: axiom <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'axiom <command> --help' for a command's options.",
    '',
    'Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage or input, 3 cannot connect, 4 over-privileged role.',
    '',
  ].join('\n');
}

async function runCommand(command: CliCommand, argv: string[], ctx: CliContext): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    ctx.stdout.write(`${command.help.trimEnd()}\n`);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error),
    );
  }
  return command.run(parsed.values, parsed.positionals, ctx);
}

/**
 * Runs the `axiom` command line and returns the exit code. Expected failures print one clear message to
 * stderr; a stack trace is shown only for bugs and only with AXIOM_DEBUG=1.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    ctx.stdout.write(topic ? `${topic.help.trimEnd()}\n` : globalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    ctx.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    ctx.stderr.write(
      `axiom: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`,
    );
    return EXIT.usage;
  }
  try {
    return await runCommand(command, rest, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr.write(
        `axiom ${command.name}: ${error.message}\nRun 'axiom ${command.name} --help' for usage.\n`,
      );
      return EXIT.usage;
    }
    if (isAxiomError(error)) {
      ctx.stderr.write(`axiom ${command.name}: ${describeError(error)}\n`);
      return exitCodeForError(error.code);
    }
    const detail = ctx.env.AXIOM_DEBUG === '1' && error instanceof Error ? `\n${error.stack}` : '';
    ctx.stderr.write(
      `axiom ${command.name}: unexpected error: ${describeError(error)}${detail}\nThis is a bug in Axiom; please report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}
