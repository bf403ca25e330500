import type { CliCommand } from '../command.ts';
import { onboardCommand } from './onboard.ts';
import { verifyCommand } from './verify.ts';

/** Every `axiom` sub-command, in help order. */
export const COMMANDS: readonly CliCommand[] = [onboardCommand, verifyCommand];
