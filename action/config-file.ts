/**
 * The ignore file (`.axiom.yml` by default): read from the checked-out workspace, or on a pull request without
 * a checkout from the head commit through the API. A file that does not parse fails the step with every problem
 * listed, since its suppressions and threshold would otherwise be silently ignored.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type AxiomConfig, AxiomError, parseAxiomConfig } from '../core/index.ts';
import { type RepositoryRef, readFileAt } from './policy-files.ts';
import type { RunContext } from './run-context.ts';

async function readLocal(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AxiomError('config_unreadable', `Could not read the config file ${path}.`, {
      hint: 'Check the config input and the file permissions.',
      cause: error,
    });
  }
}

/** The parsed ignore file, or undefined when there is none. */
export async function loadAxiomConfig(
  path: string,
  run: RunContext,
  repository: RepositoryRef | undefined,
): Promise<AxiomConfig | undefined> {
  const absolute = isAbsolute(path) ? path : resolve(run.workspace, path);
  const name = relative(run.workspace, absolute).split(sep).join('/');
  let text = await readLocal(absolute);
  if (text === undefined && run.pullRequest && repository && !name.startsWith('..'))
    text = (await readFileAt(repository, name, run.pullRequest.headSha)) ?? undefined;
  if (text === undefined) return undefined;
  const parsed = parseAxiomConfig(text, name);
  if (parsed.ok) return parsed.config;
  throw new AxiomError(
    'config_invalid',
    `The config file ${name} is not valid:\n${parsed.errors.map((error) => `  ${error.message}`).join('\n')}`,
    { hint: 'Fix the lines listed, or point the config input at another file.' },
  );
}
