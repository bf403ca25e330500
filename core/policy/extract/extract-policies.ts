import { detectFormat } from './detect-format.ts';
import { extractHclPolicies } from './extract-hcl.ts';
import { extractJsonPolicies } from './extract-json.ts';
import type { ExtractResult, PolicyFile } from './extract-result.ts';
import { extractYamlPolicies } from './extract-yaml.ts';

/** Files larger than this are not read: no policy source is this large, and parsing it would be slow. */
export const MAX_POLICY_FILE_BYTES = 5 * 1024 * 1024;

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Every policy document in a file, each element with its position, picking the reader by extension and
 * content: JSON (policies, IAM CLI output, Terraform plans, CloudFormation), CloudFormation YAML, Terraform
 * HCL. Pure, and never throws on any input: what cannot be read comes back as problems.
 */
export function extractPolicies(file: PolicyFile): ExtractResult {
  const skipped = (message: string): ExtractResult => ({
    documents: [],
    problems: [{ kind: 'skipped', file: file.path, message, range: FILE_START }],
    suppressionComments: [],
  });
  const bytes = Buffer.byteLength(file.text, 'utf8');
  if (bytes > MAX_POLICY_FILE_BYTES) {
    return skipped(
      `file skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the 5 MB limit for policy files`,
    );
  }
  if (file.text.includes('\0')) return skipped('file skipped: it is binary (holds NUL bytes)');
  switch (detectFormat(file.path, file.text)) {
    case 'hcl':
      return extractHclPolicies(file);
    case 'yaml':
      return extractYamlPolicies(file);
    case 'json':
      return extractJsonPolicies(file);
    case 'template':
      return extractJsonPolicies(file, { template: true });
    case undefined:
      return { documents: [], problems: [], suppressionComments: [] };
  }
}
