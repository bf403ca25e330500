// The public surface of the Axiom core. Adapters (action/, bot/, cli/) import from here only.

export {
  type AwsErrorKind,
  type ClassifiedAwsError,
  classifyAwsError,
  type DenialSource,
} from './aws/aws-error.ts';
export { CallCounter, type OperationStats } from './aws/call-counter.ts';
export {
  type BeforeSend,
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
  type AmbientSessionOptions,
  type AssumeRoleOptions,
  ambientSession,
  assumeRole,
  assumeRoleWithWebIdentity,
  sanitizeSessionName,
  type WebIdentityOptions,
  type WebIdentityTokenSource,
} from './connect/assume-role.ts';
export {
  buildCloudFormationTemplate,
  CFN_ROLE_LOGICAL_ID,
  type CloudFormationOptions,
  type CloudFormationTemplate,
  PERMISSION_POLICY_NAME,
  type RenderCloudFormationOptions,
  renderCloudFormationTemplate,
} from './connect/cloudformation.ts';
export {
  type Diagnosis,
  diagnoseAssumeFailure,
  diagnoseIdentityFailure,
  diagnoseProbeFailure,
} from './connect/diagnosis.ts';
export {
  type DeploymentMethod,
  EXTERNAL_ID_PREFIX,
  type ExternalIdRotation,
  generateExternalId,
  isValidStsExternalId,
  isWellFormedExternalId,
  type RandomBytes,
  type RotationStep,
  rotateExternalId,
} from './connect/external-id.ts';
export {
  DATA_PLANE_READ_PATTERNS,
  dataPlaneReadPattern,
  OVER_PRIVILEGED_MANAGED_POLICIES,
} from './connect/forbidden-actions.ts';
export {
  type IamPolicyDocument,
  type IamPolicyKind,
  type IamPolicyStatement,
  type PolicyGrammarError,
  type PolicyGrammarResult,
  validateIamPolicy,
} from './connect/iam-policy-schema.ts';
export {
  buildPermissionPolicy,
  MANAGED_POLICY_MAX_CHARS,
  type PermissionPolicyOptions,
  policySize,
  ROLE_INLINE_POLICY_MAX_CHARS,
} from './connect/permission-policy.ts';
export { renderPermissionTable } from './connect/permission-table.ts';
export {
  CAPABILITIES,
  type Capability,
  CONNECT_OPERATIONS,
  PERMISSIONS,
  type PermissionEntry,
  policyActions,
  type SdkClientName,
} from './connect/permissions.ts';
export {
  type ActionResolver,
  analyseRolePolicy,
  checkRolePrivileges,
  describePrivilegeSource,
  type PrivilegeProblem,
  type PrivilegeReport,
  SIMULATED_FORBIDDEN_ACTIONS,
} from './connect/privilege-check.ts';
export {
  buildQuickCreateUrl,
  DEFAULT_STACK_NAME,
  type QuickCreateOptions,
} from './connect/quick-create-url.ts';
export { isAwsRegionName, partitionOfRegion, regionProblem } from './connect/region-name.ts';
export {
  PARTITIONS,
  type Partition,
  parseRoleArn,
  ROLE_ARN_EXAMPLE,
  type RoleArn,
  type RoleArnResult,
} from './connect/role-arn.ts';
export { REFRESH_WINDOW_MS, Session, type SessionKind, type SessionSummary } from './connect/session.ts';
export { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './connect/session-duration.ts';
export { ConnectError, type ConnectErrorCode } from './connect/sts-error.ts';
export { parseTargets, type Target, type TargetError, type TargetsResult } from './connect/targets.ts';
export {
  DEFAULT_ROLE_NAME,
  renderTerraformModule,
  type TerraformModule,
  type TerraformModuleOptions,
} from './connect/terraform.ts';
export {
  buildGithubOidcTrustPolicy,
  buildScannerTrustPolicy,
  type GithubOidcTrustOptions,
  type GithubRepositoryIds,
  type GithubSubjectFilter,
  type GithubSubjectFormat,
  githubOidcSubjects,
  isAwsAccountId,
  parseGithubRepository,
  type ScannerTrustOptions,
} from './connect/trust-policy.ts';
export {
  type ConnectionHealth,
  type ProbeResult,
  type VerifyOptions,
  type VerifyReport,
  type VerifySession,
  verifyConnection,
} from './connect/verify.ts';
export { SERVICE_PROBES, type ServiceProbe } from './connect/verify-probes.ts';
export { AxiomError, describeError, isAxiomError } from './errors.ts';
export {
  AXIOM_CONFIG_FILE,
  type AxiomConfig,
  type AxiomConfigError,
  type AxiomConfigResult,
  emptyAxiomConfig,
  type IgnoreEntry,
  parseAxiomConfig,
} from './findings/axiom-config.ts';
export { type BaselineDiff, diffAgainstBaseline } from './findings/baseline.ts';
export {
  atOrAbove,
  type Finding,
  type FindingCategory,
  type FindingResource,
  type FindingSuppression,
  SEVERITIES,
  type Severity,
  type SourceLocation,
} from './findings/finding.ts';
export {
  type FingerprintParts,
  fingerprintFinding,
  type PolicyFingerprintParts,
  type ResourceFingerprintParts,
} from './findings/fingerprint.ts';
export { statementAnchor } from './findings/policy-anchor.ts';
export { compareFindings, sortFindings } from './findings/sort.ts';
export { CATEGORIES, type FindingSummary, summarizeFindings } from './findings/summary.ts';
export {
  applySuppressions,
  EXPIRED_RULE_ID,
  type InlineSuppression,
  MISSING_REASON_RULE_ID,
  type SuppressionSources,
} from './findings/suppressions.ts';
export {
  exceedsThreshold,
  failsThreshold,
  parseSeverity,
  SEVERITY_THRESHOLDS,
  type SeverityThreshold,
} from './findings/threshold.ts';
export {
  type AnalyzeOptions,
  analyzeDocument,
  analyzePolicyFile,
  extractProblemToFinding,
  type FileAnalysis,
  problemToFinding,
} from './policy/analyze.ts';
export type { ActionExpansion } from './policy/catalog/action-expansion.ts';
export {
  ACCESS_LEVELS,
  type AccessLevel,
  type ActionInfo,
  type ActionResourceType,
} from './policy/catalog/action-info.ts';
export type { ConditionKeyCheck } from './policy/catalog/condition-key-resolver.ts';
export type { ConditionKeyInfo, ConditionValueType } from './policy/catalog/condition-keys.ts';
export {
  createIamCatalog,
  type IamCatalog,
  loadIamCatalog,
  type ServiceInfo,
} from './policy/catalog/iam-catalog.ts';
export {
  type IamDataSource,
  packagedIamDataSource,
  type RawConditionKey,
} from './policy/catalog/iam-data-source.ts';
export { buildIamPack, readIamPack } from './policy/catalog/iam-pack.ts';
export type { ResourceMatch } from './policy/catalog/resource-match.ts';
export { CORRECTNESS_CHECKS } from './policy/checks/correctness-checks.ts';
export { ALL_POLICY_CHECKS } from './policy/checks/index.ts';
export { PERMISSION_CHECKS } from './policy/checks/permission-checks.ts';
export type { PolicyCheck, PolicyCheckContext, PolicyProblem } from './policy/checks/policy-check.ts';
export type {
  AccessChange,
  AccessElement,
  DiffAccessLevel,
  GrantedAccess,
  GrantReason,
  LevelGroup,
  RemovalReason,
  RemovedAccess,
} from './policy/diff/access-change.ts';
export { NEW_ACCESS_RULE_ID, REMOVED_ACCESS_RULE_ID } from './policy/diff/access-findings.ts';
export {
  diffPolicyFile,
  type PolicyFileDiff,
  type PolicyFileVersions,
} from './policy/diff/diff-policy-file.ts';
export {
  type ConditionElement,
  type ConditionEntry,
  type ElementList,
  isPlaceholder,
  type Located,
  type Placeholder,
  type PolicyDocument,
  type PolicyKind,
  type PolicyScalar,
  type PolicySource,
  type PolicySourceFormat,
  type PolicyStatement,
  type PrincipalElement,
  type PrincipalEntry,
  type ResourcePolicyType,
  type SourceRange,
} from './policy/document.ts';
export { extractPolicies, MAX_POLICY_FILE_BYTES } from './policy/extract/extract-policies.ts';
export type {
  ExtractProblem,
  ExtractProblemKind,
  ExtractResult,
  PolicyFile,
  SuppressionComment,
} from './policy/extract/extract-result.ts';
export {
  type LintFile,
  type LintNotice,
  type LintOptions,
  type LintResult,
  lintFiles,
  type UnreadFile,
} from './policy/lint/lint-files.ts';
export {
  isLintablePath,
  isPolicyFileName,
  isSkippedDirectory,
  POLICY_FILE_EXTENSIONS,
  SKIPPED_DIRECTORIES,
} from './policy/lint/policy-file-selection.ts';
export { renderScanBlocks, type ScanBlocksOptions } from './report/block-kit.ts';
export {
  CONNECT_MODAL_FIELDS,
  type ConnectModalInput,
  renderConnectModal,
} from './report/block-kit-connect.ts';
export { type RotationBlocksOptions, renderRotationBlocks } from './report/block-kit-rotation.ts';
export { codeSections, escapedWithin, escapeMrkdwn, linesWithin, truncate } from './report/block-kit-text.ts';
export {
  type ActionsBlock,
  type ButtonElement,
  type ContextBlock,
  type DividerBlock,
  type HeaderBlock,
  type InputBlock,
  type MessageBlock,
  type ModalBlock,
  type ModalView,
  type MrkdwnText,
  type MultiConversationsSelectElement,
  type PlainText,
  type PlainTextInputElement,
  type SectionBlock,
  SLACK_LIMITS,
  type SlackMessage,
} from './report/block-kit-types.ts';
export { renderVerifyBlocks, type VerifyBlocksOptions } from './report/block-kit-verify.ts';
export { renderPolicyCheckTable, renderRuleTable } from './report/catalog-tables.ts';
export type {
  CoverageGap,
  CoverageGapStatus,
  ReportContext,
  ReportStats,
  ReportTarget,
  ReportTool,
  RuleDescription,
} from './report/context.ts';
export { buildJsonReport, type JsonReport, renderJson } from './report/json.ts';
export {
  GITHUB_COMMENT_MAX_LENGTH,
  JOB_SUMMARY_MAX_LENGTH,
  type MarkdownOptions,
  renderMarkdown,
} from './report/markdown.ts';
export { type BaselineResult, readBaselineFingerprints } from './report/read-baseline.ts';
export { REPORT_SCHEMA } from './report/report-schema.ts';
export { buildSarifLog, renderSarif, SARIF_FINGERPRINT_KEY, type SarifOptions } from './report/sarif.ts';
export {
  buildScanReportContext,
  countResources,
  coverageGaps,
  type ScanReportOptions,
} from './report/scan-report.ts';
export { renderText, type TextOptions } from './report/text.ts';
export { renderVerifyText } from './report/verify-text.ts';
export { COMPUTE_RULES } from './rules/compute-rules.ts';
export { DATA_RULES } from './rules/data-rules.ts';
export { evaluateRules, hitToFinding, type NotEvaluated, type RuleEvaluation } from './rules/evaluate.ts';
export { IDENTITY_RULES } from './rules/identity-rules.ts';
export { ALL_RULES } from './rules/index.ts';
export { PRICES_AS_OF } from './rules/prices.ts';
export type { Rule, RuleContext, RuleHit, RuleInput, RuleScope } from './rules/rule.ts';
export type { Collector, CollectorContext, CollectorOperation, CollectorTarget } from './scan/collector.ts';
export { createIamCollector, type IamCollectorOptions } from './scan/collectors/iam.ts';
export { ALL_COLLECTORS } from './scan/collectors/index.ts';
export { HOME_REGIONS, homeRegionOf, listEnabledRegions } from './scan/enabled-regions.ts';
export * from './scan/inventory.ts';
export type { InventoryError } from './scan/inventory-errors.ts';
export { type InventoryParseResult, parseInventory, serializeInventory } from './scan/inventory-io.ts';
export { INVENTORY_SCHEMA } from './scan/inventory-schema.ts';
export {
  GLOBAL_REGION,
  type PlanScanOptions,
  type PlanTarget,
  planScan,
  RUNS_AFTER,
  type ScanUnit,
} from './scan/plan.ts';
export { RateLimiter, type RateLimiterOptions, type RateLimitKey } from './scan/rate-limiter.ts';
export {
  type ApiFamily,
  apiFamilyOf,
  DEFAULT_RATE_LIMITS,
  type RateLimit,
  type RateLimitOverrides,
  resolveRateLimits,
} from './scan/rate-limits.ts';
export {
  DEFAULT_SCAN_CONCURRENCY,
  DEFAULT_UNIT_DEADLINE_MS,
  type RunScanOptions,
  runScan,
  type ScanProgress,
} from './scan/run-scan.ts';
export type { UnitOutcome } from './scan/run-unit.ts';
export type { ProgressOutcome, ScanSession, ScanTarget } from './scan/scan-account.ts';
export { parseScanServices, type ScanServicesResult } from './scan/scan-services.ts';
export { type ScanClock, type Sleep, systemClock, systemSleep } from './scan/scan-time.ts';
export {
  AUDIT_PAGE,
  AUDIT_RESULTS,
  type AuditEntry,
  type AuditQuery,
  type AuditResult,
  type NewAuditEntry,
} from './store/audit-log.ts';
export {
  CONNECTION_STATUSES,
  type Connection,
  type ConnectionField,
  type ConnectionProblem,
  type ConnectionStatus,
  type ConnectionSummary,
  connectionNameProblem,
  type NewConnection,
  normalizeConnectionName,
} from './store/connection.ts';
export type { KeyRotationResult, KeyUsage } from './store/connection-keys.ts';
export type {
  CreateConnectionResult,
  RotateExternalIdResult,
  StatusUpdate,
  StatusUpdateResult,
} from './store/connections.ts';
export {
  type DevKey,
  keyIdOf,
  keyringFromKeys,
  loadOrCreateDevKey,
  parseEncryptionKey,
} from './store/encryption-key.ts';
export {
  createJobQueue,
  type EnqueueScanResult,
  type JobQueue,
  type JobQueueOptions,
  type ScanHandler,
  type ScanJob,
  type ScanJobInfo,
  type ScanJobOutput,
  type ScanJobState,
  type WorkOptions,
} from './store/job-queue.ts';
export type { MigrationReport } from './store/migrate.ts';
export { IN_MEMORY_DATA_DIR } from './store/pglite-client.ts';
export { redactSecrets } from './store/redact.ts';
export { type ScanRequest, scanRequestProblems } from './store/scan-request.ts';
export type { EncryptionKey, Keyring } from './store/secret-box.ts';
export type { SqlBackendKind, SqlClient } from './store/sql-client.ts';
export { DEFAULT_STORE_SCHEMA, type OpenStoreOptions, openStore, type Store } from './store/store.ts';
