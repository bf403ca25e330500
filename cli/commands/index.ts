import type { CliCommand } from '../command.ts';
import { botCommand } from './bot.ts';
import { lintCommand } from './lint.ts';
import { onboardCommand } from './onboard.ts';
import { scanCommand } from './scan.ts';
import { verifyCommand } from './verify.ts';

/** Every `axiom` sub-command, in help order. */
export const COMMANDS: readonly CliCommand[] = [
  scanCommand,
  lintCommand,
  onboardCommand,
  verifyCommand,
  botCommand,
];
