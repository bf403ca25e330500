/**
 * The IAM policy grammar as a JSON schema, and a validator that reports every problem with a path. Every policy
 * Axiom generates is checked against it in tests, so a typo in a generator shows up as a grammar error here and
 * not as a MalformedPolicyDocument in a customer's console.
 *
 * The grammar is the documented one (IAM JSON policy element reference), kept strict: no keys outside it, exactly
 * one of Action/NotAction, exactly one of Resource/NotResource (none in a trust policy), a Principal only where
 * the kind of policy has one.
 */
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';

/** A condition value: IAM accepts a string, a number, a boolean or a list of them. */
export type IamConditionValue = string | number | boolean | (string | number | boolean)[];

/** Condition block: operator (e.g. 'StringEquals') -> condition key (e.g. 'aws:RequestedRegion') -> value. */
export type IamConditionBlock = Record<string, Record<string, IamConditionValue>>;

/** Who a trust or resource policy statement applies to. */
export type IamPrincipal =
  | '*'
  | {
      /** Accounts, roles and users, as ARNs or 12-digit account ids. */
      AWS?: string | string[];
      /** AWS service principals, e.g. 'ec2.amazonaws.com'. */
      Service?: string | string[];
      /** Web identity or SAML providers, e.g. an OIDC provider ARN. */
      Federated?: string | string[];
      /** S3 canonical user ids. */
      CanonicalUser?: string | string[];
    };

/** One statement of a policy document. */
export interface IamPolicyStatement {
  /** Statement id: letters and digits only. */
  Sid?: string;
  /** Whether the statement grants or denies. */
  Effect: 'Allow' | 'Deny';
  /** Actions the statement covers (exclusive with NotAction). */
  Action?: string | string[];
  /** Actions the statement does not cover (exclusive with Action). */
  NotAction?: string | string[];
  /** Resources the statement covers (exclusive with NotResource; absent in trust policies). */
  Resource?: string | string[];
  /** Resources the statement does not cover (exclusive with Resource). */
  NotResource?: string | string[];
  /** Who the statement applies to, in trust and resource policies. */
  Principal?: IamPrincipal;
  /** Who the statement does not apply to (exclusive with Principal). */
  NotPrincipal?: IamPrincipal;
  /** When the statement applies. */
  Condition?: IamConditionBlock;
}

/** A whole policy document. */
export interface IamPolicyDocument {
  /** Policy language version; always '2012-10-17' in what Axiom writes. */
  Version?: '2012-10-17' | '2008-10-17';
  /** Optional policy identifier. */
  Id?: string;
  /** One statement or a list of them. */
  Statement: IamPolicyStatement | IamPolicyStatement[];
}

/**
 * Which kind of policy a document is, since the grammar differs: an identity policy names resources but no
 * principal, a trust policy names a principal but no resource, a resource policy names both.
 */
export type IamPolicyKind = 'identity' | 'trust' | 'resource';

/** One grammar problem, with where it is. */
export interface PolicyGrammarError {
  /** Where in the document, e.g. 'Statement[0].Effect'; '' for the document itself. */
  path: string;
  /** What is wrong, in one sentence. */
  message: string;
}

/** The outcome of validating a document against the grammar. */
export type PolicyGrammarResult =
  | { valid: true; policy: IamPolicyDocument }
  | { valid: false; errors: PolicyGrammarError[] };

/** Condition operators IAM documents (each may take IfExists, except Null; set operators take a prefix). */
const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
] as const;

const CONDITION_OPERATOR_PATTERN = `^(?:(?:ForAllValues|ForAnyValue):)?(?:(?:${CONDITION_OPERATORS.join('|')})(?:IfExists)?|Null)$`;

/** `service:Action`, with IAM's * and ? wildcards allowed in the action part, or a bare '*'. */
const ACTION_PATTERN = '^(?:\\*|[a-z0-9][a-z0-9-]*:[A-Za-z0-9*?]+)$';

/** '*' or an ARN (policy variables such as ${aws:username} are allowed inside). */
const RESOURCE_PATTERN = '^(?:\\*|arn:.+)$';

/**
 * Plain-language messages per schema object and keyword. Looked up by the object ajv reports as the failing
 * keyword's parent (verbose mode), because ajv's schema paths change shape when it inlines a $ref.
 */
const MESSAGES = new WeakMap<object, Readonly<Record<string, string>>>();

/** Schema objects whose failures only restate a rule that reports itself (the branches of an "exactly one"). */
const RESTATEMENTS = new WeakSet<object>();

function withMessages<T extends SchemaObject>(schema: T, messages: Record<string, string>): T {
  MESSAGES.set(schema, messages);
  return schema;
}

/** A string, or a non-empty list of strings, every one matching `pattern`. */
function stringOrList(pattern: string, patternMessage: string): SchemaObject {
  return withMessages(
    {
      type: ['string', 'array'],
      minLength: 1,
      pattern,
      minItems: 1,
      items: withMessages(
        { type: 'string', minLength: 1, pattern },
        { pattern: patternMessage, minLength: 'must not be empty', type: 'must be a string' },
      ),
    },
    {
      pattern: patternMessage,
      minLength: 'must not be empty',
      minItems: 'must not be an empty list',
      type: 'must be a string or a list of strings',
    },
  );
}

/** Exactly one of the two keys is present. */
function exactlyOne(key: string, negated: string): SchemaObject {
  const branches = [
    { type: 'object', required: [key] },
    { type: 'object', required: [negated] },
  ];
  for (const branch of branches) RESTATEMENTS.add(branch);
  return withMessages(
    { type: 'object', anyOf: branches, not: { type: 'object', required: [key, negated] } },
    {
      anyOf: `a statement needs ${key} or ${negated}`,
      not: `a statement cannot have both ${key} and ${negated}`,
    },
  );
}

const ACTION_MESSAGE = "must be 'service:Action' (e.g. 's3:GetBucketAcl') or '*'";

const DEFINITIONS: Record<string, SchemaObject> = {
  actions: stringOrList(ACTION_PATTERN, ACTION_MESSAGE),
  resources: stringOrList(RESOURCE_PATTERN, "must be '*' or an ARN"),
  principalValues: stringOrList('^\\S+$', 'must not be empty or hold spaces'),
  principal: {
    type: ['string', 'object'],
    if: { type: 'string' },
    // biome-ignore lint/suspicious/noThenProperty: 'then' is the JSON Schema keyword, not a thenable.
    then: withMessages({ const: '*' }, { const: 'a Principal written as a string must be "*"' }),
    else: withMessages(
      {
        minProperties: 1,
        additionalProperties: false,
        properties: {
          AWS: { $ref: '#/definitions/principalValues' },
          Service: { $ref: '#/definitions/principalValues' },
          Federated: { $ref: '#/definitions/principalValues' },
          CanonicalUser: { $ref: '#/definitions/principalValues' },
        },
      },
      { additionalProperties: 'is not a principal type (AWS, Service, Federated or CanonicalUser)' },
    ),
  },
  condition: withMessages(
    {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: CONDITION_OPERATOR_PATTERN },
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        propertyNames: { minLength: 1 },
        additionalProperties: withMessages(
          {
            type: ['string', 'number', 'boolean', 'array'],
            minItems: 1,
            items: { type: ['string', 'number', 'boolean'] },
          },
          { type: 'must be a string, number, boolean or a list of them' },
        ),
      },
    },
    { propertyNames: 'is not an IAM condition operator' },
  ),
  exactlyOneAction: exactlyOne('Action', 'NotAction'),
  exactlyOneResource: exactlyOne('Resource', 'NotResource'),
  exactlyOnePrincipal: exactlyOne('Principal', 'NotPrincipal'),
};

/** Statement keys each kind of policy allows. */
const STATEMENT_KEYS: Record<IamPolicyKind, readonly string[]> = {
  identity: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  trust: ['Sid', 'Effect', 'Action', 'NotAction', 'Principal', 'NotPrincipal', 'Condition'],
  resource: [
    'Sid',
    'Effect',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Principal',
    'NotPrincipal',
    'Condition',
  ],
};

const KEY_SCHEMAS: Record<string, SchemaObject> = {
  Sid: withMessages(
    { type: 'string', pattern: '^[A-Za-z0-9]*$' },
    { pattern: 'may hold only letters and digits' },
  ),
  Effect: { type: 'string', enum: ['Allow', 'Deny'] },
  Action: { $ref: '#/definitions/actions' },
  NotAction: { $ref: '#/definitions/actions' },
  Resource: { $ref: '#/definitions/resources' },
  NotResource: { $ref: '#/definitions/resources' },
  Principal: { $ref: '#/definitions/principal' },
  NotPrincipal: { $ref: '#/definitions/principal' },
  Condition: { $ref: '#/definitions/condition' },
};

const STATEMENT_RULES: Record<IamPolicyKind, readonly string[]> = {
  identity: ['exactlyOneAction', 'exactlyOneResource'],
  trust: ['exactlyOneAction', 'exactlyOnePrincipal'],
  resource: ['exactlyOneAction', 'exactlyOneResource', 'exactlyOnePrincipal'],
};

const ARTICLE: Record<IamPolicyKind, string> = { identity: 'an', trust: 'a', resource: 'a' };

/** The JSON schema of an IAM policy document of the given kind. */
export function iamPolicySchema(kind: IamPolicyKind): SchemaObject {
  const keys = STATEMENT_KEYS[kind];
  const statement = withMessages(
    {
      type: 'object',
      required: ['Effect'],
      additionalProperties: false,
      properties: Object.fromEntries(keys.map((key) => [key, KEY_SCHEMAS[key]])),
      allOf: STATEMENT_RULES[kind].map((rule) => ({ $ref: `#/definitions/${rule}` })),
    },
    { additionalProperties: `is not allowed in a statement of ${ARTICLE[kind]} ${kind} policy` },
  );
  return withMessages(
    {
      $id: `https://axiom.invalid/schemas/iam-policy-${kind}.json`,
      type: 'object',
      required: ['Statement'],
      additionalProperties: false,
      properties: {
        Version: { type: 'string', enum: ['2012-10-17', '2008-10-17'] },
        Id: { type: 'string', minLength: 1 },
        Statement: withMessages(
          {
            type: ['object', 'array'],
            minItems: 1,
            items: { $ref: '#/definitions/statement' },
            if: { type: 'object' },
            // biome-ignore lint/suspicious/noThenProperty: 'then' is the JSON Schema keyword, not a thenable.
            then: { $ref: '#/definitions/statement' },
          },
          {
            type: 'must be a statement or a list of statements',
            minItems: 'must hold at least one statement',
          },
        ),
      },
      definitions: { ...DEFINITIONS, statement },
    },
    {
      additionalProperties: 'is not a policy element (Version, Id, Statement)',
      type: 'must be a JSON object',
    },
  );
}

const compiled = new Map<IamPolicyKind, ValidateFunction>();

function validatorFor(kind: IamPolicyKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    // verbose: errors carry their parent schema, which is how MESSAGES finds the plain-language message.
    // strictRequired is off because the "exactly one of" rules require keys declared by the statement schema
    // beside them, not inside them; every other strict check stays on.
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
    validate = ajv.compile(iamPolicySchema(kind));
    compiled.set(kind, validate);
  }
  return validate;
}

/** 'Statement[0].Condition.StringEquals["aws:RequestedRegion"]' from a JSON pointer (and a key inside it). */
function pathOf(pointer: string, key?: string): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  if (key !== undefined) segments.push(key);
  let path = '';
  for (const raw of segments) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function describe(error: ErrorObject): PolicyGrammarError {
  const params = error.params as Record<string, unknown>;
  const message = MESSAGES.get(error.parentSchema ?? {})?.[error.keyword];
  switch (error.keyword) {
    case 'required':
      return { path: pathOf(error.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return {
        path: pathOf(error.instancePath, String(params.additionalProperty)),
        message: message ?? 'is not allowed here',
      };
    case 'propertyNames':
      return {
        path: pathOf(error.instancePath, String(params.propertyName)),
        message: message ?? 'is not allowed here',
      };
    case 'enum':
      return {
        path: pathOf(error.instancePath),
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: pathOf(error.instancePath), message: message ?? error.message ?? error.keyword };
  }
}

/** Errors that only repeat another error: if/then echoes, a property name's pattern, an "exactly one" branch. */
function isEcho(error: ErrorObject): boolean {
  if (error.keyword === 'if') return true;
  if (error.propertyName !== undefined) return true;
  return error.parentSchema !== undefined && RESTATEMENTS.has(error.parentSchema);
}

/**
 * Checks `document` against the IAM policy grammar for `kind`. Expected problems come back as values, every one
 * with its path; the document is only typed as a policy once it has passed.
 */
export function validateIamPolicy(document: unknown, kind: IamPolicyKind): PolicyGrammarResult {
  const validate = validatorFor(kind);
  if (validate(document)) return { valid: true, policy: document as IamPolicyDocument };

  const seen = new Set<string>();
  const errors: PolicyGrammarError[] = [];
  for (const error of validate.errors ?? []) {
    if (isEcho(error)) continue;
    const item = describe(error);
    const key = `${item.path}\u0000${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(item);
  }
  return { valid: false, errors };
}
