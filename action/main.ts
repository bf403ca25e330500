/**
 * The Action's entry point: binds the runner (@actions/core, process.env, the clock, timers) to the flow in
 * run-action.ts, and is the one place that turns a failure into `core.setFailed`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as actionsCore from '@actions/core';
import { describeError } from '../core/index.ts';
import { type ActionDependencies, runAction } from './run-action.ts';
import { actionsToolkit } from './toolkit.ts';
import { VERSION } from './version.ts';

/** The IAM data pack the bundle carries (dist/iam-data/iam-pack.json), when running from the bundle. */
export function bundledIamPackFile(): string | undefined {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'iam-data', 'iam-pack.json');
  return existsSync(file) ? file : undefined;
}

/** What a test may replace: time, randomness and the network (so retries do not wait). */
export type RunOverrides = Partial<Pick<ActionDependencies, 'clock' | 'sleep' | 'random' | 'fetch'>>;

/** Runs the Action. Never throws: every failure ends as the step's failure message. */
export async function run(overrides: RunOverrides = {}): Promise<void> {
  try {
    const iamPackFile = bundledIamPackFile();
    const outcome = await runAction({
      toolkit: actionsToolkit(),
      env: process.env,
      cwd: process.cwd(),
      clock: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      version: VERSION,
      ...(iamPackFile === undefined ? {} : { iamPackFile }),
      ...overrides,
    });
    if (outcome.status !== 'passed') actionsCore.setFailed(outcome.message);
  } catch (error) {
    const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
    actionsCore.setFailed(
      `Axiom failed unexpectedly: ${describeError(error)}. This is a bug in Axiom; please report it with this log.${stack}`,
    );
  }
}
