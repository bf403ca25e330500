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

/** Collapses line breaks, so an error message never spills over several lines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** One line ending in a full stop (node:util's parseArgs messages have none). */
function sentence(text: string): string {
  const line = oneLine(text);
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

function unknownCommand(name: string, ctx: CliContext): number {
  ctx.stderr.write(
    `axiom: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See 'axiom --help'.\n`,
  );
  return EXIT.usage;
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
    const wanted = name === 'help' ? rest[0] : undefined;
    const topic = COMMANDS.find((command) => command.name === wanted);
    if (wanted !== undefined && !topic) return unknownCommand(wanted, ctx);
    ctx.stdout.write(topic ? `${topic.help.trimEnd()}\n` : globalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    ctx.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return unknownCommand(name, ctx);
  try {
    return await runCommand(command, rest, ctx);
  } catch (error) {
    // Every failure is one line on stderr: stdout stays empty or parseable for scripts.
    if (error instanceof UsageError) {
      ctx.stderr.write(
        `axiom ${command.name}: ${sentence(error.message)} See 'axiom ${command.name} --help'.\n`,
      );
      return EXIT.usage;
    }
    if (isAxiomError(error)) {
      ctx.stderr.write(`axiom ${command.name}: ${oneLine(describeError(error))}\n`);
      return exitCodeForError(error.code);
    }
    const debug = ctx.env.AXIOM_DEBUG === '1';
    ctx.stderr.write(
      `axiom ${command.name}: unexpected error: ${oneLine(describeError(error)).replace(/\.$/, '')}. This is a bug in Axiom; please report it with the command you ran${debug ? '' : ' (AXIOM_DEBUG=1 shows the stack trace)'}.\n`,
    );
    if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
