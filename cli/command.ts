import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.ts';
import type { ExitCode } from './exit-codes.ts';

/** Parsed option values, as node:util parseArgs returns them. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `axiom` sub-command: its argument grammar and a run function that returns the exit code. */
export interface CliCommand {
  /** The sub-command word, e.g. 'onboard'. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text shown by `axiom <name> --help`. */
  help: string;
  /** Options in node:util parseArgs form (strict). */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are accepted. */
  allowPositionals?: boolean;
  /** Runs the command. Throw UsageError for bad usage and AxiomError for expected failures. */
  run(values: OptionValues, positionals: string[], ctx: CliContext): Promise<ExitCode>;
}

/** A string option's value, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Splits a comma-separated list option ('us-east-1,eu-west-1') into trimmed, non-empty items. */
export function listOption(values: OptionValues, name: string): string[] | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
