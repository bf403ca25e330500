// The public surface of the Axiom core. Adapters (action/, bot/, cli/) import from here only.

export { CallCounter, type OperationStats } from './aws/call-counter.ts';
export { type AwsErrorKind, type ClassifiedAwsError, classifyAwsError, type DenialSource } from './aws/aws-error.ts';
export {
  type ClientSettings,
  type CredentialSource,
  createClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_SOCKET_TIMEOUT_MS,
} from './aws/client-factory.ts';
export { parseEndpointOverride } from './aws/endpoint-override.ts';
export { isAllowedOperation, READ_ONLY_ALLOWLIST } from './aws/read-only-guard.ts';
export {
  CAPABILITIES,
  type Capability,
  CONNECT_OPERATIONS,
  PERMISSIONS,
  type PermissionEntry,
  policyActions,
  type SdkClientName,
} from './connect/permissions.ts';
export { AxiomError, describeError, isAxiomError } from './errors.ts';
export {
  atOrAbove,
  type Finding,
  type FindingCategory,
  type FindingResource,
  SEVERITIES,
  type Severity,
  type SourceLocation,
} from './findings/finding.ts';
