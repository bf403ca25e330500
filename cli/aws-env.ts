import type { CliContext } from './context.ts';

/** The AWS settings the CLI takes from its environment; core never reads process.env itself. */
export interface AwsEnvironment {
  /** Home region for STS and global calls: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1. */
  region: string;
  /** AWS_ENDPOINT_URL, for emulators and proxies. */
  endpoint?: string;
}

/** Reads the standard AWS variables the CLI honours. */
export function awsEnvironment(env: CliContext['env']): AwsEnvironment {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL;
  return endpoint ? { region, endpoint } : { region };
}
