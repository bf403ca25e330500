"use strict";
exports.id = 750;
exports.ids = [750];
exports.modules = {

/***/ 7750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runScanStage: () => (/* binding */ runScanStage)
});

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(2811);
// EXTERNAL MODULE: ../../core/errors.ts
var errors = __webpack_require__(8715);
;// CONCATENATED MODULE: ../../core/aws/call-counter.ts
/** Counts calls per `Service:Operation`, shared by every client of a scan. */
class CallCounter {
    #stats = new Map();
    /** Records one logical call or one attempt of `operation` (e.g. 'EC2:DescribeInstances'). */
    record(operation, kind) {
        const stats = this.#stats.get(operation) ?? { calls: 0, attempts: 0 };
        if (kind === 'call')
            stats.calls += 1;
        else
            stats.attempts += 1;
        this.#stats.set(operation, stats);
    }
    /** Total logical calls. */
    get totalCalls() {
        let total = 0;
        for (const stats of this.#stats.values())
            total += stats.calls;
        return total;
    }
    /** A plain, sorted copy for reports and the inventory; later calls do not change it. */
    snapshot() {
        return Object.fromEntries([...this.#stats.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, stats]) => [name, { ...stats }]));
    }
}
function operationName(context) {
    const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
    const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
    return `${service}:${operation}`;
}
/** Middleware counting logical calls (initialize step) and HTTP attempts (after the retry middleware). */
function callCounting(counter) {
    return {
        applyToStack(stack) {
            stack.add((next, context) => async (args) => {
                counter.record(operationName(context), 'call');
                return next(args);
            }, { step: 'initialize', name: 'axiomCallCounter', priority: 'low', override: true });
            stack.add((next, context) => async (args) => {
                counter.record(operationName(context), 'attempt');
                return next(args);
            }, { step: 'finalizeRequest', name: 'axiomAttemptCounter', priority: 'low', override: true });
        },
    };
}

;// CONCATENATED MODULE: ../../core/aws/endpoint-override.ts

/**
 * Parses an endpoint override (the adapters pass `AWS_ENDPOINT_URL`, e.g. a LocalStack or MinIO URL). Throws
 * an AxiomError up front: the SDK's own failure for a malformed endpoint comes later, once per call, and does
 * not name the setting.
 */
function parseEndpointOverride(endpoint) {
    const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
        throw new errors/* AxiomError */.fy('invalid_endpoint', `Could not use the endpoint override '${endpoint}': it is not an absolute http(s) URL.`, { hint: 'Set it to a URL such as http://127.0.0.1:4566, or unset it to talk to AWS itself.' });
    }
    return url;
}
/**
 * Keeps every request of `config`'s client on the override's host. Some endpoint rules put a label in front
 * of the host even when the endpoint is overridden: S3 Control sends to `{AccountId}.{host}`, which names no
 * server at a local emulator (and `123456789012.127.0.0.1` is not even a valid URL, so the SDK fails before
 * sending). The account id still travels in the `x-amz-account-id` header, which is what emulators read.
 */
function pinToOverrideHost(config, override) {
    const resolve = config.endpointProvider;
    if (resolve === undefined)
        return;
    config.endpointProvider = (params, context) => {
        // S3 Control's rules prefix the account id only when this is true; false leaves the override as it is.
        const rules = 'RequiresAccountId' in params ? { ...params, RequiresAccountId: false } : params;
        const endpoint = resolve(rules, context);
        const url = new URL(endpoint.url);
        url.hostname = override.hostname;
        return { ...endpoint, url };
    };
}

;// CONCATENATED MODULE: ../../core/connect/permissions.ts
/**
 * The permission catalogue: every IAM action Axiom asks for, the SDK operation that needs it, the capability it
 * serves and why. The permission policy, the CloudFormation template, the Terraform module, the README table and
 * the read-only guard's allowlist are all generated from this one table, so they cannot drift apart.
 *
 * Explicit actions only, never wildcards: `logs:Get*` would include `logs:GetLogEvents` (customer data), and a
 * wildcard silently grows when AWS adds actions.
 */
/** Plain-language description of each capability, for the README and the onboarding screens. */
const CAPABILITIES = {
    'ec2-inventory': 'Enumerate instances, volumes, security groups, VPCs, subnets, NAT gateways and Elastic IPs for exposure, encryption and rightsizing rules.',
    'load-balancers': 'Find load balancers with no healthy targets or no traffic.',
    's3-posture': 'Detect public buckets, missing encryption, versioning, lifecycle and logging. Never reads object contents.',
    'rds-posture': 'Find public, unencrypted or unprotected databases. Never reads rows.',
    'iam-audit': 'Audit users, roles, policies and trust relationships for over-permissive grants, stale credentials and missing MFA.',
    'utilization-metrics': 'Pull 14 days of utilisation metrics for idle-resource and rightsizing findings.',
    'log-retention': 'Find log groups kept forever and how much they store. Never reads log events.',
    'cost-trend': 'Read monthly cost by service to flag spend growth (off unless asked; AWS bills each request).',
    'ownership-tags': 'Read owner tags across services to attribute findings.',
    'connection-test': 'Confirm the role was assumed in the expected account.',
    'privilege-self-check': "Check that Axiom's own role cannot do more than read, and halt onboarding if it can.",
};
/** The catalogue. Order is the order of the generated policy and the README table. */
const PERMISSIONS = [
    // Connection test
    {
        action: 'sts:GetCallerIdentity',
        client: 'STS',
        operation: 'GetCallerIdentity',
        capability: 'connection-test',
        reason: 'Confirms the role was assumed and names the account it belongs to.',
    },
    // EC2
    {
        action: 'ec2:DescribeRegions',
        client: 'EC2',
        operation: 'DescribeRegions',
        capability: 'ec2-inventory',
        reason: 'Lists the regions enabled in the account, so disabled regions cost no calls.',
    },
    {
        action: 'ec2:DescribeInstances',
        client: 'EC2',
        operation: 'DescribeInstances',
        capability: 'ec2-inventory',
        reason: 'Instances, their state, type, security groups and metadata (IMDS) options.',
    },
    {
        action: 'ec2:DescribeVolumes',
        client: 'EC2',
        operation: 'DescribeVolumes',
        capability: 'ec2-inventory',
        reason: 'EBS volumes: encryption, type (gp2 vs gp3) and attachment, for unattached-volume costs.',
    },
    {
        action: 'ec2:DescribeSecurityGroups',
        client: 'EC2',
        operation: 'DescribeSecurityGroups',
        capability: 'ec2-inventory',
        reason: 'Security group rules open to the internet on admin and database ports.',
    },
    {
        action: 'ec2:DescribeVpcs',
        client: 'EC2',
        operation: 'DescribeVpcs',
        capability: 'ec2-inventory',
        reason: 'VPCs, to tell default from custom networks.',
    },
    {
        action: 'ec2:DescribeSubnets',
        client: 'EC2',
        operation: 'DescribeSubnets',
        capability: 'ec2-inventory',
        reason: 'Subnets, to tell public placement from private.',
    },
    {
        action: 'ec2:DescribeNatGateways',
        client: 'EC2',
        operation: 'DescribeNatGateways',
        capability: 'ec2-inventory',
        reason: 'NAT gateways, for idle-gateway costs.',
    },
    {
        action: 'ec2:DescribeAddresses',
        client: 'EC2',
        operation: 'DescribeAddresses',
        capability: 'ec2-inventory',
        reason: 'Elastic IPs, for unassociated-address costs.',
    },
    {
        action: 'ec2:GetEbsEncryptionByDefault',
        client: 'EC2',
        operation: 'GetEbsEncryptionByDefault',
        capability: 'ec2-inventory',
        reason: 'Whether new EBS volumes are encrypted by default in each region.',
    },
    // ELBv2
    {
        action: 'elasticloadbalancing:DescribeLoadBalancers',
        client: 'ElasticLoadBalancingV2',
        operation: 'DescribeLoadBalancers',
        capability: 'load-balancers',
        reason: 'Application, network and gateway load balancers.',
    },
    {
        action: 'elasticloadbalancing:DescribeTargetGroups',
        client: 'ElasticLoadBalancingV2',
        operation: 'DescribeTargetGroups',
        capability: 'load-balancers',
        reason: 'Target groups behind each load balancer.',
    },
    {
        action: 'elasticloadbalancing:DescribeTargetHealth',
        client: 'ElasticLoadBalancingV2',
        operation: 'DescribeTargetHealth',
        capability: 'load-balancers',
        reason: 'Whether any target is healthy, for idle load balancers.',
    },
    // S3
    {
        action: 's3:ListAllMyBuckets',
        client: 'S3',
        operation: 'ListBuckets',
        capability: 's3-posture',
        reason: 'Bucket names and regions. Lists buckets, never objects.',
    },
    {
        action: 's3:GetBucketLocation',
        client: 'S3',
        operation: 'GetBucketLocation',
        capability: 's3-posture',
        reason: "A bucket's region where the bucket list does not say it.",
    },
    {
        action: 's3:GetAccountPublicAccessBlock',
        client: 'S3Control',
        operation: 'GetPublicAccessBlock',
        capability: 's3-posture',
        reason: 'The account-wide S3 Block Public Access settings.',
    },
    {
        action: 's3:GetBucketPublicAccessBlock',
        client: 'S3',
        operation: 'GetPublicAccessBlock',
        capability: 's3-posture',
        reason: "Each bucket's Block Public Access settings.",
    },
    {
        action: 's3:GetBucketPolicyStatus',
        client: 'S3',
        operation: 'GetBucketPolicyStatus',
        capability: 's3-posture',
        reason: "AWS's own verdict on whether a bucket policy makes the bucket public.",
    },
    {
        action: 's3:GetBucketPolicy',
        client: 'S3',
        operation: 'GetBucketPolicy',
        capability: 's3-posture',
        reason: 'The bucket policy, for public grants and a TLS-only condition.',
    },
    {
        action: 's3:GetBucketAcl',
        client: 'S3',
        operation: 'GetBucketAcl',
        capability: 's3-posture',
        reason: 'ACL grants to AllUsers or AuthenticatedUsers.',
    },
    {
        action: 's3:GetBucketOwnershipControls',
        client: 'S3',
        operation: 'GetBucketOwnershipControls',
        capability: 's3-posture',
        reason: 'Whether ACLs are disabled (BucketOwnerEnforced).',
    },
    {
        action: 's3:GetEncryptionConfiguration',
        client: 'S3',
        operation: 'GetBucketEncryption',
        capability: 's3-posture',
        reason: 'Default encryption (SSE-S3 or SSE-KMS).',
    },
    {
        action: 's3:GetBucketVersioning',
        client: 'S3',
        operation: 'GetBucketVersioning',
        capability: 's3-posture',
        reason: 'Versioning, for recovery from deletes and overwrites.',
    },
    {
        action: 's3:GetLifecycleConfiguration',
        client: 'S3',
        operation: 'GetBucketLifecycleConfiguration',
        capability: 's3-posture',
        reason: 'Lifecycle rules, including aborting incomplete multipart uploads.',
    },
    {
        action: 's3:GetBucketLogging',
        client: 'S3',
        operation: 'GetBucketLogging',
        capability: 's3-posture',
        reason: 'Server access logging.',
    },
    // RDS
    {
        action: 'rds:DescribeDBInstances',
        client: 'RDS',
        operation: 'DescribeDBInstances',
        capability: 'rds-posture',
        reason: 'Database instances: public access, encryption, backups, deletion protection.',
    },
    {
        action: 'rds:DescribeDBClusters',
        client: 'RDS',
        operation: 'DescribeDBClusters',
        capability: 'rds-posture',
        reason: 'Aurora and Multi-AZ clusters: encryption, backups, deletion protection.',
    },
    // IAM
    {
        action: 'iam:GetAccountAuthorizationDetails',
        client: 'IAM',
        operation: 'GetAccountAuthorizationDetails',
        capability: 'iam-audit',
        reason: 'Users, groups, roles and policies in a few pages instead of one call per entity.',
    },
    {
        action: 'iam:GenerateCredentialReport',
        client: 'IAM',
        operation: 'GenerateCredentialReport',
        capability: 'iam-audit',
        reason: 'Asks IAM to build the credential report (changes no access; AWS classes it Read).',
    },
    {
        action: 'iam:GetCredentialReport',
        client: 'IAM',
        operation: 'GetCredentialReport',
        capability: 'iam-audit',
        reason: 'Password and access key age, last use and MFA per user, including root.',
    },
    {
        action: 'iam:GetAccountPasswordPolicy',
        client: 'IAM',
        operation: 'GetAccountPasswordPolicy',
        capability: 'iam-audit',
        reason: 'The password policy, for weak-policy findings.',
    },
    {
        action: 'iam:GetAccountSummary',
        client: 'IAM',
        operation: 'GetAccountSummary',
        capability: 'iam-audit',
        reason: 'Root MFA and root access key presence.',
    },
    {
        action: 'iam:ListAttachedRolePolicies',
        client: 'IAM',
        operation: 'ListAttachedRolePolicies',
        capability: 'privilege-self-check',
        reason: "Managed policies attached to Axiom's own role, to catch ReadOnlyAccess or broader.",
    },
    {
        action: 'iam:ListRolePolicies',
        client: 'IAM',
        operation: 'ListRolePolicies',
        capability: 'privilege-self-check',
        reason: "Inline policy names on Axiom's own role.",
    },
    {
        action: 'iam:GetRolePolicy',
        client: 'IAM',
        operation: 'GetRolePolicy',
        capability: 'privilege-self-check',
        reason: "Inline policy documents on Axiom's own role, checked for write or data-read actions.",
    },
    {
        action: 'iam:GetPolicy',
        client: 'IAM',
        operation: 'GetPolicy',
        capability: 'privilege-self-check',
        reason: "The default version of each managed policy attached to Axiom's own role.",
    },
    {
        action: 'iam:GetPolicyVersion',
        client: 'IAM',
        operation: 'GetPolicyVersion',
        capability: 'privilege-self-check',
        reason: "The document of each customer-managed policy attached to Axiom's own role.",
    },
    {
        action: 'iam:SimulatePrincipalPolicy',
        client: 'IAM',
        operation: 'SimulatePrincipalPolicy',
        capability: 'privilege-self-check',
        reason: "Simulates sample write actions against Axiom's own role; simulation changes nothing.",
    },
    // CloudWatch
    {
        action: 'cloudwatch:GetMetricData',
        client: 'CloudWatch',
        operation: 'GetMetricData',
        capability: 'utilization-metrics',
        reason: 'CPU, network, NAT bytes, request and connection counts, 500 series per call.',
    },
    // CloudWatch Logs
    {
        action: 'logs:DescribeLogGroups',
        client: 'CloudWatchLogs',
        operation: 'DescribeLogGroups',
        capability: 'log-retention',
        reason: 'Log group retention and stored bytes. Never reads log events.',
    },
    // Cost Explorer
    {
        action: 'ce:GetCostAndUsage',
        client: 'CostExplorer',
        operation: 'GetCostAndUsage',
        capability: 'cost-trend',
        reason: 'Cost by service for the last two full months, one request per scan when enabled.',
    },
    // Tagging
    {
        action: 'tag:GetResources',
        client: 'ResourceGroupsTaggingAPI',
        operation: 'GetResources',
        capability: 'ownership-tags',
        reason: 'Owner and team tags across services.',
    },
];
/** Operations on Axiom's own credentials, outside the customer's policy, that connect needs. */
const CONNECT_OPERATIONS = [
    { client: 'STS', operation: 'AssumeRole' },
    { client: 'STS', operation: 'AssumeRoleWithWebIdentity' },
    { client: 'STS', operation: 'GetCallerIdentity' },
];
/** The distinct IAM actions of the permission policy, in catalogue order. */
function policyActions() {
    return [...new Set(PERMISSIONS.map((entry) => entry.action))];
}

;// CONCATENATED MODULE: ../../core/aws/read-only-guard.ts


/** `EC2Client:DescribeInstancesCommand` style keys, as the SDK names them in the middleware context. */
function key(client, operation) {
    return `${client}Client:${operation}Command`;
}
/** Every operation the guard lets through: the permission catalogue plus the STS calls that connect makes. */
const READ_ONLY_ALLOWLIST = new Set([
    ...PERMISSIONS.map((entry) => key(entry.client, entry.operation)),
    ...CONNECT_OPERATIONS.map((entry) => key(entry.client, entry.operation)),
]);
/** True when the guard lets `commandName` of `clientName` through (names as the SDK context carries them). */
function isAllowedOperation(clientName, commandName) {
    return READ_ONLY_ALLOWLIST.has(`${clientName}:${commandName}`);
}
/**
 * The error for a refused call. It names the call the way the permission catalogue and CloudTrail do
 * (`EC2:TerminateInstances`), and says plainly that nothing left the process.
 */
function refusal(clientName, commandName) {
    const operation = `${clientName.replace(/Client$/, '')}:${commandName.replace(/Command$/, '')}`;
    return new errors/* AxiomError */.fy('readonly_guard_refused', `Axiom refused to call ${operation}: it is not one of the read-only calls in Axiom's permission ` +
        'catalogue, so it was stopped before it was signed or sent. Nothing reached AWS.', {
        hint: 'Axiom never changes your account. If Axiom itself made this call, it is a bug in Axiom: ' +
            'please report it with this message.',
    });
}
/**
 * Refuses, inside the SDK, every operation that is not on the read-only allowlist.
 *
 * Why at the initialize step, with high priority: the SDK runs a command through its steps in order
 * (initialize, serialize, build, finalizeRequest, where the retry loop and SigV4 signing live, then the HTTP
 * send). The guard is the first middleware of the first step, so a refused operation is never serialised (its
 * input, which may hold a policy document or user data, never becomes a request), never resolves an endpoint
 * or credentials, never gets a signature that could be captured and replayed, and is never retried or sent.
 * The call counter (initialize, low priority) runs after it, so refused calls are not counted as calls made.
 * A guard at a later step would already have done some of that work; a guard outside the SDK (a wrapper
 * around `send`) would be bypassed by anything holding the client, whereas the middleware travels with it.
 * A test sends every command of every installed SDK client through the factory and checks that the guard is
 * the outermost middleware of each.
 *
 * What it keys on: the client and command names that the SDK's generated code puts in the middleware context,
 * the same names the catalogue uses. It makes Axiom's clients unable to write by mistake; it is not a sandbox
 * against code that builds its own client or calls `fetch`.
 */
const readOnlyGuard = {
    applyToStack(stack) {
        stack.add((next, context) => async (args) => {
            const clientName = String(context.clientName ?? 'UnknownClient');
            const commandName = String(context.commandName ?? 'UnknownCommand');
            if (!isAllowedOperation(clientName, commandName))
                throw refusal(clientName, commandName);
            return next(args);
        }, { step: 'initialize', name: 'axiomReadOnlyGuard', priority: 'high', override: true });
    },
};

;// CONCATENATED MODULE: ../../core/aws/client-factory.ts




/** Default attempts per call: enough to ride out throttling, bounded so a dead endpoint fails fast. */
const DEFAULT_MAX_ATTEMPTS = 5;
/** Default connect timeout: AWS endpoints connect in milliseconds; a dead route must not stall a scan. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Default socket idle timeout, far above any read Axiom makes; the SDK has none, so a stall would hang. */
const DEFAULT_SOCKET_TIMEOUT_MS = 30_000;
/**
 * Builds an SDK v3 client with Axiom's settings: region, credentials, endpoint override (path-style S3,
 * requests pinned to the override's host), adaptive retries with a bounded attempt count, connect and socket
 * timeouts, an `axiom/<version>` User-Agent, the per-operation call counter, and the read-only guard, which
 * refuses any operation outside the permission catalogue before it is signed or sent. Every AWS client in
 * Axiom comes from here.
 */
function createClient(ClientClass, settings) {
    const override = settings.endpoint ? parseEndpointOverride(settings.endpoint) : undefined;
    const config = {
        region: settings.region,
        maxAttempts: positive('maxAttempts', settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
        retryMode: 'adaptive',
        // CloudTrail records the User-Agent, so a customer can pick Axiom's calls out of their trail.
        customUserAgent: [settings.axiomVersion ? ['axiom', settings.axiomVersion] : ['axiom']],
        // Only `settings.endpoint` moves traffic: the SDK would otherwise obey AWS_ENDPOINT_URL* and the profile.
        ignoreConfiguredEndpointUrls: true,
        requestHandler: settings.requestHandler ?? httpHandlerOptions(settings),
    };
    if (settings.credentials !== undefined)
        config.credentials = settings.credentials;
    if (override) {
        config.endpoint = override.href;
        config.forcePathStyle = true;
    }
    const client = new ClientClass(config);
    if (override)
        pinToOverrideHost(client.config, override);
    reuseSigners(client.config);
    client.middlewareStack.use(readOnlyGuard);
    if (settings.beforeSend)
        client.middlewareStack.use(beforeSendHook(settings.beforeSend));
    if (settings.callCounter)
        client.middlewareStack.use(callCounting(settings.callCounter));
    return client;
}
/**
 * Makes the client build one SigV4 signer per auth scheme instead of one per request. The SDK's resolved `signer`
 * copies the whole client config (45 to 70 fields) into a new SignatureV4 on every request, although what it builds
 * depends only on the auth scheme (and, after the first request, on config fields that the first request fixed):
 * at thousands of calls per scan that was a few percent of the scan's CPU. The signer asks the client's
 * credential provider on every signature, so caching it keeps credentials fresh (a refreshed or dropped session
 * takes effect on the next request, as before).
 */
function reuseSigners(config) {
    const build = config.signer;
    if (typeof build !== 'function')
        return;
    const signers = new Map();
    config.signer = (authScheme) => {
        const key = authSchemeKey(authScheme);
        let signer = signers.get(key);
        if (signer === undefined) {
            signer = Promise.resolve(build(authScheme));
            // A signer that failed to build (its region could not be resolved, say) is asked for again next time.
            signer.catch(() => signers.delete(key));
            signers.set(key, signer);
        }
        return signer;
    };
}
/** What the SDK's signer builder reads from an endpoint auth scheme (name, signing name, region, region set). */
function authSchemeKey(authScheme) {
    if (typeof authScheme !== 'object' || authScheme === null)
        return '';
    const scheme = authScheme;
    const regionSet = Array.isArray(scheme.signingRegionSet) ? scheme.signingRegionSet.join(',') : '';
    return [scheme.name, scheme.signingName, scheme.signingRegion, regionSet].map(String).join('\n');
}
/** The read-only guard's name in the middleware stack (read-only-guard.ts); the hook is placed right after it. */
const READ_ONLY_GUARD_NAME = 'axiomReadOnlyGuard';
/**
 * Installs `beforeSend` right after the read-only guard, at the initialize step: refused operations never take a
 * token, and the wait happens once per logical call, before serialisation, signing and the retry loop.
 */
function beforeSendHook(beforeSend) {
    return {
        applyToStack(stack) {
            const hook = (next, context) => async (args) => {
                const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
                const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
                // `send(command, { abortSignal })` puts the signal in the Smithy context for middleware like this one.
                const signal = context.__smithy_context?.abortSignal;
                await beforeSend(`${service}:${operation}`, signal instanceof AbortSignal ? signal : undefined);
                return next(args);
            };
            stack.addRelativeTo(hook, {
                relation: 'after',
                toMiddleware: READ_ONLY_GUARD_NAME,
                name: 'axiomBeforeSend',
                override: true,
            });
        },
    };
}
/**
 * Sockets one client may hold open at once. Axiom bounds its own concurrency (units in flight, buckets read at
 * once, rate limits), so the HTTP agent should not bound it again: at the SDK's default of 50, S3's bucket reads
 * (32 buckets, nine reads each, through one client per region) queued behind the agent, and a region's S3 reads
 * took up to six round trips where one would do. A client only opens as many sockets as it has calls in flight.
 */
const MAX_SOCKETS_PER_CLIENT = 300;
/** Options from which the SDK builds its default Node HTTP handler: timeouts and the agents' socket limit. */
function httpHandlerOptions(settings) {
    return {
        connectionTimeout: positive('connectTimeoutMs', settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
        socketTimeout: positive('socketTimeoutMs', settings.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS),
        httpAgent: { maxSockets: MAX_SOCKETS_PER_CLIENT },
        httpsAgent: { maxSockets: MAX_SOCKETS_PER_CLIENT },
    };
}
/** Returns `value` when it is a positive whole number; anything else is a caller's bug. */
function positive(name, value) {
    if (Number.isInteger(value) && value > 0)
        return value;
    throw new errors/* AxiomError */.fy('invalid_client_settings', `Could not build an AWS client: ${name} must be a positive whole number, not ${value}.`, { hint: 'Check the value passed for this setting.' });
}

// EXTERNAL MODULE: ../../core/connect/external-id.ts
var external_id = __webpack_require__(5079);
// EXTERNAL MODULE: ../../core/connect/role-arn.ts
var role_arn = __webpack_require__(5561);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ../../core/connect/session.ts
/**
 * Sessions: temporary AWS credentials held in memory only, refreshed shortly before they expire and forgotten
 * on `drop()`. Nothing here writes credentials anywhere, and a session never shows them when it is logged,
 * inspected or serialised. `assume-role.ts` obtains sessions (sts:AssumeRole, web identity, the default chain).
 */


/** Credentials are refreshed this long before they expire, so no request is signed with nearly dead keys. */
const REFRESH_WINDOW_MS = 5 * 60_000;
/**
 * Temporary credentials in memory. `credentials` is a provider for SDK clients: it hands out the current
 * credentials and obtains new ones when they are within five minutes of expiry (by the injected clock).
 */
class session_Session {
    /** Where the credentials come from. */
    kind;
    /** The role, for assumed sessions. */
    roleArn;
    #obtain;
    #clock;
    #current;
    #pending;
    #dropped = false;
    /** What `credentials` hands out for `#current` while it is not due: built once, not on every request. */
    #handedOut;
    constructor(options) {
        this.kind = options.kind;
        this.roleArn = options.roleArn;
        this.#obtain = options.obtain;
        this.#clock = options.clock;
        this.#current = options.initial;
    }
    /**
     * The credential provider to give SDK clients (`createClient(X, { credentials: session.credentials })`).
     *
     * Why it is marked `memoized`: an SDK client wraps an unmarked provider in its own cache, which keeps
     * credentials until five minutes before their expiration by the real clock, and keeps credentials without an
     * expiration forever. The session is that cache already, so the mark makes the SDK ask it on every request (an
     * in-memory lookup): the session alone decides when to refresh (by its injected clock), and a dropped session
     * stops every client at once.
     */
    credentials = Object.assign(() => {
        // Fast path, taken by nearly every request: the current credentials, already handed out, and not yet due by
        // the injected clock. Anything else (first use, due, refreshing, dropped) goes the full way.
        const out = this.#handedOut;
        if (out !== undefined && !this.#dropped && out.issued === this.#current && this.#notDue(out))
            return out.identity;
        return this.#resolve();
    }, { memoized: true });
    /** When the current credentials expire; undefined before the first use of a lazy session, or for long-lived keys. */
    get expiresAt() {
        return this.#current?.expiresAt;
    }
    /** The assumed-role session ARN STS reported (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), once known. */
    get assumedRoleArn() {
        return this.#current?.assumedRoleArn;
    }
    /** Whether `drop()` was called. */
    get dropped() {
        return this.#dropped;
    }
    /** Forgets the credentials; any later use, by any client holding the provider, throws 'session_dropped'. */
    drop() {
        this.#dropped = true;
        this.#current = undefined;
        this.#pending = undefined;
        this.#handedOut = undefined;
    }
    /** The session without its secrets. */
    toJSON() {
        const summary = { kind: this.kind, dropped: this.#dropped };
        if (this.roleArn !== undefined)
            summary.roleArn = this.roleArn;
        const current = this.#current;
        if (current?.assumedRoleArn !== undefined)
            summary.assumedRoleArn = current.assumedRoleArn;
        if (current?.expiresAt !== undefined)
            summary.expiresAt = current.expiresAt.toISOString();
        return summary;
    }
    /** One line for logs, without secrets. */
    toString() {
        return `Session ${JSON.stringify(this.toJSON())}`;
    }
    /** What `console.log` and `util.inspect` show: the summary, never the credentials. */
    [external_node_util_.inspect.custom]() {
        return `Session ${(0,external_node_util_.inspect)(this.toJSON(), { breakLength: Number.POSITIVE_INFINITY })}`;
    }
    async #resolve() {
        this.#assertLive();
        const current = this.#current;
        if (current && !this.#isDue(current))
            return this.#handOut(current);
        if (this.#pending === undefined) {
            const pending = this.#obtain().finally(() => {
                if (this.#pending === pending)
                    this.#pending = undefined;
            });
            this.#pending = pending;
        }
        const fresh = await this.#pending;
        // Dropped while STS was answering: the new credentials are discarded, never handed out.
        this.#assertLive();
        this.#current = fresh;
        return this.#handOut(fresh);
    }
    /** True while `out` is not due by the injected clock; false when the clock throws (the full way reports it). */
    #notDue(out) {
        try {
            return this.#clock().getTime() < out.refreshAtMs;
        }
        catch {
            return false;
        }
    }
    #isDue(issued) {
        return (issued.expiresAt !== undefined &&
            issued.expiresAt.getTime() - this.#clock().getTime() <= REFRESH_WINDOW_MS);
    }
    #handOut(issued) {
        const { expiration: _, ...plain } = issued.identity;
        const identity = issued.expiresAt === undefined ? plain : { ...plain, expiration: issued.expiresAt };
        const refreshAtMs = issued.expiresAt === undefined
            ? Number.POSITIVE_INFINITY
            : issued.expiresAt.getTime() - REFRESH_WINDOW_MS;
        this.#handedOut = { issued, identity: Promise.resolve(identity), refreshAtMs };
        return identity;
    }
    #assertLive() {
        if (!this.#dropped)
            return;
        throw new errors/* AxiomError */.fy('session_dropped', `Could not use the AWS session${this.roleArn ? ` for ${this.roleArn}` : ''}: it was dropped and its credentials forgotten, so it can no longer sign requests.`, {
            hint: 'Obtain a new session (assume the role again); this is a bug in Axiom if it happened during a scan.',
        });
    }
}

// EXTERNAL MODULE: ../../core/connect/session-duration.ts
var session_duration = __webpack_require__(9935);
;// CONCATENATED MODULE: ../../core/connect/sts-error.ts
/**
 * Turns a failure to obtain credentials (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, the SDK's default chain)
 * into an AxiomError a person can act on. STS answers several different mistakes with one code (AccessDenied
 * covers a missing trust policy, a wrong account and an External ID mismatch alike), so the messages name every
 * likely cause rather than guess one; `verify` diagnoses further from the AWS code kept on the error.
 */

/** An AxiomError from a credential call, carrying AWS's own error code. */
class ConnectError extends errors/* AxiomError */.fy {
    /** AWS's error code as sent (e.g. 'AccessDenied', 'RegionDisabledException'), or the SDK's error name. */
    awsCode;
    constructor(code, message, options) {
        super(code, message, options);
        this.awsCode = options.awsCode;
    }
}
function field(error, name) {
    return typeof error === 'object' && error !== null ? error[name] : undefined;
}
/** AWS's error code: the wire `Code` for Query services, else the SDK error's code or name. */
function awsErrorCode(error) {
    for (const name of ['Code', 'code', 'name']) {
        const value = field(error, name);
        if (typeof value === 'string' && value !== '')
            return value;
    }
    return 'Unknown';
}
/** Removes every secret from `text`. */
function redact(text, secrets) {
    let result = text;
    for (const secret of secrets)
        if (secret.length >= 2)
            result = result.replaceAll(secret, '[redacted]');
    return result;
}
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const INVALID = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId',
    'IncompleteSignature',
    'MissingAuthenticationToken',
    'AuthFailure',
]);
const NETWORK = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'ETIMEDOUT',
    'ECONNRESET',
    'EAI_AGAIN',
    'TimeoutError',
]);
/** Maps a failed credential call to a ConnectError (an AxiomError is passed through unchanged). */
function sts_error_connectFailure(error, attempt) {
    if (error instanceof errors/* AxiomError */.fy)
        return error;
    const awsCode = awsErrorCode(error);
    const rawMessage = field(error, 'message');
    // Only an error with an HTTP status is AWS speaking; anything else is the SDK or the network.
    const speaker = field(field(error, '$metadata'), 'httpStatusCode') === undefined ? 'Details' : 'AWS said';
    const said = typeof rawMessage === 'string' && rawMessage !== ''
        ? ` ${speaker}: "${redact(rawMessage, attempt.secrets)}"`
        : '';
    const role = attempt.roleArn ?? 'the role';
    const webIdentity = attempt.operation === 'AssumeRoleWithWebIdentity';
    const what = attempt.operation === 'DefaultCredentialChain'
        ? 'Could not load the AWS credentials Axiom runs with'
        : webIdentity
            ? `Could not assume ${role} with the OIDC web identity token (sts:AssumeRoleWithWebIdentity in ${attempt.region})`
            : `Could not assume ${role} (sts:AssumeRole in ${attempt.region})`;
    const make = (code, failed, hint) => new ConnectError(code, `${what}: ${failed}${said}`, { awsCode, hint, cause: error });
    if (awsCode === 'AccessDenied' || awsCode === 'AccessDeniedException' || awsCode === 'InvalidExternalId') {
        if (webIdentity)
            return make('assume_role_denied', "STS refused (AccessDenied). Likely causes: the role does not exist or the ARN is wrong; the role's trust policy does not trust this OIDC provider; or its conditions on the token's claims (sub: repository, branch or environment; aud) do not match this token.", "Check the role ARN, then compare the trust policy's sub and aud conditions with the workflow's repository, ref and audience.");
        return make('assume_role_denied', `STS refused (${awsCode}). AWS gives this same answer for several causes: the role does not exist or the ARN has the wrong account id or name; the role's trust policy is missing or does not name Axiom's AWS account; the External ID in the trust policy's sts:ExternalId condition does not match the one Axiom sent (or the policy requires one and none was sent); or Axiom's own credentials are not allowed to call sts:AssumeRole on this role.`, "Check the role ARN, then recopy the trust policy from the onboarding screen so it names Axiom's account and your External ID exactly.");
    }
    if (awsCode === 'RegionDisabledException')
        return make('sts_region_disabled', `STS is not activated for ${attempt.region} in the account (RegionDisabledException).`, `Activate ${attempt.region} under IAM > Account settings > Security Token Service (STS) endpoints, or use a region where STS is active (such as us-east-1).`);
    if (EXPIRED.has(awsCode)) {
        if (webIdentity)
            return make('web_identity_token_expired', `the OIDC token has expired (${awsCode}).`, 'Request a fresh token (in GitHub Actions, the job needs `permissions: id-token: write`) and try again.');
        return make('source_credentials_expired', `the AWS credentials Axiom calls STS with have expired (${awsCode}), so STS refused before looking at the role.`, 'Refresh the credentials Axiom runs with (sign in again, renew the session, or re-run the step that provides them) and try again.');
    }
    if (INVALID.has(awsCode))
        return make('source_credentials_invalid', `the AWS credentials Axiom calls STS with are not valid (${awsCode}): the access key does not exist, was deactivated, or its secret is wrong.`, 'Check the credentials Axiom runs with (environment, profile, instance or container role) and try again.');
    if (awsCode === 'CredentialsProviderError')
        return make('source_credentials_missing', `no AWS credentials were found${attempt.operation === 'DefaultCredentialChain' ? '' : ' to call STS with'} (environment variables, shared config and credentials files, SSO, web identity token file, container or instance role).`, 'Give Axiom credentials of the account it runs in (for example a profile, or OIDC in GitHub Actions) and try again.');
    if (awsCode === 'InvalidIdentityToken' || awsCode === 'InvalidIdentityTokenException')
        return make('web_identity_rejected', `AWS rejected the OIDC token (${awsCode}): the account has no IAM OIDC identity provider for the token's issuer, or the token is malformed or signed by a key the provider does not trust.`, 'Create the IAM OIDC identity provider for the issuer (for GitHub: token.actions.githubusercontent.com, audience sts.amazonaws.com) and try again.');
    if (awsCode === 'IDPRejectedClaim' || awsCode === 'IDPRejectedClaimException')
        return make('web_identity_rejected', `AWS rejected a claim of the OIDC token (${awsCode}): the token's sub or aud does not match what the role's trust policy or the OIDC provider allows.`, "Make the trust policy's sub condition match this repository and ref, and the provider's audience match the token's aud.");
    if (awsCode === 'IDPCommunicationError' || awsCode === 'IDPCommunicationErrorException')
        return make('web_identity_provider_unreachable', `AWS could not reach the OIDC provider to check the token (${awsCode}).`, 'Try again; if it persists, check that the OIDC provider URL in IAM is right and reachable.');
    if (awsCode.startsWith('MalformedPolicyDocument') || awsCode.startsWith('PackedPolicyTooLarge'))
        return make('sts_policy_rejected', `STS rejected a policy document (${awsCode}). Axiom sends no session policy, so the role's policies are the likely cause.`, "Recopy the trust and permission policies from the onboarding screen and check them with the IAM console's policy validator before saving.");
    if (awsCode === 'ValidationError' &&
        /DurationSeconds|MaxSessionDuration|session limit/i.test(String(rawMessage)))
        return make('session_duration_too_long', `the session length asked for (${attempt.durationSeconds ?? 'default'} seconds) is longer than the role allows: its maximum session duration, or the 1-hour limit when a role is assumed from another role's session.`, "Set the role's maximum session duration to at least 1 hour (3600 seconds), or ask for a shorter session.");
    if (awsCode === 'ValidationError')
        return make('sts_request_invalid', 'STS rejected the request as invalid (ValidationError).', 'Check the role ARN and session settings; if they are right, this is a bug in Axiom: please report it.');
    if (NETWORK.has(awsCode))
        return make('sts_unreachable', `no answer from STS (${awsCode}).`, 'Check network access to AWS (proxies, firewalls) and the endpoint override (AWS_ENDPOINT_URL) if one is set.');
    return make('assume_role_failed', `STS answered ${awsCode}.`, 'Try again; if it persists, run `axiom verify` and share its output with support.');
}

;// CONCATENATED MODULE: ../../core/connect/assume-role.ts
/**
 * The ways Axiom obtains a Session: sts:AssumeRole with an External ID (the seeds' model),
 * sts:AssumeRoleWithWebIdentity (GitHub Actions OIDC), and the credentials Axiom itself runs with. Assumed
 * sessions last at most one hour, whatever STS reports.
 */









const systemClock = () => new Date();
/**
 * A session name STS accepts: characters outside `[\w+=,.@-]` become `-`, at most 64 characters, and the default
 * (`axiom-20250101T120000Z`) when nothing usable is left.
 */
function sanitizeSessionName(name, now) {
    const cleaned = (name ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
    if (cleaned.length >= 2)
        return cleaned;
    return `axiom-${now.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
}
function checkRoleArn(roleArn) {
    const parsed = (0,role_arn/* parseRoleArn */.DM)(roleArn);
    if (parsed.ok)
        return parsed.arn.arn;
    throw new errors/* AxiomError */.fy('invalid_role_arn', `Could not assume the role: ${parsed.error}.`, {
        hint: "Copy the ARN from the role's summary page in the IAM console.",
    });
}
function checkDuration(durationSeconds) {
    const duration = durationSeconds ?? session_duration/* MAX_SESSION_SECONDS */.C;
    if (Number.isInteger(duration) && duration >= session_duration/* MIN_SESSION_SECONDS */.O && duration <= session_duration/* MAX_SESSION_SECONDS */.C)
        return duration;
    throw new errors/* AxiomError */.fy('session_duration_invalid', `Could not assume the role: a session of ${duration} seconds was asked for, but Axiom's sessions last ${session_duration/* MIN_SESSION_SECONDS */.O} to ${session_duration/* MAX_SESSION_SECONDS */.C} seconds (15 minutes to 1 hour).`, {
        hint: `Ask for a whole number of seconds between ${session_duration/* MIN_SESSION_SECONDS */.O} and ${session_duration/* MAX_SESSION_SECONDS */.C}, or leave it out for 1 hour.`,
    });
}
function stsClient(options, credentials) {
    const settings = { region: options.region };
    if (options.endpoint !== undefined)
        settings.endpoint = options.endpoint;
    if (options.maxAttempts !== undefined)
        settings.maxAttempts = options.maxAttempts;
    if (options.callCounter !== undefined)
        settings.callCounter = options.callCounter;
    if (credentials !== undefined)
        settings.credentials = credentials;
    return createClient(dist_cjs/* STSClient */.iM, settings);
}
/** Reads STS's credentials; the lifetime is capped at the duration asked for, whatever STS says. */
function issued(credentials, assumedRoleArn, issuedAt, durationSeconds, roleArn) {
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
    if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
        throw new errors/* AxiomError */.fy('sts_response_invalid', `Could not assume ${roleArn}: STS answered without complete credentials.`, {
            hint: 'Try again; if it persists, check the endpoint override (AWS_ENDPOINT_URL) points at a real STS.',
        });
    }
    const cap = issuedAt.getTime() + durationSeconds * 1000;
    const expiresAt = new Date(Math.min(Expiration?.getTime() ?? cap, cap));
    const result = {
        identity: { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken },
        expiresAt,
    };
    if (assumedRoleArn !== undefined)
        result.assumedRoleArn = assumedRoleArn;
    return result;
}
/**
 * Assumes `roleArn` with sts:AssumeRole (and the External ID), now: a failure surfaces here as a ConnectError
 * with a plain-language message and AWS's code. The session re-assumes the role when it nears expiry.
 */
async function assumeRole(options) {
    const roleArn = checkRoleArn(options.roleArn);
    const durationSeconds = checkDuration(options.durationSeconds);
    const { externalId } = options;
    if (externalId !== undefined && !(0,external_id/* isValidStsExternalId */.H$)(externalId)) {
        throw new errors/* AxiomError */.fy('invalid_external_id', `Could not assume ${roleArn}: the External ID is not one STS accepts (2 to 1224 characters of letters, digits and _+=,.@:/-).`, { hint: 'Copy the External ID from the onboarding screen exactly.' });
    }
    const clock = options.clock ?? systemClock;
    const sessionName = sanitizeSessionName(options.sessionName, clock());
    const sts = stsClient(options, options.sourceCredentials);
    const attempt = {
        operation: 'AssumeRole',
        roleArn,
        region: options.region,
        durationSeconds,
        secrets: externalId === undefined ? [] : [externalId],
    };
    const obtain = async () => {
        const issuedAt = clock();
        try {
            const out = await sts.send(new dist_cjs/* AssumeRoleCommand */.QL({
                RoleArn: roleArn,
                RoleSessionName: sessionName,
                DurationSeconds: durationSeconds,
                ...(externalId === undefined ? {} : { ExternalId: externalId }),
            }));
            return issued(out.Credentials, out.AssumedRoleUser?.Arn, issuedAt, durationSeconds, roleArn);
        }
        catch (error) {
            throw sts_error_connectFailure(error, attempt);
        }
    };
    return new session_Session({ kind: 'assumed-role', roleArn, obtain, clock, initial: await obtain() });
}
/** The token itself, or a fresh one from the source function; a failed fetch says so instead of blaming STS. */
async function webIdentityToken(source, roleArn) {
    if (typeof source === 'string')
        return source;
    try {
        return await source();
    }
    catch (error) {
        if (error instanceof errors/* AxiomError */.fy)
            throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new errors/* AxiomError */.fy('web_identity_token_unavailable', `Could not assume ${roleArn}: fetching the OIDC token failed (${detail}).`, {
            hint: 'In GitHub Actions, give the job `permissions: id-token: write`; elsewhere, check the token source.',
            cause: error,
        });
    }
}
/**
 * Assumes `roleArn` with an OIDC token (sts:AssumeRoleWithWebIdentity, unsigned: no AWS credentials needed),
 * now. With a token function, each refresh fetches a fresh token.
 */
async function assumeRoleWithWebIdentity(options) {
    const roleArn = checkRoleArn(options.roleArn);
    const durationSeconds = checkDuration(options.durationSeconds);
    const clock = options.clock ?? systemClock;
    const sessionName = sanitizeSessionName(options.sessionName, clock());
    const sts = stsClient(options);
    const source = options.webIdentityToken;
    const obtain = async () => {
        const issuedAt = clock();
        const token = await webIdentityToken(source, roleArn);
        const attempt = {
            operation: 'AssumeRoleWithWebIdentity',
            roleArn,
            region: options.region,
            durationSeconds,
            secrets: [token],
        };
        try {
            const out = await sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                RoleArn: roleArn,
                RoleSessionName: sessionName,
                WebIdentityToken: token,
                DurationSeconds: durationSeconds,
            }));
            return issued(out.Credentials, out.AssumedRoleUser?.Arn, issuedAt, durationSeconds, roleArn);
        }
        catch (error) {
            throw sts_error_connectFailure(error, attempt);
        }
    };
    return new session_Session({ kind: 'web-identity', roleArn, obtain, clock, initial: await obtain() });
}
/**
 * The credentials Axiom itself runs with (the SDK's default chain: environment, profile, SSO, web identity
 * token file, container or instance role). Lazy: nothing is read or requested until the first use.
 */
function ambientSession(options) {
    const clientConfig = { region: options.region };
    if (options.endpoint !== undefined)
        clientConfig.endpoint = options.endpoint;
    const chain = options.chain ?? fromNodeProviderChain({ clientConfig });
    const attempt = {
        operation: 'DefaultCredentialChain',
        region: options.region,
        secrets: [],
    };
    const obtain = async () => {
        try {
            const { expiration, ...identity } = await chain();
            return { identity, expiresAt: expiration };
        }
        catch (error) {
            throw connectFailure(error, attempt);
        }
    };
    return new Session({ kind: 'ambient', obtain, clock: options.clock ?? systemClock });
}

// EXTERNAL MODULE: ../../core/connect/region-name.ts
var region_name = __webpack_require__(8175);
// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var client_ec2_dist_cjs = __webpack_require__(1637);
;// CONCATENATED MODULE: ../../core/scan/enabled-regions.ts


/** Where each partition's global services (IAM, S3's bucket list, Cost Explorer) and region listing are called. */
const HOME_REGIONS = {
    aws: 'us-east-1',
    'aws-cn': 'cn-north-1',
    'aws-us-gov': 'us-gov-west-1',
};
/** The home region of `partition` (us-east-1 for an unknown one). */
function homeRegionOf(partition) {
    return HOME_REGIONS[partition ?? 'aws'] ?? 'us-east-1';
}
/**
 * The regions enabled in the account (`--regions all`), sorted: one ec2:DescribeRegions call, which without
 * `AllRegions` lists only regions the account can use, so opted-out regions cost no calls at all. Throws what
 * the SDK throws; the engine turns it into coverage.
 */
async function listEnabledRegions(settings, signal) {
    const ec2 = createClient(client_ec2_dist_cjs/* EC2Client */.gu5, settings);
    try {
        const output = await ec2.send(new client_ec2_dist_cjs/* DescribeRegionsCommand */.cAn({}), signal ? { abortSignal: signal } : {});
        return (output.Regions ?? [])
            .filter((region) => region.OptInStatus !== 'not-opted-in')
            .flatMap((region) => (region.RegionName ? [region.RegionName] : []))
            .sort();
    }
    finally {
        ec2.destroy();
    }
}

;// CONCATENATED MODULE: ../retry.ts
/** Retries with "full jitter" exponential backoff: each wait is random up to base x 2^n, capped. */
/** Runs `task` until it succeeds, fails for good, or the attempts run out (then its last error is thrown). */
async function retryWithJitter(task, options) {
    for (let attempt = 1;; attempt++) {
        try {
            return await task(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.isRetryable(error))
                throw error;
            const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
            const wait = Math.floor(options.random() * cap);
            options.onRetry?.(error, attempt, wait);
            await options.sleep(wait);
        }
    }
}

;// CONCATENATED MODULE: ../oidc.ts
/**
 * GitHub OIDC into AWS: a token from the runner (`core.getIDToken(audience)`), exchanged with
 * sts:AssumeRoleWithWebIdentity, retried with jittered backoff when the failure is one that passes (GitHub's
 * token service or AWS's fetch of GitHub's keys having a bad moment). Tokens and credentials are masked the
 * moment they exist, and live only in memory.
 */


/** The permission block a job needs for OIDC, as the messages quote it. */
const ID_TOKEN_PERMISSION = 'permissions: id-token: write';
/** How long one token is reused across many accounts before a fresh one is asked for. */
const TOKEN_REUSE_MS = 60_000;
/** Failures worth another attempt: network, GitHub's token service, AWS reaching GitHub's keys, an expired token. */
const RETRYABLE_CODES = new Set([
    'web_identity_token_unavailable',
    'web_identity_token_expired',
    'web_identity_provider_unreachable',
    'sts_unreachable',
]);
/** AWS codes that pass: InvalidIdentityToken is also what AWS says when it briefly cannot fetch GitHub's keys. */
const RETRYABLE_AWS_CODES = new Set([
    'InvalidIdentityToken',
    'InvalidIdentityTokenException',
    'IDPCommunicationError',
    'IDPCommunicationErrorException',
    'Throttling',
    'ThrottlingException',
    'ServiceUnavailable',
    'InternalFailure',
]);
/** True for an OIDC or STS failure that may pass on another attempt. */
function isTransientAssumeFailure(error) {
    if (!(error instanceof errors/* AxiomError */.fy))
        return false;
    if (RETRYABLE_CODES.has(error.code))
        return true;
    const awsCode = error.awsCode;
    return typeof awsCode === 'string' && RETRYABLE_AWS_CODES.has(awsCode);
}
/** The error for a job without `permissions: id-token: write`. */
function oidcUnavailableError(roleArn) {
    return new errors/* AxiomError */.fy('oidc_unavailable', `Could not assume ${roleArn} with GitHub OIDC: this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set), because the workflow does not grant \`${ID_TOKEN_PERMISSION}\`.`, {
        hint: 'Add to the job (or the workflow): `permissions:` with `id-token: write` and `contents: read`. Pull requests from forks never get a token; Axiom then skips the live scan.',
    });
}
/** A token source for `options.audience`; see GithubTokenSource. */
function githubTokenSource(options) {
    let cached;
    return {
        async token() {
            if (!options.available)
                throw oidcUnavailableError(options.roleArn);
            const now = options.now();
            if (cached && now - cached.at < TOKEN_REUSE_MS)
                return cached.token;
            let token;
            try {
                token = await options.toolkit.getIDToken(options.audience);
            }
            catch (cause) {
                const detail = (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ').trim();
                throw new errors/* AxiomError */.fy('web_identity_token_unavailable', `Could not get a GitHub OIDC token for audience '${options.audience}' to assume ${options.roleArn}: ${detail}`, {
                    hint: `Check that the job has \`${ID_TOKEN_PERMISSION}\`; if it has, GitHub's token service may be having trouble: re-run the job.`,
                    cause,
                });
            }
            options.toolkit.setSecret(token);
            cached = { token, at: now };
            return token;
        },
        invalidate() {
            cached = undefined;
        },
    };
}
/** Assumes the role with sts:AssumeRoleWithWebIdentity, retrying transient failures with jittered backoff. */
function assumeRoleWithGithubOidc(options) {
    const { tokens, attempts, sleep, random, onRetry, ...webIdentity } = options;
    return retryWithJitter(() => assumeRoleWithWebIdentity({ ...webIdentity, webIdentityToken: () => tokens.token() }), {
        attempts: attempts ?? 5,
        baseMs: 1_000,
        maxMs: 10_000,
        sleep,
        random,
        isRetryable: isTransientAssumeFailure,
        onRetry(error, attempt, waitMs) {
            // An expired or rejected token is not asked for again from the cache.
            tokens.invalidate();
            const reason = error instanceof Error ? error.message : String(error);
            onRetry?.(`Attempt ${attempt} to assume ${options.roleArn} failed, retrying in ${waitMs} ms: ${reason}`);
        },
    });
}

;// CONCATENATED MODULE: ../aws-access.ts
/**
 * How the Action reaches the accounts it scans. `role-to-assume` alone: that role, by GitHub OIDC (or with
 * `external-id`, by sts:AssumeRole from the runner's credentials), and its account is scanned. With `targets`:
 * `role-to-assume` is a hub and each target is assumed from it (with the target's External ID when it has one);
 * without a hub, each target is assumed directly with the OIDC token, or from the runner's credentials when it
 * has an External ID. The hub is assumed before the scan, so a broken trust policy fails the step with its
 * diagnosis; a target that cannot be reached becomes a coverage gap of the report.
 */


/** The STS region for a role: the environment's region when it is in the role's partition, else the partition's home. */
function stsRegionFor(roleArn, environmentRegion) {
    const parsed = (0,role_arn/* parseRoleArn */.DM)(roleArn);
    const partition = parsed.ok ? parsed.arn.partition : 'aws';
    if (environmentRegion && (0,region_name/* partitionOfRegion */.cn)(environmentRegion) === partition)
        return environmentRegion;
    return homeRegionOf(partition);
}
/** The target for a single role: its account, named like the target list names entries. */
function targetOfRole(roleArn) {
    const parsed = (0,role_arn/* parseRoleArn */.DM)(roleArn);
    if (!parsed.ok)
        throw new errors/* AxiomError */.fy('invalid_role_arn', `Could not use the role ${roleArn}: ${parsed.error}`);
    const { accountId, roleName, partition, arn } = parsed.arn;
    return { accountId, name: `${accountId}-${roleName}`, partition, roleArn: arn };
}
/** A session whose credentials are masked in the log the first time each is handed out. */
function maskedSession(session, setSecret) {
    const masked = new Set();
    const credentials = Object.assign(async () => {
        const identity = await session.credentials();
        for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken]) {
            if (value && !masked.has(value)) {
                masked.add(value);
                setSecret(value);
            }
        }
        return identity;
    }, { memoized: true });
    return { credentials, drop: () => session.drop() };
}
/** Assumes the hub (when there is one) and returns how to reach each target; see the module comment. */
async function prepareScanAccess(options) {
    const { inputs, aws, toolkit } = options;
    const sessionName = inputs.roleSessionName ?? options.defaultSessionName;
    const common = (roleArn) => ({
        region: stsRegionFor(roleArn, aws.region),
        sessionName,
        clock: options.clock,
        ...(inputs.roleDurationSeconds === undefined ? {} : { durationSeconds: inputs.roleDurationSeconds }),
        ...(aws.endpoint === undefined ? {} : { endpoint: aws.endpoint }),
        ...(aws.maxAttempts === undefined ? {} : { maxAttempts: aws.maxAttempts }),
    });
    const viaOidc = (roleArn) => {
        if (!options.oidcAvailable)
            throw oidcUnavailableError(roleArn);
        return assumeRoleWithGithubOidc({
            ...common(roleArn),
            roleArn,
            tokens: githubTokenSource({
                audience: inputs.audience,
                available: options.oidcAvailable,
                roleArn,
                toolkit,
                now: () => options.clock().getTime(),
            }),
            sleep: options.sleep,
            random: options.random,
            onRetry: (message) => toolkit.info(message),
        });
    };
    const viaAssumeRole = (roleArn, externalId, source) => assumeRole({
        ...common(roleArn),
        roleArn,
        ...(externalId === undefined ? {} : { externalId }),
        ...(source
            ? { sourceCredentials: source.credentials }
            : aws.credentials
                ? { sourceCredentials: aws.credentials }
                : {}),
    });
    if (inputs.externalId !== undefined)
        toolkit.setSecret(inputs.externalId);
    for (const target of options.targets ?? [])
        if (target.externalId !== undefined)
            toolkit.setSecret(target.externalId);
    const hubArn = inputs.roleToAssume;
    if (options.targets === undefined) {
        if (hubArn === undefined)
            throw new errors/* AxiomError */.fy('scan_without_role', 'Could not start the live scan: no role to assume.', {
                hint: 'Set role-to-assume (the role GitHub OIDC assumes) or targets (the accounts to scan).',
            });
        const hub = inputs.externalId === undefined
            ? await viaOidc(hubArn)
            : await viaAssumeRole(hubArn, inputs.externalId, undefined);
        const masked = maskedSession(hub, toolkit.setSecret);
        // Fetch once now, so the credentials are masked before anything could print them.
        await masked.credentials();
        return { targets: [targetOfRole(hubArn)], connect: async () => masked, dropAll: () => hub.drop() };
    }
    const targets = [...options.targets];
    let hub;
    if (hubArn !== undefined) {
        hub =
            inputs.externalId === undefined
                ? await viaOidc(hubArn)
                : await viaAssumeRole(hubArn, inputs.externalId, undefined);
        await maskedSession(hub, toolkit.setSecret).credentials();
    }
    else if (!options.oidcAvailable) {
        const needsOidc = targets.find((target) => target.externalId === undefined);
        if (needsOidc)
            throw oidcUnavailableError(needsOidc.roleArn);
    }
    const hubSession = hub;
    return {
        targets,
        async connect(target) {
            const session = hubSession !== undefined || target.externalId !== undefined
                ? await viaAssumeRole(target.roleArn, target.externalId, hubSession)
                : await viaOidc(target.roleArn);
            return maskedSession(session, toolkit.setSecret);
        },
        dropAll: () => hubSession?.drop(),
    };
}

;// CONCATENATED MODULE: ../../core/scan/concurrency-limit.ts
/** A limit of `max` tasks in flight (a whole number of at least 1). */
function createConcurrencyLimit(max) {
    let active = 0;
    // Kept sorted: highest priority first, first come first within a priority.
    const waiting = [];
    async function acquire(priority) {
        if (active < max) {
            active += 1;
            return;
        }
        // The releasing task hands its slot straight to the first waiter, so a newcomer cannot jump the queue
        // (except by a higher priority).
        await new Promise((start) => {
            let at = waiting.length;
            while (at > 0 && (waiting[at - 1]?.priority ?? priority) < priority)
                at -= 1;
            waiting.splice(at, 0, { priority, start });
        });
    }
    function release() {
        const next = waiting.shift();
        if (next)
            next.start();
        else
            active -= 1;
    }
    return {
        async run(task, priority = 0) {
            await acquire(priority);
            try {
                return await task();
            }
            finally {
                release();
            }
        },
    };
}

// EXTERNAL MODULE: ../../core/scan/inventory.ts
var inventory = __webpack_require__(1682);
;// CONCATENATED MODULE: ../../core/scan/plan.ts
/**
 * Planning: a scan of accounts x regions x services becomes units, each one collector run in one scope (an
 * account for global collectors, an account and region for regional ones). Units are what the engine bounds
 * concurrency over, gives deadlines to and reports progress on.
 */


/** The region of a global unit, as coverage entries name it. */
const GLOBAL_REGION = 'global';
/**
 * Collectors that read what others collected in the same account and region, and so run after them: CloudWatch
 * asks for the metrics of the instances, load balancers and databases found there.
 */
const RUNS_AFTER = {
    cloudwatch: ['ec2', 'elbv2', 'rds'],
};
/**
 * The order units are started in within an account (the plan itself keeps SCAN_SERVICES order), service by
 * service across all regions, since which regions hold resources is unknown until they are read. Longest first:
 * S3 (nine calls per bucket), then the tagging API (one page of 100 resources after another: the longest chain of
 * round trips in a populated region), then CloudWatch's inputs (EC2, ELBv2, RDS), log groups, and CloudWatch,
 * which waits for its inputs and then goes ahead of units still waiting for a slot (scan-account.ts). In plan
 * order, regions went one by one alphabetically, so us-east-1, often the busiest, started last and its
 * rate-limited and paginated units made the scan's tail (bench:scan).
 */
const START_ORDER = [
    's3',
    'iam',
    'tagging',
    'ec2',
    'elbv2',
    'rds',
    'logs',
    'cloudwatch',
    'ce',
];
/** Position of each service in SCAN_SERVICES: units are planned in that order. */
const ORDER = new Map(inventory/* SCAN_SERVICES */.F.map((service, index) => [service, index]));
/** The unit id of `service` in `region` of `accountId`. */
function unitId(accountId, region, service) {
    return `${accountId}/${region}/${service}`;
}
/** The selected collectors, one per service, in planning order. */
function selectCollectors(collectors, services) {
    const seen = new Set();
    for (const collector of collectors) {
        if (seen.has(collector.service))
            throw new errors/* AxiomError */.fy('duplicate_collector', `Could not plan the scan: two collectors are registered for '${collector.service}'.`, { hint: 'This is a bug in Axiom: list each collector once.' });
        seen.add(collector.service);
    }
    const wanted = services === undefined ? undefined : new Set(services);
    return collectors
        .filter((collector) => wanted === undefined || wanted.has(collector.service))
        .sort((a, b) => (ORDER.get(a.service) ?? 0) - (ORDER.get(b.service) ?? 0));
}
/** The regions of a target: its own, else the scan's; each once, in order. */
function regionsOf(target, regions) {
    return [...new Set(target.regions ?? regions)];
}
/**
 * Plans the units: per account, one unit per global collector, then per region one per regional collector,
 * with CloudWatch after EC2, ELBv2 and RDS of its region. Throws an AxiomError when an account is listed twice
 * or a service has two collectors (a caller's bug, not an AWS failure).
 */
function planScan(options) {
    const collectors = selectCollectors(options.collectors, options.services);
    const accounts = new Set();
    const units = [];
    for (const target of options.targets) {
        if (accounts.has(target.accountId))
            throw new errors/* AxiomError */.fy('duplicate_scan_target', `Could not plan the scan: account ${target.accountId} is listed twice.`, { hint: 'List each account once in the targets.' });
        accounts.add(target.accountId);
        for (const collector of collectors) {
            if (collector.scope !== 'global')
                continue;
            units.push(unit(target.accountId, GLOBAL_REGION, collector, []));
        }
        const regional = collectors.filter((collector) => collector.scope === 'regional');
        const present = new Set(regional.map((collector) => collector.service));
        for (const region of regionsOf(target, options.regions)) {
            for (const collector of regional) {
                const after = (RUNS_AFTER[collector.service] ?? [])
                    .filter((service) => present.has(service))
                    .map((service) => unitId(target.accountId, region, service));
                units.push(unit(target.accountId, region, collector, after));
            }
        }
    }
    return units;
}
function unit(accountId, region, collector, after) {
    return {
        id: unitId(accountId, region, collector.service),
        accountId,
        region,
        service: collector.service,
        collector,
        after,
    };
}

;// CONCATENATED MODULE: ../../core/scan/rate-limits.ts
/**
 * The scan's request rates, in one table: a token bucket per account, region (or account alone, for APIs AWS
 * throttles account-wide) and API family. AWS throttles with token buckets of its own, and the customer's
 * automation draws from the same buckets, so Axiom stays well under them: a throttled customer deployment is
 * worse than a slower scan. Every figure can be overridden per scan.
 */

/** The defaults, each well under what AWS allows. */
const DEFAULT_RATE_LIMITS = {
    // AWS refills EC2's bucket of non-mutating actions (Describe*) at 20/s per account and region (100 burst).
    ec2: { perSecond: 10, burst: 20, scope: 'region' },
    // AWS: Describe* bucket of 40, refilled at 10/s per account and region; Axiom takes half of each. A burst of 20
    // covers a region's list pages plus one DescribeTargetHealth per target group for a few dozen groups, which at
    // burst 10 waited out a rate-limited tail at the end of every populated region (bench:scan).
    elbv2: { perSecond: 5, burst: 20, scope: 'region' },
    rds: { perSecond: 5, burst: 10, scope: 'region' },
    // IAM is one global endpoint per account, with lower limits than the regional services.
    iam: { perSecond: 5, burst: 10, scope: 'account' },
    // Bucket-level GETs: S3 throttles per bucket prefix (5,500 GETs/s each) and a scan reads each bucket 9 times (at
    // most 9 calls in flight per bucket), so this cap is politeness, not protection. At 50/s it was the whole scan
    // time (bench:scan, 300 buckets: 2,700 reads, 17 s of a 17 s scan); at 500/s per region (burst 500) a region
    // holding 100 buckets (900 reads) still had to wait 0.8 s for tokens, which stretched the S3 unit, the scan's
    // longest, to the end of the scan. 1,000/s per region is under a fifth of what one bucket accepts.
    s3: { perSecond: 1000, burst: 1000, scope: 'region' },
    's3-control': { perSecond: 5, burst: 5, scope: 'region' },
    // GetMetricData: AWS allows 50/s per account and region; each call carries up to 500 queries.
    cloudwatch: { perSecond: 10, burst: 10, scope: 'region' },
    // DescribeLogGroups: AWS allows 10/s per account and region.
    logs: { perSecond: 5, burst: 5, scope: 'region' },
    // Cost Explorer has one endpoint and bills every request: never more than one a second.
    ce: { perSecond: 1, burst: 1, scope: 'account' },
    // GetResources: AWS publishes no figure (bench:scan assumes 10/s, burst 20). Its pages of 100 are read one after
    // another, so the burst is what a region's chain of pages meets: 10 covers 1,000 tagged resources per region
    // without waiting, where burst 5 added a second-long tail per populated region.
    tagging: { perSecond: 5, burst: 10, scope: 'region' },
    sts: { perSecond: 5, burst: 5, scope: 'region' },
    other: { perSecond: 5, burst: 5, scope: 'region' },
};
/** SDK client name (without `Client`) to the family its operations belong to. */
const FAMILY_OF_CLIENT = {
    EC2: 'ec2',
    ElasticLoadBalancingV2: 'elbv2',
    RDS: 'rds',
    IAM: 'iam',
    S3: 's3',
    S3Control: 's3-control',
    CloudWatch: 'cloudwatch',
    CloudWatchLogs: 'logs',
    CostExplorer: 'ce',
    ResourceGroupsTaggingAPI: 'tagging',
    STS: 'sts',
};
/** The family of an operation named as the client factory names it, e.g. 'EC2:DescribeInstances' -> 'ec2'. */
function apiFamilyOf(operation) {
    const client = operation.slice(0, operation.indexOf(':'));
    return FAMILY_OF_CLIENT[client] ?? 'other';
}
/** The defaults with `overrides` applied; throws an AxiomError for a rate or burst that is not positive. */
function resolveRateLimits(overrides = {}) {
    const limits = { ...DEFAULT_RATE_LIMITS };
    for (const [family, override] of Object.entries(overrides)) {
        const base = DEFAULT_RATE_LIMITS[family];
        if (base === undefined)
            throw new errors/* AxiomError */.fy('invalid_rate_limit', `Could not set the rate limit of '${family}': no such API family.`, {
                hint: `Use one of ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}.`,
            });
        const limit = { ...base, ...override };
        if (!(limit.perSecond > 0 && Number.isFinite(limit.perSecond)) ||
            !(limit.burst >= 1 && Number.isFinite(limit.burst)))
            throw new errors/* AxiomError */.fy('invalid_rate_limit', `Could not set the rate limit of '${family}': perSecond must be above 0 and burst at least 1 (got ${limit.perSecond}/s, burst ${limit.burst}).`, { hint: 'Fix the rate limit override.' });
        limits[family] = limit;
    }
    return limits;
}

;// CONCATENATED MODULE: ../../core/scan/token-bucket.ts
/**
 * A token bucket that hands out reservations: each call takes a token now, and when the bucket is empty the
 * balance goes negative and the caller is told how long to wait for its token. Waiters are therefore served in
 * the order they asked, with no polling and no thundering herd when tokens come back.
 */
class TokenBucket {
    #perMs;
    #burst;
    #tokens;
    #updatedAt;
    /** A full bucket at time `nowMs`. */
    constructor(limit, nowMs) {
        this.#perMs = limit.perSecond / 1000;
        this.#burst = limit.burst;
        this.#tokens = limit.burst;
        this.#updatedAt = nowMs;
    }
    /** Tokens available at `nowMs` (negative while reservations wait). */
    available(nowMs) {
        this.#refill(nowMs);
        return this.#tokens;
    }
    /** Takes one token; returns the milliseconds to wait before using it (0 when one was there). */
    reserve(nowMs) {
        this.#refill(nowMs);
        this.#tokens -= 1;
        return this.#tokens >= 0 ? 0 : -this.#tokens / this.#perMs;
    }
    /** Returns a reserved token that will not be used (its caller gave up waiting). */
    release() {
        this.#tokens = Math.min(this.#burst, this.#tokens + 1);
    }
    #refill(nowMs) {
        // A clock that steps back must not mint tokens (or take them away).
        if (nowMs <= this.#updatedAt)
            return;
        this.#tokens = Math.min(this.#burst, this.#tokens + (nowMs - this.#updatedAt) * this.#perMs);
        this.#updatedAt = nowMs;
    }
}

;// CONCATENATED MODULE: ../../core/scan/rate-limiter.ts


/**
 * The scan's rate limiter: one token bucket per account, region (unless the family is account-wide) and API
 * family, created on first use. `take` is what the client factory's `beforeSend` hook awaits.
 */
class RateLimiter {
    #options;
    #buckets = new Map();
    constructor(options) {
        this.#options = options;
    }
    /** The bucket a call draws from: `account/region/family`, with region `*` for account-wide families. */
    bucketOf(key) {
        const family = apiFamilyOf(key.operation);
        const scope = this.#options.limits[family].scope === 'account' ? '*' : key.region;
        return `${key.accountId}/${scope}/${family}`;
    }
    /**
     * Waits until the call may go. Rejects with the signal's reason when it aborts first (at once if it already
     * has), and then gives the token back.
     */
    async take(key, signal) {
        signal?.throwIfAborted();
        const name = this.bucketOf(key);
        const now = this.#options.clock().getTime();
        let bucket = this.#buckets.get(name);
        if (bucket === undefined) {
            bucket = new TokenBucket(this.#options.limits[apiFamilyOf(key.operation)], now);
            this.#buckets.set(name, bucket);
        }
        const wait = bucket.reserve(now);
        if (wait <= 0)
            return;
        try {
            await this.#options.sleep(wait, signal);
        }
        catch (error) {
            bucket.release();
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ../../core/aws/aws-error.ts
const DENIED = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'AuthorizationError',
    'AllAccessDisabled',
    'Forbidden',
]);
const UNIMPLEMENTED = new Set([
    'NotImplemented',
    'InvalidAction',
    'UnknownOperationException',
    'UnsupportedOperation',
    'UnsupportedOperationException',
    'OptInRequired',
]);
const THROTTLED = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'SlowDown',
    'RequestThrottled',
    'RequestThrottledException',
    'LimitExceededException',
]);
const CREDENTIALS = new Set([
    'ExpiredToken',
    'ExpiredTokenException',
    'RequestExpired',
    'InvalidClientTokenId',
    'IncompleteSignature',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId',
    'CredentialsProviderError',
    'AuthFailure',
    'MissingAuthenticationToken',
]);
const aws_error_NETWORK = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'ETIMEDOUT',
    'ECONNRESET',
    'EAI_AGAIN',
    'TimeoutError',
]);
function denialSource(message) {
    const lower = message.toLowerCase();
    // AWS names the policy type that denied: "... with an explicit deny in a <type>" or "because no <type> allows".
    if (lower.includes('service control policy'))
        return 'service-control-policy';
    if (lower.includes('resource control policy'))
        return 'resource-control-policy';
    if (lower.includes('vpc endpoint policy'))
        return 'vpc-endpoint-policy';
    if (lower.includes('permissions boundary'))
        return 'permissions-boundary';
    if (lower.includes('session policy'))
        return 'session-policy';
    if (lower.includes('resource-based policy'))
        return 'resource-policy';
    if (lower.includes('explicit deny'))
        return 'explicit-deny';
    return 'missing-permission';
}
function aws_error_field(error, name) {
    try {
        return error[name];
    }
    catch {
        // A getter that throws (a proxy, a half-built error) must not turn classification into a second failure.
        return undefined;
    }
}
/** Classifies an error thrown by an AWS SDK v3 call (or anything else) without ever throwing. */
function classifyAwsError(error) {
    if (typeof error !== 'object' || error === null)
        return { kind: 'error', code: 'Unknown', message: String(error) };
    const metadata = aws_error_field(error, '$metadata');
    const httpStatus = typeof metadata === 'object' && metadata !== null ? aws_error_field(metadata, 'httpStatusCode') : undefined;
    const rawCode = aws_error_field(error, 'Code') ?? aws_error_field(error, 'code') ?? aws_error_field(error, 'name');
    const code = typeof rawCode === 'string' && rawCode !== '' ? rawCode : 'Unknown';
    const rawMessage = aws_error_field(error, 'message');
    const message = typeof rawMessage === 'string' ? rawMessage : '';
    const base = typeof httpStatus === 'number' ? { code, message, httpStatus } : { code, message };
    if (DENIED.has(code) || (httpStatus === 403 && !CREDENTIALS.has(code)))
        return { ...base, kind: 'denied', denialSource: denialSource(message) };
    if (UNIMPLEMENTED.has(code) || httpStatus === 501)
        return { ...base, kind: 'unimplemented' };
    if (THROTTLED.has(code) || httpStatus === 429)
        return { ...base, kind: 'throttled' };
    if (CREDENTIALS.has(code))
        return { ...base, kind: 'credentials' };
    if (aws_error_NETWORK.has(code) || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up/.test(message))
        return { ...base, kind: 'network' };
    // NoSuchEntity, NoSuchBucket, DBInstanceNotFound(Fault), InvalidInstanceID.NotFound, ResourceNotFoundException.
    if (/^NoSuch|NotFound(Exception|Fault)?$|^NotFound/.test(code) || httpStatus === 404)
        return { ...base, kind: 'not-found' };
    return { ...base, kind: 'error' };
}

;// CONCATENATED MODULE: ../../core/connect/diagnosis.ts


/**
 * AWS's own words inside a ConnectError message (`... AWS said: "..."`), where the External ID and tokens have
 * already been redacted. The raw SDK error in `cause` still holds them, so its message is never used.
 */
function redactedAwsText(message) {
    if (typeof message !== 'string')
        return '';
    return / (?:AWS said|Details): "([\s\S]*)"$/.exec(message)?.[1] ?? '';
}
/** The AWS error code carried by an error, whether raw from the SDK or wrapped in an AxiomError. */
function awsCodeOf(error) {
    if (typeof error === 'object' && error !== null) {
        const wrapped = error;
        if (typeof wrapped.awsCode === 'string') {
            const message = redactedAwsText(wrapped.message);
            const fromCause = wrapped.cause === undefined ? undefined : classifyAwsError(wrapped.cause);
            if (fromCause && fromCause.code === wrapped.awsCode)
                return { ...fromCause, message };
            return { ...classifyAwsError({ name: wrapped.awsCode, message }), code: wrapped.awsCode };
        }
        if (wrapped.cause !== undefined && !('$metadata' in error))
            return classifyAwsError(wrapped.cause);
    }
    return classifyAwsError(error);
}
/** Diagnoses a failure to obtain credentials for the role (sts:AssumeRole or AssumeRoleWithWebIdentity). */
function diagnoseAssumeFailure(error, roleArn) {
    // Refused before any call (an External ID STS would reject, a bad duration): Axiom's own words say it best.
    if ((0,errors/* isAxiomError */.tl)(error) && !('awsCode' in error))
        return {
            code: 'assume-failed',
            level: 'blocker',
            title: `Axiom could not assume ${roleArn}`,
            explanation: error.message,
            fix: error.hint ?? 'Check the connection settings and try again.',
        };
    const failure = awsCodeOf(error);
    const said = failure.message ? ` AWS said: "${failure.message}"` : '';
    switch (failure.code) {
        case 'InvalidExternalId':
            return {
                code: 'external-id-mismatch',
                level: 'blocker',
                title: 'The External ID does not match the trust policy',
                explanation: `The sts:ExternalId condition in the role's trust policy differs from the External ID Axiom sent.${said}`,
                fix: 'Re-paste the External ID from the onboarding screen (or `axiom onboard --format trust`) into the trust policy exactly.',
            };
        case 'MalformedPolicyDocument':
        case 'MalformedPolicyDocumentException':
            return {
                code: 'malformed-policy',
                level: 'blocker',
                title: 'A policy document is malformed',
                explanation: `AWS rejected a policy document as invalid JSON or invalid IAM grammar.${said}`,
                fix: "Recopy the trust and permission policies from `axiom onboard` and validate them with the IAM console's policy editor before saving.",
            };
        case 'RegionDisabledException':
            return {
                code: 'sts-region-disabled',
                level: 'blocker',
                title: 'STS is not activated in this region',
                explanation: `The account has the regional STS endpoint deactivated for the region Axiom called.${said}`,
                fix: 'Activate the region under IAM > Account settings > Security Token Service (STS) endpoints, or scan from an enabled region (e.g. --regions us-east-1).',
            };
        case 'InvalidIdentityToken':
        case 'IDPRejectedClaim':
        case 'IDPCommunicationError':
            return {
                code: 'oidc-rejected',
                level: 'blocker',
                title: 'AWS rejected the GitHub OIDC token',
                explanation: `The OIDC provider token.actions.githubusercontent.com is missing from the account, or the token's aud/sub claims do not match the role's trust policy.${said}`,
                fix: "Create the OIDC provider (audience sts.amazonaws.com) and make the trust policy's sub condition match this repository and ref: `axiom onboard --format trust --github-repo OWNER/REPO`.",
            };
        case 'ValidationError':
            if (/DurationSeconds|MaxSessionDuration/i.test(failure.message))
                return {
                    code: 'duration-too-long',
                    level: 'blocker',
                    title: "The session duration exceeds the role's maximum",
                    explanation: `Axiom asked for a session longer than the role's MaxSessionDuration.${said}`,
                    fix: "Set the role's maximum session duration to 1 hour (3600 s), or ask for a shorter session.",
                };
            break;
    }
    if (failure.kind === 'credentials')
        return {
            code: 'caller-credentials',
            level: 'blocker',
            title: "Axiom's own AWS credentials are missing, expired or invalid",
            explanation: `The call to STS was refused before the role was considered: the credentials Axiom runs with are not valid.${said}`,
            fix: 'Refresh the credentials Axiom runs with (environment, profile, instance role or OIDC) and try again.',
        };
    if (failure.kind === 'network')
        return {
            code: 'endpoint-unreachable',
            level: 'blocker',
            title: 'The AWS endpoint could not be reached',
            explanation: `No answer from STS.${said}`,
            fix: 'Check network access to AWS, proxies, and AWS_ENDPOINT_URL if you set it.',
        };
    if (failure.kind === 'denied')
        return {
            code: 'assume-denied',
            level: 'blocker',
            title: `Axiom could not assume ${roleArn}`,
            explanation: `AWS refused sts:AssumeRole. AWS gives the same answer when the role does not exist, when its trust policy is missing or names a different account than Axiom's, and when the External ID in the trust policy's sts:ExternalId condition differs from the one Axiom sent.${said}`,
            fix: 'Check the role ARN (account id and role name), then recopy the trust policy from the onboarding screen (`axiom onboard --format trust`) so it names the right scanner account and External ID.',
        };
    return {
        code: 'assume-failed',
        level: 'blocker',
        title: `Assuming ${roleArn} failed`,
        explanation: `STS answered ${failure.code}.${said}`,
        fix: 'Try again; if it persists, run `axiom verify` with --format json and share the output with support.',
    };
}
/**
 * Diagnoses a failed sts:GetCallerIdentity made with the role's fresh credentials: the role was assumed, so
 * the trust policy is fine; what is left is the network or credentials that the answering endpoint rejects.
 */
function diagnoseIdentityFailure(error) {
    const failure = awsCodeOf(error);
    const said = failure.message ? ` AWS said: "${failure.message}"` : '';
    if (failure.kind === 'network')
        return {
            code: 'endpoint-unreachable',
            level: 'blocker',
            title: 'The AWS endpoint could not be reached',
            explanation: `The role was assumed, but sts:GetCallerIdentity got no answer.${said}`,
            fix: 'Check network access to AWS, proxies, and AWS_ENDPOINT_URL if you set it.',
        };
    return {
        code: 'identity-check-failed',
        level: 'blocker',
        title: 'The role was assumed, but its credentials were refused',
        explanation: `sts:GetCallerIdentity with the role's temporary credentials failed (${failure.code}). The usual causes are a system clock far off, or AWS_ENDPOINT_URL pointing at a different endpoint than the one that issued the credentials.${said}`,
        fix: "Check the machine's clock and AWS_ENDPOINT_URL, then run verify again.",
    };
}
/** Diagnoses a failed service probe: a permission gap, an SCP, a boundary, or an endpoint without the API. */
function diagnoseProbeFailure(action, failure) {
    const said = failure.message ? ` AWS said: "${failure.message}"` : '';
    if (failure.kind === 'denied') {
        switch (failure.denialSource) {
            case 'service-control-policy':
                return {
                    code: 'scp-denied',
                    level: 'warning',
                    title: `${action} is blocked by a service control policy`,
                    explanation: `An AWS Organizations SCP denies ${action} in this account; scans will report what it hides as a coverage gap.${said}`,
                    fix: `Ask your AWS Organizations administrator to allow ${action} for this role, or accept the gap.`,
                };
            case 'resource-control-policy':
                return {
                    code: 'rcp-denied',
                    level: 'warning',
                    title: `${action} is blocked by a resource control policy`,
                    explanation: `An AWS Organizations resource control policy (RCP) denies ${action} on this account's resources; scans will report what it hides as a coverage gap.${said}`,
                    fix: `Ask your AWS Organizations administrator to exempt this role from the RCP for ${action}, or accept the gap.`,
                };
            case 'vpc-endpoint-policy':
                return {
                    code: 'vpc-endpoint-denied',
                    level: 'warning',
                    title: `${action} is blocked by a VPC endpoint policy`,
                    explanation: `Axiom's request went through a VPC endpoint whose policy does not allow ${action}.${said}`,
                    fix: `Allow ${action} in the VPC endpoint policy, or run Axiom where its calls do not pass through that endpoint.`,
                };
            case 'explicit-deny':
                return {
                    code: 'explicit-deny',
                    level: 'warning',
                    title: `${action} is denied by a Deny statement in the role's policies`,
                    explanation: `A policy attached to the role has a Deny statement covering ${action}; a Deny wins over any Allow, so attaching more permissions will not help.${said}`,
                    fix: `Remove ${action} from the Deny statement (the Axiom permission policy needs no Deny statements).`,
                };
            case 'session-policy':
                return {
                    code: 'session-policy-denied',
                    level: 'warning',
                    title: `${action} is blocked by a session policy`,
                    explanation: `The session's credentials were issued with a session policy that does not allow ${action}. Axiom passes no session policy itself, so whatever issues the credentials added it.${said}`,
                    fix: `Allow ${action} in the session policy of whatever issues Axiom's credentials, or assume the role without one.`,
                };
            case 'resource-policy':
                return {
                    code: 'resource-policy-denied',
                    level: 'warning',
                    title: `${action} is denied by a resource-based policy`,
                    explanation: `A policy on the resource itself (such as a bucket policy) denies ${action} to the role.${said}`,
                    fix: `Allow the Axiom role ${action} in that resource's policy, or accept the gap.`,
                };
            case 'permissions-boundary':
                return {
                    code: 'boundary-denied',
                    level: 'warning',
                    title: `${action} is blocked by the role's permissions boundary`,
                    explanation: `The role's permissions boundary does not allow ${action}.${said}`,
                    fix: `Add ${action} to the permissions boundary, or remove the boundary from the Axiom role.`,
                };
            default:
                return {
                    code: 'permission-gap',
                    level: 'warning',
                    title: `The role is missing ${action}`,
                    explanation: `The role's permission policy does not allow ${action}, so scans cannot see what it reads.${said}`,
                    fix: 'Attach the current Axiom permission policy (`axiom onboard --format permissions`).',
                };
        }
    }
    if (failure.kind === 'unimplemented')
        return {
            code: 'api-unavailable',
            level: 'info',
            title: `${action} is not available at this endpoint`,
            explanation: `The endpoint does not implement the API (common with emulators, or a service not offered in the region).${said}`,
            fix: 'Nothing to fix on the role; scans will mark this as skipped.',
        };
    return {
        code: 'probe-error',
        level: 'warning',
        title: `${action} failed`,
        explanation: `AWS answered ${failure.code}.${said}`,
        fix: 'Run verify again; if it persists, check the service status in the region.',
    };
}

;// CONCATENATED MODULE: ../../core/scan/staged-target.ts
/**
 * Stages a unit's writes. Units of one account run at once, each assigning its own slots (`account.iam`,
 * `regional.ec2`); each sees shallow copies, and its commit copies only the slots it assigned, so concurrent
 * units never overwrite one another and a unit cut off by its deadline keeps what it had when it was cut off,
 * and nothing after. Reads see what earlier units committed (CloudWatch reads the region's EC2 instances).
 */
function stageTarget(account, region) {
    const accountBefore = { ...account };
    const accountStage = { ...account };
    if (region !== undefined)
        account.regional[region] ??= {};
    const slot = region === undefined ? undefined : account.regional[region];
    const slotBefore = { ...slot };
    // Global collectors get a scratch region slot: they write account-wide data only.
    const slotStage = { ...slot };
    let committed = false;
    return {
        target: { account: accountStage, regional: slotStage },
        commit(detach) {
            if (committed)
                return;
            committed = true;
            copyAssigned(accountBefore, accountStage, account, detach);
            if (slot !== undefined)
                copyAssigned(slotBefore, slotStage, slot, detach);
        },
    };
}
/** Copies the keys of `stage` whose value is not the one it had in `before` into `real`. */
function copyAssigned(before, stage, real, detach) {
    const was = before;
    const into = real;
    for (const [key, value] of Object.entries(stage)) {
        if (was[key] === value)
            continue;
        if (!detach) {
            into[key] = value;
            continue;
        }
        try {
            into[key] = structuredClone(value);
        }
        catch {
            // Not plain data (a collector bug); the slot stays absent, so coverage's deadline entry covers it.
        }
    }
}

;// CONCATENATED MODULE: ../../core/scan/run-unit.ts
/**
 * Runs one unit: builds the collector's context (clients through the factory with the unit's credentials and
 * rate limits, coverage recording, the deadline's abort signal), stages its writes, and turns whatever happens
 * (AWS failures, a collector bug, the deadline) into coverage entries. Never throws.
 */





/** The status a failed operation gets in coverage. */
function coverageStatusOf(error) {
    const failure = classifyAwsError(error);
    const status = failure.kind === 'denied' ? 'denied' : failure.kind === 'unimplemented' ? 'skipped' : 'error';
    return { status, detail: failure.message ? `${failure.code}: ${failure.message}` : failure.code };
}
/** Runs `unit` with its deadline; see the file comment. */
async function runUnit(unit, env) {
    const { account } = env;
    if (env.signal?.aborted)
        return {
            outcome: 'cancelled',
            coverage: [
                {
                    accountId: account.accountId,
                    region: unit.region,
                    service: unit.service,
                    operation: '*',
                    status: 'skipped',
                    detail: 'not scanned: the scan was cancelled before this unit started',
                },
            ],
        };
    const global = unit.region === GLOBAL_REGION;
    const clientRegion = global ? env.homeRegion : unit.region;
    const controller = new AbortController();
    const coverage = [];
    // Once sealed, a collector still running past its deadline can neither record coverage nor reach the
    // inventory (its writes stay in the staging copies), and its calls fail before they are sent.
    let sealed = false;
    const staged = stageTarget(account, global ? undefined : unit.region);
    const clients = new Map();
    function record(operation, status, detail, region) {
        if (sealed)
            return;
        const entry = {
            accountId: account.accountId,
            region: region ?? unit.region,
            service: unit.service,
            operation,
            status,
        };
        if (detail !== undefined)
            entry.detail = detail;
        coverage.push(entry);
    }
    function settingsFor(region) {
        return {
            ...env.settings,
            region,
            beforeSend: (operation, signal) => env.limiter.take({ accountId: account.accountId, region, operation }, signal === undefined || signal === controller.signal
                ? controller.signal
                : AbortSignal.any([signal, controller.signal])),
        };
    }
    // Time granted by `extendDeadline` not yet added to the deadline's timer, and all time granted so far.
    let pendingMs = 0;
    let grantedMs = 0;
    const context = {
        accountId: account.accountId,
        region: clientRegion,
        regions: env.regions,
        settings: settingsFor(clientRegion),
        signal: controller.signal,
        now: new Date(env.now.getTime()),
        options: { includeCostExplorer: env.includeCostExplorer },
        client(ClientClass, region) {
            const where = region ?? clientRegion;
            const key = `${ClientClass.name}@${where}`;
            let client = clients.get(key);
            if (client === undefined) {
                // The factory's structural bound on C cannot be stated through the contract's unconstrained `client<C>`.
                const build = createClient;
                client = build(ClientClass, settingsFor(where));
                clients.set(key, client);
            }
            return client;
        },
        async attempt(operation, run, options) {
            try {
                const result = await run();
                record(operation, 'ok', undefined, options?.region);
                return result;
            }
            catch (error) {
                const { status, detail } = coverageStatusOf(error);
                record(operation, status, detail, options?.region);
                return undefined;
            }
        },
        cover(operation, status, detail, region) {
            record(operation, status, detail, region);
        },
        extendDeadline(ms) {
            if (sealed || !(Number.isFinite(ms) && ms > 0))
                return;
            pendingMs += ms;
            grantedMs += ms;
        },
    };
    const timer = new AbortController();
    // A sleep that fails for any other reason than its cancellation below sets no deadline rather than an instant one.
    const deadline = (async () => {
        // When the timer runs out, time granted meanwhile is waited for in turn before the unit is stopped.
        let wait = env.deadlineMs;
        for (;;) {
            await env.sleep(wait, timer.signal);
            if (pendingMs <= 0)
                return 'deadline';
            wait = pendingMs;
            pendingMs = 0;
        }
    })().catch(() => new Promise(() => { }));
    const cancelled = new Promise((resolve) => 
    // Removed with the deadline timer, so a long-lived scan signal does not collect one listener per unit.
    env.signal?.addEventListener('abort', () => resolve('cancelled'), { once: true, signal: timer.signal }));
    const work = Promise.resolve()
        .then(() => unit.collector.collect(context, staged.target))
        .then(() => ({ error: undefined }), (error) => ({ error: error ?? new Error('collector failed') }));
    const first = await Promise.race([work, deadline, cancelled]);
    timer.abort();
    let outcome;
    const seconds = Math.round((env.deadlineMs + grantedMs) / 100) / 10;
    if (first === 'deadline' || first === 'cancelled') {
        outcome = first;
        staged.commit(true);
        record('*', 'error', first === 'deadline'
            ? `deadline exceeded: the ${unit.service} scan did not finish within ${seconds} s and was stopped; what it had collected by then is kept`
            : `cancelled: the scan was stopped before the ${unit.service} scan finished; what it had collected by then is kept`);
        sealed = true;
        controller.abort(first === 'deadline'
            ? new errors/* AxiomError */.fy('scan_unit_deadline', `Stopped the ${unit.service} scan of account ${account.accountId} in ${unit.region}: it did not finish within ${seconds} s.`, { hint: 'Raise the unit deadline, or scan fewer regions or services at once.' })
            : new errors/* AxiomError */.fy('scan_cancelled', 'The scan was cancelled.'));
    }
    else {
        staged.commit(false);
        outcome = first.error === undefined ? 'done' : 'failed';
        if (first.error !== undefined)
            record('*', 'error', `internal error in Axiom's ${unit.service} collector (please report it): ${(0,errors/* describeError */.Uc)(first.error)}`);
        sealed = true;
        controller.abort(new errors/* AxiomError */.fy('scan_unit_finished', `The ${unit.service} scan unit had already finished.`));
    }
    for (const client of clients.values())
        client.destroy?.();
    return { outcome, coverage };
}

;// CONCATENATED MODULE: ../../core/scan/scan-account.ts





/** Why an account could not be reached, in plain language. */
function scan_account_connectFailure(target, error) {
    if (target.roleArn === undefined)
        return `could not obtain credentials for account ${target.accountId}: ${(0,errors/* describeError */.Uc)(error)}`;
    const diagnosis = diagnoseAssumeFailure(error, target.roleArn);
    return `could not connect to account ${target.accountId}: ${diagnosis.title}. ${diagnosis.explanation} Fix: ${diagnosis.fix}`;
}
/** Scans one account; see the file comment. Never throws for AWS failures. */
async function scanAccount(target, shared) {
    const { accountId } = target;
    const homeRegion = shared.homeRegion ?? homeRegionOf(target.partition);
    const known = target.regions ?? shared.regions;
    const account = {
        accountId,
        partition: target.partition ?? 'aws',
        regions: known === undefined ? [] : [...new Set(known)],
        services: [...shared.services],
        regional: {},
    };
    if (target.name !== undefined)
        account.name = target.name;
    const plan = () => planScan({
        targets: [{ accountId, regions: account.regions }],
        regions: [],
        collectors: shared.collectors,
    });
    let session;
    try {
        // A cancelled scan assumes no more roles: connecting is itself a call to AWS.
        if (shared.signal?.aborted)
            throw new errors/* AxiomError */.fy('scan_cancelled', 'the scan was cancelled');
        session = await shared.connect(target);
    }
    catch (error) {
        const detail = shared.signal?.aborted
            ? 'not scanned: the scan was cancelled before this account was connected'
            : scan_account_connectFailure(target, error);
        const status = shared.signal?.aborted ? 'skipped' : 'error';
        for (const unit of plan()) {
            shared.cover({
                accountId,
                region: unit.region,
                service: unit.service,
                operation: '*',
                status,
                detail,
            });
            shared.finished(unit, 'not-connected');
        }
        // The regions were never listed: one entry per regional service stands for all of them ('*').
        if (known === undefined)
            for (const collector of shared.collectors.filter((item) => item.scope === 'regional'))
                shared.cover({
                    accountId,
                    region: '*',
                    service: collector.service,
                    operation: '*',
                    status,
                    detail,
                });
        coverMissingCollectors(account, shared);
        return account;
    }
    try {
        const settings = { ...shared.settings, credentials: session.credentials };
        if (known === undefined && shared.collectors.some((collector) => collector.scope === 'regional')) {
            account.regions = await enabledRegions(accountId, homeRegion, settings, shared);
            shared.planned(plan().filter((unit) => unit.region !== GLOBAL_REGION).length);
        }
        coverMissingCollectors(account, shared);
        // Region slots in the account's region order, whichever region's units happen to start first.
        if (shared.collectors.some((collector) => collector.scope === 'regional'))
            for (const region of account.regions)
                account.regional[region] ??= {};
        const environment = {
            account,
            regions: account.regions,
            homeRegion,
            settings,
            limiter: shared.limiter,
            now: shared.startedAt,
            includeCostExplorer: shared.includeCostExplorer,
            deadlineMs: shared.deadlineMs,
            sleep: shared.sleep,
            ...(shared.signal === undefined ? {} : { signal: shared.signal }),
        };
        await runUnits(plan(), environment, shared);
    }
    finally {
        session.drop();
    }
    return account;
}
/** A service asked for that has no collector (a partial build) is a gap in every scope, not a silent pass. */
function coverMissingCollectors(account, shared) {
    for (const service of shared.services) {
        if (shared.collectors.some((collector) => collector.service === service))
            continue;
        for (const region of [GLOBAL_REGION, ...account.regions])
            shared.cover({
                accountId: account.accountId,
                region,
                service,
                operation: '*',
                status: 'skipped',
                detail: `this build of Axiom has no ${service} collector`,
            });
    }
}
/** ec2:DescribeRegions for `--regions all`; when it fails, coverage says so and the home region is scanned. */
async function enabledRegions(accountId, homeRegion, settings, shared) {
    const entry = { accountId, region: GLOBAL_REGION, service: 'ec2', operation: 'DescribeRegions' };
    try {
        const regions = await listEnabledRegions({
            ...settings,
            region: homeRegion,
            beforeSend: (operation, signal) => shared.limiter.take({ accountId, region: homeRegion, operation }, signal),
        });
        shared.cover({ ...entry, status: 'ok' });
        return regions;
    }
    catch (error) {
        const { status, detail } = coverageStatusOf(error);
        shared.cover({
            ...entry,
            status,
            detail: `${detail} (could not list the enabled regions, so only ${homeRegion} was scanned)`,
        });
        return [homeRegion];
    }
}
/** Where a unit starts: by START_ORDER's service rank, then in plan order (stable sort). */
function startRank(unit) {
    const rank = START_ORDER.indexOf(unit.service);
    return rank === -1 ? START_ORDER.length : rank;
}
/**
 * Runs an account's units in the shared pool, started in START_ORDER; a unit waits for those it runs after
 * without holding a slot, and once they are done it goes ahead of units still waiting (it is the end of a chain).
 */
async function runUnits(plan, environment, shared) {
    const byId = new Map(plan.map((unit) => [unit.id, unit]));
    const started = new Map();
    const start = (unit) => {
        let promise = started.get(unit.id);
        if (promise === undefined) {
            const before = unit.after.flatMap((id) => {
                const dependency = byId.get(id);
                return dependency ? [start(dependency)] : [];
            });
            const run = () => shared.pool.run(async () => {
                const result = await runUnit(unit, environment);
                for (const entry of result.coverage)
                    shared.cover(entry);
                shared.finished(unit, result.outcome);
            }, before.length > 0 ? 1 : 0);
            promise = before.length > 0 ? Promise.all(before).then(run) : run();
            started.set(unit.id, promise);
        }
        return promise;
    };
    const order = [...plan].sort((a, b) => startRank(a) - startRank(b));
    await Promise.all(order.map(start));
}

;// CONCATENATED MODULE: ../../core/scan/scan-time.ts
/**
 * Time as the scan engine sees it: a clock and a sleep, both injected so tests drive rate limits and deadlines
 * without waiting. The system versions are the defaults.
 */
/** The system clock. */
const scan_time_systemClock = () => new Date();
/** A real timer, cancelled (and its promise rejected with the abort reason) when `signal` aborts. */
const systemSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) {
        reject(signal.reason);
        return;
    }
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});

;// CONCATENATED MODULE: ../../core/scan/run-scan.ts
/**
 * The live scan: each account is connected once, its regions listed when asked for all, its units run with
 * bounded concurrency, rate limits and a deadline each (scan-account.ts, run-unit.ts), and the results
 * assembled into the inventory. AWS failures (a role that cannot be assumed, a denied or throttled call, a
 * unit past its deadline) become coverage entries, never exceptions; only a caller's mistake (bad options, an
 * account listed twice) throws, and it does so before any account is contacted.
 */










/**
 * Default number of units in flight at once. Most units are chains of round trips that hold a slot while they
 * wait (paginated lists, S3's bucket reads), and the rate limiter protects each account, region and API whatever
 * the count. At 8, short units queued behind long chains while the event loop sat idle (bench:scan: idle for 15%
 * of the scan at 30 ms per call, 7% at 16; at 100 ms per call 16 took 7% off the wall time); beyond 16 the bench
 * gained nothing.
 */
const DEFAULT_SCAN_CONCURRENCY = 16;
/** Default time a unit may run before it is stopped: two minutes. */
const DEFAULT_UNIT_DEADLINE_MS = 120_000;
function wholeNumber(name, value) {
    if (Number.isInteger(value) && value > 0)
        return value;
    throw new errors/* AxiomError */.fy('invalid_scan_options', `Could not start the scan: ${name} must be a positive whole number, not ${value}.`, { hint: `Check the value given for ${name}.` });
}
/** The services a scan covers: those asked for, Cost Explorer only when it is included. */
function effectiveServices(services, includeCostExplorer) {
    const asked = services ?? inventory/* SCAN_SERVICES */.F;
    return inventory/* SCAN_SERVICES */.F.filter((service) => asked.includes(service) && (service !== 'ce' || includeCostExplorer));
}
/** Plain code-unit order: the same on every machine, whatever its locale. */
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Coverage order: account, the global scope before regions, service order, then operation. */
function compareCoverage(a, b) {
    const region = (entry) => (entry.region === GLOBAL_REGION ? '' : entry.region);
    return (byText(a.accountId, b.accountId) ||
        byText(region(a), region(b)) ||
        inventory/* SCAN_SERVICES */.F.indexOf(a.service) - inventory/* SCAN_SERVICES */.F.indexOf(b.service) ||
        byText(a.operation, b.operation));
}
/** Runs a live scan and returns its inventory; see the file comment. */
async function runScan(options) {
    const clock = options.clock ?? scan_time_systemClock;
    const concurrency = wholeNumber('concurrency', options.concurrency ?? DEFAULT_SCAN_CONCURRENCY);
    const accountConcurrency = wholeNumber('accountConcurrency', options.accountConcurrency ?? concurrency);
    const deadlineMs = wholeNumber('unitDeadlineMs', options.unitDeadlineMs ?? DEFAULT_UNIT_DEADLINE_MS);
    const includeCostExplorer = options.includeCostExplorer === true;
    const services = effectiveServices(options.services, includeCostExplorer);
    const collectors = selectCollectors(options.collectors, services);
    const regions = options.regions === 'all' ? undefined : options.regions;
    const counter = options.callCounter ?? new CallCounter();
    const sleep = options.sleep ?? systemSleep;
    const limiter = new RateLimiter({ limits: resolveRateLimits(options.rateLimits), clock, sleep });
    // Planned up front, so a caller's mistake throws before any account is contacted and progress knows its
    // total (the regional units of `--regions all` accounts are added once their regions are listed).
    let total = planScan({
        targets: options.targets.map((target) => ({
            accountId: target.accountId,
            regions: target.regions ?? regions ?? [],
        })),
        regions: [],
        collectors,
    }).length;
    let done = 0;
    let progressFailure;
    const coverage = [];
    const settings = { callCounter: counter };
    // Checked here, where a bad value is the caller's mistake, rather than inside every unit's first client.
    if (options.endpoint !== undefined) {
        parseEndpointOverride(options.endpoint);
        settings.endpoint = options.endpoint;
    }
    if (options.maxAttempts !== undefined)
        settings.maxAttempts = wholeNumber('maxAttempts', options.maxAttempts);
    if (options.requestHandler !== undefined)
        settings.requestHandler = options.requestHandler;
    if (options.axiomVersion !== undefined)
        settings.axiomVersion = options.axiomVersion;
    const startedAt = clock();
    const accountsLimit = createConcurrencyLimit(accountConcurrency);
    const shared = {
        connect: options.connect,
        collectors,
        services,
        regions,
        homeRegion: options.homeRegion,
        settings,
        limiter,
        startedAt,
        includeCostExplorer,
        deadlineMs,
        sleep,
        pool: createConcurrencyLimit(concurrency),
        signal: options.signal,
        cover: (entry) => coverage.push(entry),
        planned: (count) => {
            total += count;
        },
        finished: (unit, outcome) => {
            done += 1;
            if (options.onProgress === undefined || progressFailure !== undefined)
                return;
            try {
                options.onProgress({ done, total, unit, outcome });
            }
            catch (error) {
                // A failing progress display must not leave sessions undropped: it is rethrown when the scan is over.
                progressFailure = { error };
            }
        },
    };
    const accounts = await Promise.all(options.targets.map((target) => accountsLimit.run(() => scanAccount(target, shared))));
    const finishedAt = clock();
    if (progressFailure !== undefined)
        throw progressFailure.error;
    if (options.signal?.aborted)
        throw new errors/* AxiomError */.fy('scan_cancelled', 'The scan was cancelled before it finished; no inventory was made.', {
            cause: options.signal.reason,
        });
    return {
        schemaVersion: inventory/* INVENTORY_SCHEMA_VERSION */.G,
        tool: { name: 'axiom', version: options.axiomVersion ?? 'unknown' },
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        accounts,
        coverage: coverage.sort(compareCoverage),
        stats: {
            durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
            apiCalls: { total: counter.totalCalls, byOperation: counter.snapshot() },
        },
    };
}

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(5793);
;// CONCATENATED MODULE: ../../core/scan/collectors/support/map-concurrent.ts
/**
 * Runs `run` over `items` with at most `limit` in flight, keeping the results in input order. The first
 * failure rejects the whole map and stops further items from starting (those in flight finish on their own),
 * so a denial does not fan out into hundreds of doomed calls.
 */
async function mapConcurrent(items, limit, run) {
    const results = new Array(items.length);
    // One iterator shared by every worker: each takes the next item as soon as it is free.
    const queue = items.entries();
    let failed = false;
    async function worker() {
        for (const [index, item] of queue) {
            if (failed)
                return;
            try {
                results[index] = await run(item, index);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    }
    const workers = Math.max(1, Math.min(limit, items.length));
    await Promise.all(Array.from({ length: workers }, () => worker()));
    return results;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/metrics-queries.ts
/** The metrics the idle and rightsizing rules read, per resource kind: [namespace, dimension, metric, stat]. */
const METRICS = {
    instance: [
        ['AWS/EC2', 'InstanceId', 'CPUUtilization', 'Average'],
        ['AWS/EC2', 'InstanceId', 'NetworkIn', 'Sum'],
        ['AWS/EC2', 'InstanceId', 'NetworkOut', 'Sum'],
    ],
    natGateway: [['AWS/NATGateway', 'NatGatewayId', 'BytesOutToDestination', 'Sum']],
    loadBalancer: [['AWS/ApplicationELB', 'LoadBalancer', 'RequestCount', 'Sum']],
    dbInstance: [['AWS/RDS', 'DBInstanceIdentifier', 'DatabaseConnections', 'Maximum']],
    volume: [
        ['AWS/EBS', 'VolumeId', 'VolumeReadOps', 'Sum'],
        ['AWS/EBS', 'VolumeId', 'VolumeWriteOps', 'Sum'],
    ],
};
function queriesFor(resourceId, metrics) {
    return metrics.map(([namespace, dimension, metricName, stat]) => ({
        resourceId,
        key: `${metricName}:${stat}`,
        namespace,
        metricName,
        dimension: { Name: dimension, Value: resourceId },
        stat,
    }));
}
/**
 * The ALB metrics dimension: the part of the load balancer ARN after `loadbalancer/`, e.g.
 * `app/web/50dc6c495c0c9188`; undefined for an ARN without it.
 */
function loadBalancerDimension(arn) {
    const suffix = arn.split(':loadbalancer/')[1];
    return suffix === undefined || suffix === '' ? undefined : suffix;
}
/**
 * Every series to fetch for what EC2, ELBv2 and RDS found in one region: CPU and network per instance (not
 * terminated ones: they have no future), bytes out per NAT gateway (not deleted ones), requests per Application
 * Load Balancer, peak connections per DB instance, read and write ops per EBS volume. Resources whose
 * collection was not collected simply contribute nothing.
 */
function metricQueries(region) {
    const queries = [];
    for (const instance of region.ec2?.instances ?? [])
        if (instance.state !== 'terminated')
            queries.push(...queriesFor(instance.instanceId, METRICS.instance));
    for (const gateway of region.ec2?.natGateways ?? [])
        if (gateway.state !== 'deleted' && gateway.state !== 'failed')
            queries.push(...queriesFor(gateway.natGatewayId, METRICS.natGateway));
    for (const balancer of region.elbv2?.loadBalancers ?? []) {
        const dimension = balancer.type === 'application' ? loadBalancerDimension(balancer.loadBalancerArn) : undefined;
        if (dimension !== undefined)
            queries.push(...queriesFor(dimension, METRICS.loadBalancer));
    }
    for (const database of region.rds?.instances ?? [])
        queries.push(...queriesFor(database.dbInstanceIdentifier, METRICS.dbInstance));
    for (const volume of region.ec2?.volumes ?? [])
        queries.push(...queriesFor(volume.volumeId, METRICS.volume));
    return queries;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/metrics-window.ts
/** Days of metrics the rules look at. */
const METRIC_WINDOW_DAYS = 14;
/** One datapoint per day. */
const METRIC_PERIOD_SECONDS = 86_400;
const DAY_MS = METRIC_PERIOD_SECONDS * 1000;
/** The 14 whole days before `now`'s UTC day. */
function metricWindow(now) {
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return { start: new Date(end.getTime() - METRIC_WINDOW_DAYS * DAY_MS), end, days: METRIC_WINDOW_DAYS };
}
/** The day index (0 = first day) of a datapoint's timestamp, or undefined when it lies outside the window. */
function dayIndex(window, timestamp) {
    const index = Math.floor((timestamp.getTime() - window.start.getTime()) / DAY_MS);
    return index >= 0 && index < window.days ? index : undefined;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/s3-operation-tally.ts

/**
 * Counts the outcome of a per-resource operation (an S3 call per bucket, a GetMetricData call per batch) and
 * reports it as one coverage entry per operation: 'ok' when every call succeeded, otherwise the first failure's
 * status with how many resources it hit ("denied for 3 of 40 buckets"). A scan of 300 buckets thus records
 * 9 entries, not 2,700, and still says exactly which reads were missing. Like `context.attempt`, it never
 * throws: whatever stops a call (AWS, the deadline, a guard refusal) is counted and named in the detail.
 */
class OperationTally {
    /** What the resources are called in details, plural (e.g. 'buckets'). */
    #noun;
    #counts = new Map();
    constructor(noun) {
        this.#noun = noun;
    }
    /** Runs one call of `operation` and counts it; a failure is counted and returned as `{ ok: false }`. */
    async run(operation, call) {
        const count = this.#count(operation);
        count.total += 1;
        try {
            return { ok: true, value: await call() };
        }
        catch (error) {
            // The same status and detail the scan engine's `attempt` gives a failure of any kind.
            const { status, detail } = coverageStatusOf(error);
            this.#fail(count, status, detail);
            return { ok: false };
        }
    }
    /** Counts a call that could not be made at all (e.g. the bucket's region is unknown), with why. */
    notAttempted(operation, reason) {
        const count = this.#count(operation);
        count.total += 1;
        this.#fail(count, 'error', reason);
    }
    /** Records one coverage entry per operation counted, in the order operations were first seen. */
    report(context) {
        for (const [operation, count] of this.#counts) {
            if (count.failed === 0 || count.first === undefined) {
                context.cover(operation, 'ok');
                continue;
            }
            const { status, detail } = count.first;
            const verdict = count.mixed
                ? 'failed'
                : status === 'skipped'
                    ? 'unavailable'
                    : status === 'denied'
                        ? 'denied'
                        : 'failed';
            context.cover(operation, status, `${detail} (${verdict} for ${count.failed} of ${count.total} ${this.#noun})`);
        }
    }
    #fail(count, status, detail) {
        count.failed += 1;
        if (count.first === undefined)
            count.first = { status, detail };
        else if (count.first.status !== status)
            count.mixed = true;
    }
    #count(operation) {
        let count = this.#counts.get(operation);
        if (!count) {
            count = { total: 0, failed: 0, mixed: false };
            this.#counts.set(operation, count);
        }
        return count;
    }
}

;// CONCATENATED MODULE: ../../core/scan/collectors/cloudwatch.ts





/** GetMetricData's limit of queries per request. */
const QUERIES_PER_CALL = 500;
/** Batches in flight at once: well under CloudWatch's GetMetricData rate (50 per second by default). */
const BATCH_CONCURRENCY = 4;
/** Splits `items` into slices of at most `size`. */
function chunk(items, size) {
    const chunks = [];
    for (let start = 0; start < items.length; start += size)
        chunks.push(items.slice(start, start + size));
    return chunks;
}
/** Every result of one batch, following NextToken (which continues the same queries) to the end. */
async function fetchBatch(context, client, batch, window) {
    const MetricDataQueries = batch.map((query, index) => ({
        // Ids are per request, must start with a lower-case letter, and map back to the query by position.
        Id: `m${index}`,
        MetricStat: {
            Metric: { Namespace: query.namespace, MetricName: query.metricName, Dimensions: [query.dimension] },
            Period: METRIC_PERIOD_SECONDS,
            Stat: query.stat,
        },
        ReturnData: true,
    }));
    const results = [];
    let token;
    do {
        const page = await client.send(new client_cloudwatch_dist_cjs/* GetMetricDataCommand */.Soe({
            MetricDataQueries,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending',
            ...(token === undefined ? {} : { NextToken: token }),
        }), { abortSignal: context.signal });
        results.push(...(page.MetricDataResults ?? []));
        token = page.NextToken || undefined;
    } while (token !== undefined);
    return results;
}
/** Files one batch's results: every query gets a series (all null when CloudWatch had no datapoints). */
function fileResults(metrics, batch, results, window) {
    const seriesOf = new Map();
    batch.forEach((query, index) => {
        const series = new Array(window.days).fill(null);
        metrics.series[query.resourceId] ??= {};
        const byMetric = metrics.series[query.resourceId];
        if (byMetric)
            byMetric[query.key] = series;
        seriesOf.set(`m${index}`, series);
    });
    for (const result of results) {
        const series = result.Id === undefined ? undefined : seriesOf.get(result.Id);
        if (!series)
            continue;
        const values = result.Values ?? [];
        (result.Timestamps ?? []).forEach((timestamp, position) => {
            const day = dayIndex(window, timestamp);
            const value = values[position];
            if (day !== undefined && value !== undefined)
                series[day] = value;
        });
    }
}
/**
 * CloudWatch metrics for one region, after EC2, ELBv2 and RDS filled the region: 14 daily datapoints per
 * series (CPU and network per instance, NAT gateway bytes out, ALB requests, RDS peak connections, EBS read and
 * write ops), up to 500 series per GetMetricData call. A region with none of these resources costs no call.
 * A series present in the inventory was fetched (all nulls: no datapoints); one absent was not (see coverage).
 */
const cloudwatchCollector = {
    service: 'cloudwatch',
    scope: 'regional',
    operations: [{ client: 'CloudWatch', operation: 'GetMetricData' }],
    async collect(context, target) {
        const window = metricWindow(context.now);
        const metrics = {
            windowStart: window.start.toISOString().slice(0, 10),
            days: window.days,
            series: {},
        };
        const queries = metricQueries(target.regional);
        if (queries.length === 0) {
            context.cover('GetMetricData', 'ok', 'no call needed: no instances, NAT gateways, load balancers, databases or volumes here');
            target.regional.metrics = metrics;
            return;
        }
        const client = context.client(client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn);
        const tally = new OperationTally('batches');
        let fetched = 0;
        await mapConcurrent(chunk(queries, QUERIES_PER_CALL), BATCH_CONCURRENCY, async (batch) => {
            const result = await tally.run('GetMetricData', () => fetchBatch(context, client, batch, window));
            if (!result.ok)
                return;
            fileResults(metrics, batch, result.value, window);
            fetched += 1;
        });
        tally.report(context);
        if (fetched > 0)
            target.regional.metrics = metrics;
    },
};

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-cost-explorer/dist-cjs/index.js
var client_cost_explorer_dist_cjs = __webpack_require__(6334);
;// CONCATENATED MODULE: ../../core/scan/collectors/cost-explorer.ts

/** Cost Explorer answers from us-east-1 only. */
const COST_EXPLORER_REGION = 'us-east-1';
/** The metric summed: what the bill shows before credits and discounts are spread. */
const METRIC = 'UnblendedCost';
/** A UTC date as Cost Explorer's `YYYY-MM-DD`. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}
/** The last two full months before `now`'s month: [start of the month before last, start of this month). */
function lastTwoFullMonths(now) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    return { Start: isoDay(start), End: isoDay(end) };
}
/** All pages (more pages only when an account has very many services), merged per month. */
async function readCosts(context) {
    const client = context.client(client_cost_explorer_dist_cjs/* CostExplorerClient */.mM9, COST_EXPLORER_REGION);
    const months = new Map();
    let unit;
    let token;
    do {
        const page = await client.send(new client_cost_explorer_dist_cjs/* GetCostAndUsageCommand */.lx0({
            TimePeriod: lastTwoFullMonths(context.now),
            Granularity: 'MONTHLY',
            Metrics: [METRIC],
            GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
            ...(token === undefined ? {} : { NextPageToken: token }),
        }), { abortSignal: context.signal });
        for (const period of page.ResultsByTime ?? []) {
            const start = period.TimePeriod?.Start;
            if (start === undefined)
                continue;
            const byService = months.get(start) ?? {};
            months.set(start, byService);
            for (const group of period.Groups ?? []) {
                const service = group.Keys?.[0];
                const amount = group.Metrics?.[METRIC];
                if (service === undefined || amount?.Amount === undefined)
                    continue;
                byService[service] = (byService[service] ?? 0) + Number(amount.Amount);
                unit ??= amount.Unit;
            }
        }
        token = page.NextPageToken || undefined;
    } while (token !== undefined);
    return {
        unit: unit ?? 'USD',
        months: [...months.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([start, byService]) => ({ start, byService })),
    };
}
/**
 * Cost Explorer, once per account and only when asked: cost by service for the last two full months in one
 * GetCostAndUsage request (AWS bills each request, so the default is to make none and say so in coverage).
 */
const costExplorerCollector = {
    service: 'ce',
    scope: 'global',
    operations: [{ client: 'CostExplorer', operation: 'GetCostAndUsage' }],
    async collect(context, target) {
        if (!context.options.includeCostExplorer) {
            context.cover('GetCostAndUsage', 'skipped', 'not requested: AWS bills each Cost Explorer request');
            return;
        }
        const costs = await context.attempt('GetCostAndUsage', () => readCosts(context));
        if (costs)
            target.account.costs = costs;
    },
};

;// CONCATENATED MODULE: ../../core/scan/collectors/support/all-pages.ts
/**
 * Drains an SDK paginator into one list. The paginator sends through the same client, so every page passes
 * the read-only guard and the call counter.
 */
async function allPages(pages, items) {
    const all = [];
    for await (const page of pages)
        all.push(...(items(page) ?? []));
    return all;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/iso-time.ts
/** An SDK timestamp (a Date) or epoch milliseconds (JSON services such as Logs) as ISO 8601, if present. */
function isoTime(value) {
    if (value === undefined)
        return undefined;
    const date = typeof value === 'number' ? new Date(value) : value;
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/optional-fields.ts
/**
 * Keeps only the fields that have a value, so an optional inventory field is absent rather than `undefined`
 * (exactOptionalPropertyTypes, and a JSON snapshot without null noise). Spread it into the record:
 * `{ id, ...optionalFields({ vpcId: raw.VpcId }) }`.
 */
function optionalFields(fields) {
    const out = {};
    for (const key of Object.keys(fields)) {
        const value = fields[key];
        if (value !== undefined)
            out[key] = value;
    }
    return out;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/security-group-rules.ts

/** IANA protocol numbers EC2 may echo back, to the names the rules compare against. */
const PROTOCOL_NAMES = {
    '6': 'tcp',
    '17': 'udp',
    '1': 'icmp',
    '58': 'icmpv6',
};
/** A port bound as the inventory holds it: EC2's -1 (or no value) means every port. */
function port(value) {
    return value === undefined || value === -1 ? undefined : value;
}
/**
 * Flattens EC2's `IpPermissions` into one rule per source: each IPv4 range, IPv6 range, referenced group and
 * prefix list of a permission becomes its own entry with the permission's protocol and ports. Protocol '-1'
 * (all traffic) always covers every port, whatever ports EC2 echoes.
 */
function flattenIpPermissions(permissions) {
    const rules = [];
    for (const permission of permissions ?? []) {
        const raw = (permission.IpProtocol ?? '-1').toLowerCase();
        const protocol = PROTOCOL_NAMES[raw] ?? raw;
        const allPorts = protocol === '-1';
        const base = {
            protocol,
            ...optionalFields({
                fromPort: allPorts ? undefined : port(permission.FromPort),
                toPort: allPorts ? undefined : port(permission.ToPort),
            }),
        };
        for (const range of permission.IpRanges ?? [])
            rules.push({ ...base, ...optionalFields({ cidrIpv4: range.CidrIp, description: range.Description }) });
        for (const range of permission.Ipv6Ranges ?? [])
            rules.push({
                ...base,
                ...optionalFields({ cidrIpv6: range.CidrIpv6, description: range.Description }),
            });
        for (const pair of permission.UserIdGroupPairs ?? [])
            rules.push({ ...base, ...optionalFields({ groupId: pair.GroupId, description: pair.Description }) });
        for (const list of permission.PrefixListIds ?? [])
            rules.push({
                ...base,
                ...optionalFields({ prefixListId: list.PrefixListId, description: list.Description }),
            });
    }
    return rules;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/tags-to-record.ts
/** Turns AWS's `[{ Key, Value }]` list into the inventory's plain record (absent list: no tags). */
function tagsToRecord(tags) {
    const record = {};
    for (const tag of tags ?? [])
        if (tag.Key !== undefined)
            record[tag.Key] = tag.Value ?? '';
    return record;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/ec2.ts






/** The largest pages EC2 allows for each paginated operation: the fewest calls per region. */
const PAGE_SIZE = {
    instances: 1000,
    volumes: 500,
    securityGroups: 1000,
    vpcs: 1000,
    subnets: 1000,
    natGateways: 1000,
};
function toInstance(raw) {
    const tokens = raw.MetadataOptions?.HttpTokens;
    return {
        instanceId: raw.InstanceId ?? '',
        instanceType: raw.InstanceType ?? '',
        state: raw.State?.Name ?? 'unknown',
        securityGroupIds: (raw.SecurityGroups ?? []).flatMap((group) => (group.GroupId ? [group.GroupId] : [])),
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({
            // EC2 sends an empty StateTransitionReason for instances that never changed state.
            stateTransitionReason: raw.StateTransitionReason || undefined,
            launchTime: isoTime(raw.LaunchTime),
            vpcId: raw.VpcId,
            subnetId: raw.SubnetId,
            publicIpAddress: raw.PublicIpAddress,
            httpTokens: tokens === 'required' || tokens === 'optional' ? tokens : undefined,
            httpEndpoint: raw.MetadataOptions?.HttpEndpoint,
            iamInstanceProfileArn: raw.IamInstanceProfile?.Arn,
            platform: raw.Platform,
        }),
    };
}
function toVolume(raw) {
    return {
        volumeId: raw.VolumeId ?? '',
        volumeType: raw.VolumeType ?? 'standard',
        sizeGiB: raw.Size ?? 0,
        state: raw.State ?? 'unknown',
        encrypted: raw.Encrypted ?? false,
        attachedInstanceIds: (raw.Attachments ?? []).flatMap((attachment) => attachment.InstanceId ? [attachment.InstanceId] : []),
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({
            iops: raw.Iops,
            throughput: raw.Throughput,
            kmsKeyId: raw.KmsKeyId,
            createTime: isoTime(raw.CreateTime),
        }),
    };
}
function toSecurityGroup(raw) {
    return {
        groupId: raw.GroupId ?? '',
        groupName: raw.GroupName ?? '',
        ingress: flattenIpPermissions(raw.IpPermissions),
        egress: flattenIpPermissions(raw.IpPermissionsEgress),
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({ vpcId: raw.VpcId, description: raw.Description }),
    };
}
function toVpc(raw) {
    return {
        vpcId: raw.VpcId ?? '',
        isDefault: raw.IsDefault ?? false,
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({ cidrBlock: raw.CidrBlock }),
    };
}
function toSubnet(raw) {
    return {
        subnetId: raw.SubnetId ?? '',
        vpcId: raw.VpcId ?? '',
        mapPublicIpOnLaunch: raw.MapPublicIpOnLaunch ?? false,
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({ availabilityZone: raw.AvailabilityZone }),
    };
}
function toNatGateway(raw) {
    return {
        natGatewayId: raw.NatGatewayId ?? '',
        state: raw.State ?? 'unknown',
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({ vpcId: raw.VpcId, subnetId: raw.SubnetId, createTime: isoTime(raw.CreateTime) }),
    };
}
function toAddress(raw) {
    return {
        publicIp: raw.PublicIp ?? '',
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({
            allocationId: raw.AllocationId,
            associationId: raw.AssociationId,
            instanceId: raw.InstanceId,
            networkInterfaceId: raw.NetworkInterfaceId,
            domain: raw.Domain,
        }),
    };
}
async function collectEc2(context, ec2) {
    const client = context.client(client_ec2_dist_cjs/* EC2Client */.gu5);
    const send = { abortSignal: context.signal };
    const pager = { client, stopOnSameToken: true };
    // The operations are independent: run them together, each with its own coverage entry, so a denial of one
    // leaves the others collected and only its slot absent.
    await Promise.all([
        context
            .attempt('DescribeInstances', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeInstances */.H0T)(pager, { MaxResults: PAGE_SIZE.instances }, send), (page) => (page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? [])))
            .then((raw) => {
            if (raw)
                ec2.instances = raw.map(toInstance);
        }),
        context
            .attempt('DescribeVolumes', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeVolumes */.cpp)(pager, { MaxResults: PAGE_SIZE.volumes }, send), (page) => page.Volumes))
            .then((raw) => {
            if (raw)
                ec2.volumes = raw.map(toVolume);
        }),
        context
            .attempt('DescribeSecurityGroups', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeSecurityGroups */.nYn)(pager, { MaxResults: PAGE_SIZE.securityGroups }, send), (page) => page.SecurityGroups))
            .then((raw) => {
            if (raw)
                ec2.securityGroups = raw.map(toSecurityGroup);
        }),
        context
            .attempt('DescribeVpcs', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeVpcs */.$vN)(pager, { MaxResults: PAGE_SIZE.vpcs }, send), (page) => page.Vpcs))
            .then((raw) => {
            if (raw)
                ec2.vpcs = raw.map(toVpc);
        }),
        context
            .attempt('DescribeSubnets', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeSubnets */.vvt)(pager, { MaxResults: PAGE_SIZE.subnets }, send), (page) => page.Subnets))
            .then((raw) => {
            if (raw)
                ec2.subnets = raw.map(toSubnet);
        }),
        context
            .attempt('DescribeNatGateways', () => allPages((0,client_ec2_dist_cjs/* paginateDescribeNatGateways */.hJA)(pager, { MaxResults: PAGE_SIZE.natGateways }, send), (page) => page.NatGateways))
            .then((raw) => {
            if (raw)
                ec2.natGateways = raw.map(toNatGateway);
        }),
        // DescribeAddresses is not paginated: one call returns every Elastic IP of the region.
        context
            .attempt('DescribeAddresses', () => client.send(new client_ec2_dist_cjs/* DescribeAddressesCommand */.REI({}), send))
            .then((output) => {
            if (output)
                ec2.addresses = (output.Addresses ?? []).map(toAddress);
        }),
        context
            .attempt('GetEbsEncryptionByDefault', () => client.send(new client_ec2_dist_cjs/* GetEbsEncryptionByDefaultCommand */.Lgn({}), send))
            .then((output) => {
            if (output)
                ec2.ebsEncryptionByDefault = output.EbsEncryptionByDefault ?? false;
        }),
    ]);
}
/**
 * EC2 in one region: instances (with IMDS options), volumes, security groups (rules flattened per source),
 * VPCs, subnets, NAT gateways, Elastic IPs and EBS encryption by default. One call per operation in an empty
 * region; never a per-resource call.
 */
const ec2Collector = {
    service: 'ec2',
    scope: 'regional',
    operations: [
        { client: 'EC2', operation: 'DescribeInstances' },
        { client: 'EC2', operation: 'DescribeVolumes' },
        { client: 'EC2', operation: 'DescribeSecurityGroups' },
        { client: 'EC2', operation: 'DescribeVpcs' },
        { client: 'EC2', operation: 'DescribeSubnets' },
        { client: 'EC2', operation: 'DescribeNatGateways' },
        { client: 'EC2', operation: 'DescribeAddresses' },
        { client: 'EC2', operation: 'GetEbsEncryptionByDefault' },
    ],
    async collect(context, target) {
        target.regional.ec2 ??= {};
        await collectEc2(context, target.regional.ec2);
    },
};

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(5710);
;// CONCATENATED MODULE: ../../core/scan/collectors/elbv2.ts






/** The largest page ELBv2 allows (PageSize): the fewest calls per region. */
const elbv2_PAGE_SIZE = 400;
/** Target health is one call per target group; this many in flight keeps a big region quick but polite. */
const HEALTH_CONCURRENCY = 8;
function toLoadBalancer(raw) {
    return {
        loadBalancerArn: raw.LoadBalancerArn ?? '',
        loadBalancerName: raw.LoadBalancerName ?? '',
        type: raw.Type ?? 'application',
        scheme: raw.Scheme ?? 'internet-facing',
        securityGroupIds: [...(raw.SecurityGroups ?? [])],
        ...optionalFields({ state: raw.State?.Code, createdTime: isoTime(raw.CreatedTime), vpcId: raw.VpcId }),
    };
}
function toTargetGroup(raw) {
    return {
        targetGroupArn: raw.TargetGroupArn ?? '',
        targetGroupName: raw.TargetGroupName ?? '',
        loadBalancerArns: [...(raw.LoadBalancerArns ?? [])],
    };
}
/**
 * Counts one target group's targets by health state (`{}` when it has none). Undefined when the group vanished
 * between listing and this call: that is churn, not a coverage gap.
 */
async function targetHealth(client, targetGroupArn, signal) {
    try {
        const output = await client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: targetGroupArn }), {
            abortSignal: signal,
        });
        const counts = {};
        for (const description of output.TargetHealthDescriptions ?? []) {
            const state = description.TargetHealth?.State ?? 'unknown';
            counts[state] = (counts[state] ?? 0) + 1;
        }
        return counts;
    }
    catch (error) {
        if (classifyAwsError(error).kind === 'not-found')
            return undefined;
        throw error;
    }
}
async function collectElbv2(context, elbv2) {
    const client = context.client(client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD);
    const send = { abortSignal: context.signal };
    const pager = { client, stopOnSameToken: true };
    const [loadBalancers, targetGroups] = await Promise.all([
        context.attempt('DescribeLoadBalancers', () => allPages((0,client_elastic_load_balancing_v2_dist_cjs/* paginateDescribeLoadBalancers */.obE)(pager, { PageSize: elbv2_PAGE_SIZE }, send), (page) => page.LoadBalancers)),
        context.attempt('DescribeTargetGroups', () => allPages((0,client_elastic_load_balancing_v2_dist_cjs/* paginateDescribeTargetGroups */.u_3)(pager, { PageSize: elbv2_PAGE_SIZE }, send), (page) => page.TargetGroups)),
    ]);
    if (loadBalancers)
        elbv2.loadBalancers = loadBalancers.map(toLoadBalancer);
    if (!targetGroups)
        return;
    const groups = targetGroups.map(toTargetGroup);
    elbv2.targetGroups = groups;
    // No target groups, no health to ask for: an empty region stays at one call per listing.
    if (groups.length === 0)
        return;
    // One coverage entry for the region's health checks: a denial stops them all and leaves every count absent.
    const health = await context.attempt('DescribeTargetHealth', () => mapConcurrent(groups, HEALTH_CONCURRENCY, (group) => targetHealth(client, group.targetGroupArn, context.signal)));
    if (!health)
        return;
    groups.forEach((group, index) => {
        const counts = health[index];
        if (counts)
            group.targetHealth = counts;
    });
}
/**
 * ELBv2 in one region: load balancers, target groups, and each target group's targets counted by health state
 * (the only per-resource call, and skipped when there are no target groups).
 */
const elbv2Collector = {
    service: 'elbv2',
    scope: 'regional',
    operations: [
        { client: 'ElasticLoadBalancingV2', operation: 'DescribeLoadBalancers' },
        { client: 'ElasticLoadBalancingV2', operation: 'DescribeTargetGroups' },
        { client: 'ElasticLoadBalancingV2', operation: 'DescribeTargetHealth' },
    ],
    async collect(context, target) {
        target.regional.elbv2 ??= {};
        await collectElbv2(context, target.regional.elbv2);
    },
};

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(9240);
;// CONCATENATED MODULE: ../../core/scan/collectors/support/iam-policy-document.ts
/**
 * An IAM policy document as IAM's Query API sends it (URL-encoded JSON: RFC 3986 percent-encoding) decoded to
 * JSON. A document that does not decode or parse is kept as its text, so the evidence is not lost and the
 * policy checks see something they can report on, rather than a silent gap.
 */
function decodePolicyDocument(encoded) {
    if (encoded === undefined)
        return undefined;
    let text = encoded;
    try {
        text = decodeURIComponent(encoded);
    }
    catch {
        // A stray '%' means the text was not encoded after all (an emulator, a replayed fixture): use it as is.
    }
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/iam-authorization-details.ts




function inlinePolicies(list) {
    return (list ?? []).map((policy) => ({
        policyName: policy.PolicyName ?? '',
        document: decodePolicyDocument(policy.PolicyDocument),
    }));
}
function attachedArns(list) {
    return (list ?? []).flatMap((policy) => (policy.PolicyArn === undefined ? [] : [policy.PolicyArn]));
}
function toUser(raw) {
    return {
        userName: raw.UserName ?? '',
        arn: raw.Arn ?? '',
        inlinePolicies: inlinePolicies(raw.UserPolicyList),
        attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
        groups: raw.GroupList ?? [],
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({ createDate: isoTime(raw.CreateDate) }),
    };
}
function toGroup(raw) {
    return {
        groupName: raw.GroupName ?? '',
        arn: raw.Arn ?? '',
        inlinePolicies: inlinePolicies(raw.GroupPolicyList),
        attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
    };
}
function toRole(raw) {
    return {
        roleName: raw.RoleName ?? '',
        arn: raw.Arn ?? '',
        path: raw.Path ?? '/',
        assumeRolePolicyDocument: decodePolicyDocument(raw.AssumeRolePolicyDocument),
        inlinePolicies: inlinePolicies(raw.RolePolicyList),
        attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
        tags: tagsToRecord(raw.Tags),
        ...optionalFields({
            createDate: isoTime(raw.CreateDate),
            lastUsedDate: isoTime(raw.RoleLastUsed?.LastUsedDate),
        }),
    };
}
function toManagedPolicy(raw) {
    const arn = raw.Arn ?? '';
    // The list holds every version; the default one is the policy in force.
    const current = (raw.PolicyVersionList ?? []).find((version) => version.IsDefaultVersion === true || version.VersionId === raw.DefaultVersionId);
    return {
        arn,
        policyName: raw.PolicyName ?? '',
        awsManaged: /^arn:[\w-]+:iam::aws:policy\//.test(arn),
        attachmentCount: raw.AttachmentCount ?? 0,
        ...optionalFields({
            defaultVersionId: raw.DefaultVersionId,
            document: decodePolicyDocument(current?.Document),
        }),
    };
}
/** Adds one GetAccountAuthorizationDetails page to `details`. */
function addAuthorizationPage(details, page) {
    details.users.push(...(page.UserDetailList ?? []).map(toUser));
    details.groups.push(...(page.GroupDetailList ?? []).map(toGroup));
    details.roles.push(...(page.RoleDetailList ?? []).map(toRole));
    details.policies.push(...(page.Policies ?? []).map(toManagedPolicy));
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/iam-credential-report.ts

/** Cell values the credential report uses for "nothing here": no such credential, never used, not applicable. */
const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);
/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < text.length; index += 1) {
        const char = text[index];
        if (quoted) {
            if (char === '"' && text[index + 1] === '"') {
                cell += '"';
                index += 1;
            }
            else if (char === '"')
                quoted = false;
            else
                cell += char;
        }
        else if (char === '"')
            quoted = true;
        else if (char === ',') {
            row.push(cell);
            cell = '';
        }
        else if (char === '\n' || char === '\r') {
            if (char === '\r' && text[index + 1] === '\n')
                index += 1;
            row.push(cell);
            rows.push(row);
            row = [];
            cell = '';
        }
        else
            cell += char;
    }
    if (cell !== '' || row.length > 0) {
        row.push(cell);
        rows.push(row);
    }
    return rows.filter((cells) => cells.some((value) => value !== ''));
}
/**
 * Parses IAM's credential report (CSV with a header row; the root user is `<root_account>`) into rows keyed by
 * the columns Axiom uses, found by name so added or reordered columns do not shift values. 'N/A',
 * 'no_information' and 'not_supported' become absent; 'true' is the only true.
 */
function parseCredentialReport(csv) {
    const [header, ...records] = parseCsv(csv);
    if (!header)
        return [];
    const columns = new Map(header.map((name, index) => [name.trim(), index]));
    return records.map((cells) => {
        const value = (column) => {
            const index = columns.get(column);
            const raw = index === undefined ? undefined : cells[index]?.trim();
            return raw === undefined || NO_VALUE.has(raw) ? undefined : raw;
        };
        const flag = (column) => value(column) === 'true';
        return {
            user: value('user') ?? '',
            arn: value('arn') ?? '',
            passwordEnabled: flag('password_enabled'),
            mfaActive: flag('mfa_active'),
            accessKey1Active: flag('access_key_1_active'),
            accessKey2Active: flag('access_key_2_active'),
            ...optionalFields({
                userCreationTime: value('user_creation_time'),
                passwordLastUsed: value('password_last_used'),
                passwordLastChanged: value('password_last_changed'),
                accessKey1LastRotated: value('access_key_1_last_rotated'),
                accessKey1LastUsed: value('access_key_1_last_used_date'),
                accessKey2LastRotated: value('access_key_2_last_rotated'),
                accessKey2LastUsed: value('access_key_2_last_used_date'),
            }),
        };
    });
}

;// CONCATENATED MODULE: ../../core/scan/collectors/iam.ts






/** IAM's largest GetAccountAuthorizationDetails page. */
const MAX_ITEMS = 1000;
const realSleep = (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal });
async function collectAuthorizationDetails(context, iam, client) {
    const details = await context.attempt('GetAccountAuthorizationDetails', async () => {
        const collected = { users: [], groups: [], roles: [], policies: [] };
        let marker;
        do {
            const page = await client.send(new client_iam_dist_cjs/* GetAccountAuthorizationDetailsCommand */.Qn1({
                Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'],
                MaxItems: MAX_ITEMS,
                ...(marker === undefined ? {} : { Marker: marker }),
            }), { abortSignal: context.signal });
            addAuthorizationPage(collected, page);
            marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker !== undefined);
        return collected;
    });
    if (!details)
        return;
    iam.users = details.users;
    iam.groups = details.groups;
    iam.roles = details.roles;
    iam.policies = details.policies;
}
/**
 * Asks IAM for a credential report until it is ready (IAM reuses a report under four hours old, so this is
 * usually one call), then reads and parses it. A report still not ready after the polls is an 'error' entry.
 */
async function collectCredentialReport(context, iam, client, options) {
    const state = await context.attempt('GenerateCredentialReport', async () => {
        for (let poll = 1;; poll += 1) {
            const output = await client.send(new client_iam_dist_cjs/* GenerateCredentialReportCommand */.seh({}), {
                abortSignal: context.signal,
            });
            if (output.State === 'COMPLETE' || poll >= options.reportPolls)
                return output.State ?? 'UNKNOWN';
            await options.sleep(options.reportPollDelayMs, context.signal);
        }
    });
    if (state === undefined)
        return;
    if (state !== 'COMPLETE') {
        context.cover('GetCredentialReport', 'error', `IAM was still generating the credential report (state ${state}) after ${options.reportPolls} checks; ` +
            'scan again in a minute.');
        return;
    }
    const rows = await context.attempt('GetCredentialReport', async () => {
        const output = await client.send(new client_iam_dist_cjs/* GetCredentialReportCommand */.DBo({}), { abortSignal: context.signal });
        return parseCredentialReport(new TextDecoder().decode(output.Content ?? new Uint8Array()));
    });
    if (rows)
        iam.credentialReport = rows;
}
function toPasswordPolicy(raw) {
    return optionalFields({
        minimumPasswordLength: raw.MinimumPasswordLength,
        requireSymbols: raw.RequireSymbols,
        requireNumbers: raw.RequireNumbers,
        requireUppercaseCharacters: raw.RequireUppercaseCharacters,
        requireLowercaseCharacters: raw.RequireLowercaseCharacters,
        maxPasswordAge: raw.MaxPasswordAge,
        passwordReusePrevention: raw.PasswordReusePrevention,
        hardExpiry: raw.HardExpiry,
    });
}
async function collectPasswordPolicy(context, iam, client) {
    const read = await context.attempt('GetAccountPasswordPolicy', async () => {
        try {
            const output = await client.send(new client_iam_dist_cjs/* GetAccountPasswordPolicyCommand */.sed({}), {
                abortSignal: context.signal,
            });
            return { policy: output.PasswordPolicy ? toPasswordPolicy(output.PasswordPolicy) : null };
        }
        catch (error) {
            // No password policy set: IAM answers NoSuchEntity, and the account runs on IAM's defaults.
            if (classifyAwsError(error).code === 'NoSuchEntity')
                return { policy: null };
            throw error;
        }
    });
    if (read)
        iam.passwordPolicy = read.policy;
}
async function collectAccountSummary(context, iam, client) {
    const output = await context.attempt('GetAccountSummary', () => client.send(new client_iam_dist_cjs/* GetAccountSummaryCommand */.zod({}), { abortSignal: context.signal }));
    if (!output)
        return;
    const summary = {};
    for (const [key, value] of Object.entries(output.SummaryMap ?? {}))
        if (typeof value === 'number')
            summary[key] = value;
    iam.accountSummary = summary;
}
/**
 * Builds the IAM collector, once per account: users, groups, roles (with trust policies) and managed policies
 * (with their default version's document) from GetAccountAuthorizationDetails in pages of 1,000, never one
 * call per entity; the credential report; the password policy; the account summary.
 */
function createIamCollector(options = {}) {
    const settings = {
        sleep: options.sleep ?? realSleep,
        reportPolls: options.reportPolls ?? 10,
        reportPollDelayMs: options.reportPollDelayMs ?? 2000,
    };
    return {
        service: 'iam',
        scope: 'global',
        operations: [
            { client: 'IAM', operation: 'GetAccountAuthorizationDetails' },
            { client: 'IAM', operation: 'GenerateCredentialReport' },
            { client: 'IAM', operation: 'GetCredentialReport' },
            { client: 'IAM', operation: 'GetAccountPasswordPolicy' },
            { client: 'IAM', operation: 'GetAccountSummary' },
        ],
        async collect(context, target) {
            target.account.iam ??= {};
            const iam = target.account.iam;
            const client = context.client(client_iam_dist_cjs/* IAMClient */.h8v);
            await Promise.all([
                collectAuthorizationDetails(context, iam, client),
                collectCredentialReport(context, iam, client, settings),
                collectPasswordPolicy(context, iam, client),
                collectAccountSummary(context, iam, client),
            ]);
        },
    };
}
/** The IAM collector with real waits between credential report polls. */
const iamCollector = createIamCollector();

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(1107);
;// CONCATENATED MODULE: ../../core/scan/collectors/logs.ts




/** The largest page DescribeLogGroups allows (`limit`): the fewest calls per region. */
const logs_PAGE_SIZE = 50;
function toLogGroup(raw) {
    return {
        logGroupName: raw.logGroupName ?? '',
        storedBytes: raw.storedBytes ?? 0,
        ...optionalFields({
            // `logGroupArn` is the plain ARN; the older `arn` ends in ':*' (the log streams' wildcard).
            arn: raw.logGroupArn ?? raw.arn?.replace(/:\*$/, ''),
            // Absent retention is AWS's "never expire": leaving the field out says exactly that.
            retentionInDays: raw.retentionInDays,
            creationTime: isoTime(raw.creationTime),
            kmsKeyId: raw.kmsKeyId,
        }),
    };
}
/** CloudWatch Logs in one region: log group metadata (retention, stored bytes). Never reads a log event. */
const logsCollector = {
    service: 'logs',
    scope: 'regional',
    operations: [{ client: 'CloudWatchLogs', operation: 'DescribeLogGroups' }],
    async collect(context, target) {
        target.regional.logs ??= {};
        const logs = target.regional.logs;
        const client = context.client(client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr);
        const groups = await context.attempt('DescribeLogGroups', () => allPages((0,client_cloudwatch_logs_dist_cjs/* paginateDescribeLogGroups */.BSi)({ client, stopOnSameToken: true }, { limit: logs_PAGE_SIZE }, { abortSignal: context.signal }), (page) => page.logGroups));
        if (groups)
            logs.logGroups = groups.map(toLogGroup);
    },
};

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7966);
;// CONCATENATED MODULE: ../../core/scan/collectors/rds.ts





/** The largest page RDS allows (MaxRecords): the fewest calls per region. */
const rds_PAGE_SIZE = 100;
function rds_toInstance(raw) {
    return {
        dbInstanceIdentifier: raw.DBInstanceIdentifier ?? '',
        dbInstanceArn: raw.DBInstanceArn ?? '',
        dbInstanceClass: raw.DBInstanceClass ?? '',
        engine: raw.Engine ?? '',
        publiclyAccessible: raw.PubliclyAccessible ?? false,
        storageEncrypted: raw.StorageEncrypted ?? false,
        backupRetentionPeriod: raw.BackupRetentionPeriod ?? 0,
        deletionProtection: raw.DeletionProtection ?? false,
        multiAz: raw.MultiAZ ?? false,
        tags: tagsToRecord(raw.TagList),
        ...optionalFields({
            status: raw.DBInstanceStatus,
            allocatedStorageGiB: raw.AllocatedStorage,
            dbClusterIdentifier: raw.DBClusterIdentifier,
            readReplicaSourceDbInstanceIdentifier: raw.ReadReplicaSourceDBInstanceIdentifier,
            readReplicaSourceDbClusterIdentifier: raw.ReadReplicaSourceDBClusterIdentifier,
            instanceCreateTime: isoTime(raw.InstanceCreateTime),
        }),
    };
}
function toCluster(raw) {
    return {
        dbClusterIdentifier: raw.DBClusterIdentifier ?? '',
        dbClusterArn: raw.DBClusterArn ?? '',
        engine: raw.Engine ?? '',
        storageEncrypted: raw.StorageEncrypted ?? false,
        backupRetentionPeriod: raw.BackupRetentionPeriod ?? 0,
        deletionProtection: raw.DeletionProtection ?? false,
        tags: tagsToRecord(raw.TagList),
        ...optionalFields({ status: raw.Status, publiclyAccessible: raw.PubliclyAccessible }),
    };
}
async function collectRds(context, rds) {
    const client = context.client(client_rds_dist_cjs/* RDSClient */.rYe);
    const send = { abortSignal: context.signal };
    const pager = { client, stopOnSameToken: true };
    // Tags come inline (TagList), so no per-database ListTagsForResource call is needed.
    await Promise.all([
        context
            .attempt('DescribeDBInstances', () => allPages((0,client_rds_dist_cjs/* paginateDescribeDBInstances */.$PQ)(pager, { MaxRecords: rds_PAGE_SIZE }, send), (page) => page.DBInstances))
            .then((raw) => {
            if (raw)
                rds.instances = raw.map(rds_toInstance);
        }),
        context
            .attempt('DescribeDBClusters', () => allPages((0,client_rds_dist_cjs/* paginateDescribeDBClusters */.cbb)(pager, { MaxRecords: rds_PAGE_SIZE }, send), (page) => page.DBClusters))
            .then((raw) => {
            if (raw)
                rds.clusters = raw.map(toCluster);
        }),
    ]);
}
/** RDS in one region: DB instances and clusters with their encryption, exposure, backup and protection settings. */
const rdsCollector = {
    service: 'rds',
    scope: 'regional',
    operations: [
        { client: 'RDS', operation: 'DescribeDBInstances' },
        { client: 'RDS', operation: 'DescribeDBClusters' },
    ],
    async collect(context, target) {
        target.regional.rds ??= {};
        await collectRds(context, target.regional.rds);
    },
};

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(8299);
// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-s3-control/dist-cjs/index.js
var client_s3_control_dist_cjs = __webpack_require__(3063);
// EXTERNAL MODULE: ../../core/scan/collectors/support/s3-public-policy.ts
var s3_public_policy = __webpack_require__(770);
;// CONCATENATED MODULE: ../../core/scan/collectors/support/s3-bucket-details.ts




/** The per-bucket reads, in the order their coverage entries appear. Metadata only: never an object. */
const BUCKET_DETAIL_OPERATIONS = [
    'GetPublicAccessBlock',
    'GetBucketPolicyStatus',
    'GetBucketPolicy',
    'GetBucketAcl',
    'GetBucketOwnershipControls',
    'GetBucketEncryption',
    'GetBucketVersioning',
    'GetBucketLifecycleConfiguration',
    'GetBucketLogging',
];
/**
 * Runs `call`; when S3 answers with `notConfigured` (its way of saying "this bucket has no such setting"),
 * returns `absent` instead: a value for the inventory, not a failure for coverage.
 */
async function unlessNotConfigured(notConfigured, absent, call) {
    try {
        return await call();
    }
    catch (error) {
        if (classifyAwsError(error).code === notConfigured)
            return absent;
        throw error;
    }
}
/** Block Public Access as the inventory holds it; a flag S3 leaves out is off. */
function toPublicAccessBlock(raw) {
    return {
        blockPublicAcls: raw?.BlockPublicAcls ?? false,
        ignorePublicAcls: raw?.IgnorePublicAcls ?? false,
        blockPublicPolicy: raw?.BlockPublicPolicy ?? false,
        restrictPublicBuckets: raw?.RestrictPublicBuckets ?? false,
    };
}
function toAcl(raw) {
    const grants = (raw.Grants ?? []).map((grant) => ({
        granteeType: grant.Grantee?.Type ?? 'CanonicalUser',
        grantee: grant.Grantee?.URI ?? grant.Grantee?.ID ?? grant.Grantee?.EmailAddress ?? '',
        permission: grant.Permission ?? '',
    }));
    return { grants, ...optionalFields({ ownerId: raw.Owner?.ID }) };
}
function toLifecycleRule(raw) {
    return {
        status: raw.Status === 'Enabled' ? 'Enabled' : 'Disabled',
        // Expiring noncurrent versions counts too: it is what keeps a versioned bucket from growing forever.
        hasExpiration: raw.Expiration?.Days !== undefined ||
            raw.Expiration?.Date !== undefined ||
            raw.NoncurrentVersionExpiration !== undefined,
        hasTransitions: (raw.Transitions?.length ?? 0) > 0 || (raw.NoncurrentVersionTransitions?.length ?? 0) > 0,
        ...optionalFields({
            id: raw.ID,
            abortIncompleteMultipartUploadDays: raw.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
        }),
    };
}
/**
 * Reads one bucket's settings into `bucket` with `client` (built for the bucket's region), all nine calls at
 * once. A call that fails leaves its field absent and is counted in `tally`; "not configured" answers become
 * null. When S3's own public verdict cannot be read but the policy was, the verdict is derived from the policy
 * and marked `policyIsPublicDerived`.
 */
async function readBucketDetails(client, bucket, tally, signal) {
    const Bucket = bucket.name;
    const send = { abortSignal: signal };
    await Promise.all([
        tally
            .run('GetPublicAccessBlock', () => unlessNotConfigured('NoSuchPublicAccessBlockConfiguration', null, () => client.send(new client_s3_dist_cjs/* GetPublicAccessBlockCommand */.GLk({ Bucket }), send)))
            .then((result) => {
            if (result.ok)
                bucket.publicAccessBlock =
                    result.value === null ? null : toPublicAccessBlock(result.value.PublicAccessBlockConfiguration);
        }),
        tally
            .run('GetBucketPolicyStatus', () => unlessNotConfigured('NoSuchBucketPolicy', null, () => client.send(new client_s3_dist_cjs/* GetBucketPolicyStatusCommand */.y3E({ Bucket }), send)))
            .then((result) => {
            // No policy at all: nothing in a policy can make the bucket public.
            if (result.ok)
                bucket.policyIsPublic = result.value?.PolicyStatus?.IsPublic ?? false;
        }),
        tally
            .run('GetBucketPolicy', () => unlessNotConfigured('NoSuchBucketPolicy', null, () => client.send(new client_s3_dist_cjs/* GetBucketPolicyCommand */.mCJ({ Bucket }), send)))
            .then((result) => {
            if (result.ok)
                bucket.policy = result.value?.Policy ?? null;
        }),
        tally
            .run('GetBucketAcl', () => client.send(new client_s3_dist_cjs/* GetBucketAclCommand */.QPs({ Bucket }), send))
            .then((result) => {
            if (result.ok)
                bucket.acl = toAcl(result.value);
        }),
        tally
            .run('GetBucketOwnershipControls', () => unlessNotConfigured('OwnershipControlsNotFoundError', null, () => client.send(new client_s3_dist_cjs/* GetBucketOwnershipControlsCommand */.$rC({ Bucket }), send)))
            .then((result) => {
            if (result.ok)
                bucket.objectOwnership = result.value?.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null;
        }),
        tally
            .run('GetBucketEncryption', () => unlessNotConfigured('ServerSideEncryptionConfigurationNotFoundError', null, () => client.send(new client_s3_dist_cjs/* GetBucketEncryptionCommand */.tQT({ Bucket }), send)))
            .then((result) => {
            if (result.ok)
                bucket.encryption =
                    result.value?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
                        ?.SSEAlgorithm ?? null;
        }),
        tally
            .run('GetBucketVersioning', () => client.send(new client_s3_dist_cjs/* GetBucketVersioningCommand */._rj({ Bucket }), send))
            .then((result) => {
            if (!result.ok)
                return;
            // A bucket that never had versioning answers with an empty configuration.
            bucket.versioning = result.value.Status ?? null;
            bucket.mfaDelete = result.value.MFADelete === 'Enabled';
        }),
        tally
            .run('GetBucketLifecycleConfiguration', () => unlessNotConfigured('NoSuchLifecycleConfiguration', null, () => client.send(new client_s3_dist_cjs/* GetBucketLifecycleConfigurationCommand */.iQ1({ Bucket }), send)))
            .then((result) => {
            if (result.ok)
                bucket.lifecycleRules =
                    result.value === null ? null : (result.value.Rules ?? []).map(toLifecycleRule);
        }),
        tally
            .run('GetBucketLogging', () => client.send(new client_s3_dist_cjs/* GetBucketLoggingCommand */.Bdv({ Bucket }), send))
            .then((result) => {
            // Logging off answers with an empty BucketLoggingStatus.
            if (result.ok)
                bucket.loggingTargetBucket = result.value.LoggingEnabled?.TargetBucket ?? null;
        }),
    ]);
    derivePolicyVerdict(bucket);
}
/** Fills `policyIsPublic` from the policy itself when S3's verdict is missing but the policy was read. */
function derivePolicyVerdict(bucket) {
    if (bucket.policyIsPublic !== undefined || bucket.policy === undefined)
        return;
    const verdict = bucket.policy === null ? false : (0,s3_public_policy/* policyAllowsPublicAccess */.I)(bucket.policy);
    if (verdict === undefined)
        return;
    bucket.policyIsPublic = verdict;
    bucket.policyIsPublicDerived = true;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/support/s3-bucket-region.ts
/**
 * A bucket's region from GetBucketLocation's LocationConstraint. S3 answers with no constraint (null or '')
 * for us-east-1 and with the legacy 'EU' for buckets created in eu-west-1 before regions had names.
 */
function regionFromLocationConstraint(constraint) {
    if (constraint === undefined || constraint === null || constraint === '')
        return 'us-east-1';
    if (constraint === 'EU')
        return 'eu-west-1';
    return constraint;
}

;// CONCATENATED MODULE: ../../core/scan/collectors/s3.ts








/** S3's largest ListBuckets page; asking for a page size also makes S3 include each bucket's region. */
const MAX_BUCKETS_PER_PAGE = 10_000;
/**
 * Buckets read at once (each with its nine calls in flight). S3 throttles per bucket (5,500 GETs/s), so the
 * region-wide token bucket is the real limit; 32 keeps ~300 requests in flight, which bench:scan showed halves
 * the S3 unit's wall time at 100 ms latency compared with 8.
 */
const BUCKET_CONCURRENCY = 32;
/**
 * Time the S3 unit's deadline grows by per bucket, once the buckets are listed. Each bucket costs nine reads: at
 * Axiom's S3 rate limit (1,000/s) that is 9 ms, and about as much CPU in the SDK; 50 ms leaves room for slow
 * answers, so the unit deadline (sized for ordinary units) stops a hung S3 unit but never cuts a large account's
 * reads short: 10,000 buckets get 500 s more.
 */
const S3_TIME_PER_BUCKET_MS = 50;
/**
 * The coverage name of the account-level Block Public Access read. The SDK operation is S3 Control's
 * GetPublicAccessBlock, which would collide with the per-bucket GetPublicAccessBlock in the same service;
 * this is the IAM action the customer grants for it.
 */
const ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION = 'GetAccountPublicAccessBlock';
/** Every bucket of the account, all pages, with the region S3 reports for it (when it does). */
async function listBuckets(context, client) {
    const buckets = [];
    let token;
    do {
        const page = await client.send(new client_s3_dist_cjs/* ListBucketsCommand */.$Lo({
            MaxBuckets: MAX_BUCKETS_PER_PAGE,
            ...(token === undefined ? {} : { ContinuationToken: token }),
        }), { abortSignal: context.signal });
        for (const raw of page.Buckets ?? []) {
            if (raw.Name === undefined)
                continue;
            const creationDate = isoTime(raw.CreationDate);
            buckets.push({
                name: raw.Name,
                region: raw.BucketRegion ?? '',
                ...(creationDate === undefined ? {} : { creationDate }),
            });
        }
        token = page.ContinuationToken || undefined;
    } while (token !== undefined);
    return buckets;
}
/**
 * Fills in the region of buckets ListBuckets gave none for, with GetBucketLocation. A bucket whose location
 * cannot be read keeps region '' and gets no per-bucket reads (a client for the wrong region would only
 * collect redirects); the tally says so.
 */
async function resolveRegions(context, client, buckets, tally) {
    const unknown = buckets.filter((bucket) => bucket.region === '');
    await mapConcurrent(unknown, BUCKET_CONCURRENCY, async (bucket) => {
        const result = await tally.run('GetBucketLocation', () => client.send(new client_s3_dist_cjs/* GetBucketLocationCommand */.r_J({ Bucket: bucket.name }), { abortSignal: context.signal }));
        if (result.ok)
            bucket.region = regionFromLocationConstraint(result.value.LocationConstraint);
    });
}
async function readAccountPublicAccessBlock(context, inventory) {
    const client = context.client(client_s3_control_dist_cjs/* S3ControlClient */.gGw);
    const read = await context.attempt(ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION, async () => {
        try {
            const output = await client.send(new client_s3_control_dist_cjs/* GetPublicAccessBlockCommand */.GLk({ AccountId: context.accountId }), {
                abortSignal: context.signal,
            });
            return { block: toPublicAccessBlock(output.PublicAccessBlockConfiguration) };
        }
        catch (error) {
            // The account never configured Block Public Access: a value, not a failure.
            if (classifyAwsError(error).code === 'NoSuchPublicAccessBlockConfiguration')
                return { block: null };
            throw error;
        }
    });
    if (read)
        inventory.accountPublicAccessBlock = read.block;
}
async function collectBuckets(context, inventory) {
    const home = context.client(client_s3_dist_cjs/* S3Client */.YxF);
    const buckets = await context.attempt('ListBuckets', () => listBuckets(context, home));
    if (!buckets)
        return;
    context.extendDeadline(buckets.length * S3_TIME_PER_BUCKET_MS);
    const tally = new OperationTally('buckets');
    await resolveRegions(context, home, buckets, tally);
    // S3 redirects a request sent to another region's endpoint, so each bucket is read in its own region.
    const clients = new Map();
    const clientFor = (region) => {
        let client = clients.get(region);
        if (!client) {
            client = context.client(client_s3_dist_cjs/* S3Client */.YxF, region);
            clients.set(region, client);
        }
        return client;
    };
    await mapConcurrent(buckets, BUCKET_CONCURRENCY, async (bucket) => {
        const skip = context.signal.aborted
            ? 'not read: the scan ran out of time for this account'
            : bucket.region === ''
                ? 'not read: the bucket region could not be determined'
                : undefined;
        if (skip !== undefined) {
            for (const operation of BUCKET_DETAIL_OPERATIONS)
                tally.notAttempted(operation, skip);
            return;
        }
        await readBucketDetails(clientFor(bucket.region), bucket, tally, context.signal);
    });
    tally.report(context);
    inventory.buckets = buckets;
}
/**
 * S3, once per account: every bucket (paginated ListBuckets, each bucket filed under its own region whatever
 * regions were selected) with its public access block, policy status, policy, ACL, ownership controls,
 * encryption, versioning, lifecycle and logging, read in the bucket's region with bounded concurrency; and the
 * account-level Block Public Access. Per-bucket reads are reported as one coverage entry per operation.
 * Never lists or reads an object.
 */
const s3Collector = {
    service: 's3',
    scope: 'global',
    operations: [
        { client: 'S3', operation: 'ListBuckets' },
        { client: 'S3', operation: 'GetBucketLocation' },
        { client: 'S3Control', operation: 'GetPublicAccessBlock' },
        ...BUCKET_DETAIL_OPERATIONS.map((operation) => ({ client: 'S3', operation })),
    ],
    async collect(context, target) {
        target.account.s3 ??= {};
        const inventory = target.account.s3;
        await Promise.all([collectBuckets(context, inventory), readAccountPublicAccessBlock(context, inventory)]);
    },
};

// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-resource-groups-tagging-api/dist-cjs/index.js
var client_resource_groups_tagging_api_dist_cjs = __webpack_require__(1263);
;// CONCATENATED MODULE: ../../core/scan/collectors/tagging.ts


/** The tagging API's largest page. */
const RESOURCES_PER_PAGE = 100;
async function readTags(context) {
    const client = context.client(client_resource_groups_tagging_api_dist_cjs/* ResourceGroupsTaggingAPIClient */.DE);
    const resources = {};
    let token;
    do {
        const page = await client.send(new client_resource_groups_tagging_api_dist_cjs/* GetResourcesCommand */.zR({
            ResourcesPerPage: RESOURCES_PER_PAGE,
            ...(token === undefined ? {} : { PaginationToken: token }),
        }), { abortSignal: context.signal });
        for (const mapping of page.ResourceTagMappingList ?? [])
            if (mapping.ResourceARN !== undefined)
                resources[mapping.ResourceARN] = tagsToRecord(mapping.Tags);
        // The last page carries an empty token.
        token = page.PaginationToken || undefined;
    } while (token !== undefined);
    return resources;
}
/**
 * The tagging API in one region: every tagged resource's ARN and tags, across services, for attributing
 * findings to owners. Pages of 100, the API's maximum.
 */
const taggingCollector = {
    service: 'tagging',
    scope: 'regional',
    operations: [{ client: 'ResourceGroupsTaggingAPI', operation: 'GetResources' }],
    async collect(context, target) {
        const resources = await context.attempt('GetResources', () => readTags(context));
        if (resources)
            target.regional.tagging = { resources };
    },
};

;// CONCATENATED MODULE: ../../core/scan/collectors/index.ts









/**
 * Every collector, one per service, in the order a scan runs them (SCAN_SERVICES): CloudWatch comes after EC2,
 * ELBv2 and RDS because it measures the resources they found in the region.
 */
const ALL_COLLECTORS = [
    iamCollector,
    s3Collector,
    ec2Collector,
    elbv2Collector,
    rdsCollector,
    logsCollector,
    cloudwatchCollector,
    taggingCollector,
    costExplorerCollector,
];

// EXTERNAL MODULE: ../../core/findings/fingerprint.ts
var findings_fingerprint = __webpack_require__(1009);
;// CONCATENATED MODULE: ../../core/rules/evaluate.ts

function missingInput(rule, coverage, accountId, region) {
    for (const input of rule.requires) {
        const inScope = coverage.filter((entry) => entry.accountId === accountId && entry.region === region && entry.service === input.service);
        const failed = inScope.find((entry) => (entry.operation === input.operation || entry.operation === '*') && entry.status !== 'ok');
        if (failed)
            return `${input.service}:${input.operation} ${failed.status}${failed.detail ? ` (${failed.detail})` : ''}`;
        // No entry at all: the service was not scanned here (filtered out, or an older snapshot), so nothing is known.
        if (inScope.length === 0)
            return `${input.service} was not scanned in ${region}`;
    }
    return undefined;
}
/** Builds the Finding for one hit: rule data, the resource in its account and region, a stable fingerprint. */
function hitToFinding(rule, hit, accountId, region) {
    const fingerprint = (0,findings_fingerprint/* fingerprintFinding */.c)({
        ruleId: rule.id,
        resource: { accountId, region, type: hit.resource.type, id: hit.resource.id },
        ...(hit.discriminator === undefined ? {} : { detail: hit.discriminator }),
    });
    const finding = {
        ruleId: rule.id,
        title: `${rule.title}: ${hit.resource.id}`,
        severity: hit.severity ?? rule.severity,
        category: rule.category,
        message: hit.message,
        remediation: hit.remediation ?? rule.remediation,
        evidence: hit.evidence,
        fingerprint,
        resource: { accountId, region, ...hit.resource },
    };
    if (hit.estimatedMonthlySavingsUsd !== undefined)
        finding.estimatedMonthlySavingsUsd = Math.round(hit.estimatedMonthlySavingsUsd * 100) / 100;
    return finding;
}
/**
 * Runs every rule over every scope of the inventory: global rules once per account, regional rules once per
 * account and scanned region. A rule whose input was denied, failed or skipped in a scope is reported as not
 * evaluated there instead of passing silently.
 */
function evaluateRules(inventory, rules, context) {
    const findings = [];
    const notEvaluated = [];
    for (const account of inventory.accounts) {
        const scopes = [
            { region: 'global', scope: { kind: 'global', account } },
        ];
        for (const region of account.regions)
            scopes.push({
                region,
                scope: { kind: 'regional', account, region, inventory: account.regional[region] ?? {} },
            });
        for (const { region, scope } of scopes) {
            for (const rule of rules) {
                if ((rule.scope === 'global') !== (scope.kind === 'global'))
                    continue;
                const reason = missingInput(rule, inventory.coverage, account.accountId, region);
                if (reason) {
                    notEvaluated.push({ ruleId: rule.id, accountId: account.accountId, region, reason });
                    continue;
                }
                for (const hit of rule.evaluate(scope, context))
                    findings.push(hitToFinding(rule, hit, account.accountId, region));
            }
        }
    }
    return { findings, notEvaluated };
}

// EXTERNAL MODULE: ../../core/rules/index.ts + 65 modules
var rules = __webpack_require__(439);
;// CONCATENATED MODULE: ../live-scan.ts
/**
 * The live scan as the Action runs it: core's scan engine over this job's accounts, then the rules. Accounts
 * that cannot be reached and reads that are denied come back as coverage gaps, so the report says what it
 * could not see; the step fails only when no account at all could be reached.
 */

function coverageGap(entry) {
    return {
        account: entry.accountId,
        region: entry.region,
        service: entry.service,
        operation: entry.operation,
        status: entry.status === 'ok' ? 'error' : entry.status,
        detail: entry.detail ?? '',
    };
}
function describeTarget(target, regions) {
    const named = target.name && target.name !== target.accountId ? ` (${target.name})` : '';
    const report = {
        description: `AWS account ${target.accountId}${named}`,
        accountId: target.accountId,
    };
    if (regions.length > 0)
        report.regions = [...regions];
    return report;
}
/** Scans this job's accounts and evaluates the rules; see the module comment. */
async function runLiveScan(options) {
    const { access } = options;
    const unreachable = new Set();
    let lastLogged = 0;
    const services = options.services;
    const inventory = await runScan({
        targets: access.targets,
        async connect(target) {
            try {
                return await access.connect(target);
            }
            catch (error) {
                unreachable.add(target.accountId);
                throw error;
            }
        },
        collectors: ALL_COLLECTORS,
        regions: options.regions,
        ...(services === undefined ? {} : { services, includeCostExplorer: services.includes('ce') }),
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
        axiomVersion: options.version,
        clock: options.clock,
        onProgress(progress) {
            // A line every tenth of the way, not one per unit: hundreds of accounts make thousands of units.
            const tenth = Math.floor((progress.done * 10) / Math.max(progress.total, 1));
            if (tenth > lastLogged || progress.done === progress.total) {
                lastLogged = tenth;
                options.log(`Live scan: ${progress.done} of ${progress.total} units done`);
            }
        },
    });
    access.dropAll();
    if (access.targets.length > 0 && unreachable.size === access.targets.length) {
        const detail = inventory.coverage.find((entry) => entry.operation === '*' && entry.status === 'error')?.detail;
        throw new errors/* AxiomError */.fy('scan_no_account_reached', `Could not reach any of the ${access.targets.length} account(s) to scan${detail ? `: ${detail}` : '.'}`, {
            hint: "Check each role's trust policy; `axiom onboard --format trust --github-repo OWNER/REPO` prints one.",
        });
    }
    const evaluation = evaluateRules(inventory, rules/* ALL_RULES */.U, { now: options.clock(), catalog: options.catalog });
    const byAccount = new Map(inventory.accounts.map((account) => [account.accountId, account.regions]));
    return {
        findings: evaluation.findings,
        coverage: inventory.coverage.filter((entry) => entry.status !== 'ok').map(coverageGap),
        notEvaluated: evaluation.notEvaluated,
        targets: access.targets.map((target) => describeTarget(target, byAccount.get(target.accountId) ?? [])),
        unreachable: unreachable.size,
        apiCalls: inventory.stats.apiCalls.total,
        durationMs: inventory.stats.durationMs,
    };
}

// EXTERNAL MODULE: ../shard.ts
var shard_0 = __webpack_require__(4267);
;// CONCATENATED MODULE: ../scan-stage.ts
/**
 * The live scan stage: this job's slice of the targets (with `shard`), connected to and scanned. A role that
 * cannot be assumed is a failure with its diagnosis; an unreachable target among others is a coverage gap.
 */




/** Connects and scans this job's accounts. */
async function runScanStage(options) {
    const { inputs, run, toolkit } = options;
    const shard = inputs.shard;
    const targets = inputs.targets && shard ? (0,shard_0/* shardSlice */.RD)(inputs.targets, shard) : inputs.targets;
    // A single role is a list of one: it belongs to the first shard.
    const emptySlice = targets ? targets.length === 0 : shard !== undefined && shard.index > 1;
    if (emptySlice) {
        toolkit.info(`Shard ${shard?.index}/${shard?.count} has no accounts to scan.`);
        return { status: 'nothing-to-scan' };
    }
    let access;
    try {
        access = await prepareScanAccess({
            inputs,
            targets,
            defaultSessionName: sanitizeSessionName(`axiom-${run.runId ?? 'local'}-${run.runAttempt ?? '1'}`, options.clock()),
            aws: run.aws,
            oidcAvailable: run.oidcAvailable,
            toolkit,
            clock: options.clock,
            sleep: options.sleep,
            random: options.random,
        });
    }
    catch (error) {
        if ((0,errors/* isAxiomError */.tl)(error))
            return { status: 'error', message: (0,errors/* describeError */.Uc)(error) };
        throw error;
    }
    toolkit.info(`Live scan: ${access.targets.length} account(s).`);
    try {
        const live = await runLiveScan({
            access,
            regions: inputs.regions,
            ...(inputs.services === undefined ? {} : { services: inputs.services }),
            ...(run.aws.endpoint === undefined ? {} : { endpoint: run.aws.endpoint }),
            ...(run.aws.maxAttempts === undefined ? {} : { maxAttempts: run.aws.maxAttempts }),
            version: options.version,
            catalog: options.catalog,
            clock: options.clock,
            log: (line) => toolkit.info(line),
        });
        if (live.unreachable > 0)
            toolkit.warning(`Axiom could not reach ${live.unreachable} of ${access.targets.length} account(s); the report lists them as coverage gaps.`);
        if (live.notEvaluated.length > 0)
            toolkit.info(`${live.notEvaluated.length} rule evaluation(s) were not possible for lack of data; see the coverage gaps.`);
        return { status: 'scanned', live };
    }
    catch (error) {
        access.dropAll();
        if ((0,errors/* isAxiomError */.tl)(error))
            return { status: 'error', message: (0,errors/* describeError */.Uc)(error) };
        throw error;
    }
}


/***/ })

};
;
//# sourceMappingURL=750.index.js.map