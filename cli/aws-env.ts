import type { CliContext } from './context.ts';

/** Static AWS keys, as the SDK reads them from the environment. */
export interface StaticAwsCredentials {
  /** AWS_ACCESS_KEY_ID. */
  accessKeyId: string;
  /** AWS_SECRET_ACCESS_KEY. */
  secretAccessKey: string;
  /** AWS_SESSION_TOKEN, for temporary keys. */
  sessionToken?: string;
}

/** The AWS settings the CLI takes from its environment; core never reads process.env itself. */
export interface AwsEnvironment {
  /** Home region for STS and global calls: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1. */
  region: string;
  /** Whether the region came from the environment (so a bad one is blamed on the right variable). */
  regionVariable?: 'AWS_REGION' | 'AWS_DEFAULT_REGION';
  /** AWS_ENDPOINT_URL, for emulators and proxies. */
  endpoint?: string;
  /**
   * Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when both are set and AWS_PROFILE is not: the first link
   * of the SDK's default chain, read from the context's environment instead of process.env. Absent means the rest
   * of the default chain (profile, SSO, web identity, container or instance role).
   */
  credentials?: StaticAwsCredentials;
}

/** Reads the standard AWS variables the CLI honours. */
export function awsEnvironment(env: CliContext['env']): AwsEnvironment {
  const regionVariable = env.AWS_REGION
    ? 'AWS_REGION'
    : env.AWS_DEFAULT_REGION
      ? 'AWS_DEFAULT_REGION'
      : undefined;
  const result: AwsEnvironment = {
    region: (regionVariable && env[regionVariable]) || 'us-east-1',
  };
  if (regionVariable) result.regionVariable = regionVariable;
  if (env.AWS_ENDPOINT_URL) result.endpoint = env.AWS_ENDPOINT_URL;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  // Like the SDK: a named profile wins over keys in the environment.
  if (accessKeyId && secretAccessKey && !env.AWS_PROFILE) {
    result.credentials = env.AWS_SESSION_TOKEN
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN }
      : { accessKeyId, secretAccessKey };
  }
  return result;
}
