import type {
  CompactJsonSize,
  Located,
  PolicyDocument,
  PolicyKind,
  PolicyScalar,
  PolicySource,
  PolicyStatement,
  ResourcePolicyType,
} from '../document.ts';
import { buildStatement } from './build-statement.ts';
import { compactJsonSize } from './compact-size.ts';
import type { LocatedProblem } from './extract-result.ts';
import { knownEntries, type ReadContext, readScalar, unresolved, wrongType } from './read-elements.ts';
import { type SourceNode, toPlainValue } from './source-node.ts';

/** What the extractor knows about a policy before reading it. */
export interface DocumentContext {
  kind: PolicyKind;
  resourceType?: ResourcePolicyType | undefined;
  /** Where the policy comes from; the range is the policy node's. */
  source: Omit<PolicySource, 'range'>;
  /** Accept numbers and booleans where strings belong, as CloudFormation does. */
  coerceScalars?: boolean;
  /**
   * The node was parsed from a whole JSON file without lone surrogates, so a string's source span tells whether it
   * was written with escapes (see compactJsonSize).
   */
  spansAreSource?: boolean;
}

/** A document when the value is a policy object, and the problems found reading it. */
export interface BuiltDocument {
  document?: PolicyDocument;
  problems: LocatedProblem[];
}

const POLICY_KEYS = ['Version', 'Id', 'Statement'];

/**
 * A document read from a positioned tree. Its two views of the whole tree, `raw` and `jsonSize`, are made on first
 * read: few documents of a lint ever need the plain copy, and the size is counted from the tree. A class, so every
 * document shares one shape with the getters on its prototype (an object literal with its own getters is a slow
 * dictionary object to every check that reads it).
 */
class ExtractedDocument implements PolicyDocument {
  kind: PolicyKind;
  readonly source: PolicySource;
  // Every field present from the start (undefined until set), so all documents share one shape.
  resourceType: ResourcePolicyType | undefined = undefined;
  version: Located<PolicyScalar> | undefined = undefined;
  id: Located<PolicyScalar> | undefined = undefined;
  statements: PolicyStatement[] = [];
  readonly #node: SourceNode;
  #raw: { value: unknown } | undefined;
  #jsonSize: CompactJsonSize | undefined;
  readonly #spansAreSource: boolean;

  constructor(kind: PolicyKind, source: PolicySource, node: SourceNode, spansAreSource: boolean) {
    this.kind = kind;
    this.source = source;
    this.#node = node;
    this.#spansAreSource = spansAreSource;
  }

  get raw(): unknown {
    this.#raw ??= { value: toPlainValue(this.#node) };
    return this.#raw.value;
  }

  get jsonSize(): CompactJsonSize {
    this.#jsonSize ??= compactJsonSize(this.#node, this.#spansAreSource);
    return this.#jsonSize;
  }
}

/**
 * Builds a policy document from a positioned value. Never throws: a value that is not a policy object gives
 * a problem and no document; structural problems inside a policy give problems beside the document.
 */
export function buildPolicyDocument(node: SourceNode, context: DocumentContext): BuiltDocument {
  const read: ReadContext = { problems: [], coerceScalars: context.coerceScalars === true };
  if (node.type === 'placeholder') {
    unresolved(read, node, 'the policy');
    return { problems: read.problems };
  }
  if (node.type !== 'object') {
    wrongType(read, node, 'a policy', 'an object with Version and Statement');
    return { problems: read.problems };
  }
  const document: PolicyDocument = new ExtractedDocument(
    context.kind,
    { ...context.source, range: node.range },
    node,
    context.spansAreSource === true,
  );
  if (context.resourceType) document.resourceType = context.resourceType;

  const entries = knownEntries(read, node, POLICY_KEYS, 'the policy');
  const version = entries.get('Version');
  const versionValue = version && readScalar(read, version.value, 'Version');
  if (versionValue) document.version = versionValue;
  const id = entries.get('Id');
  const idValue = id && readScalar(read, id.value, 'Id');
  if (idValue) document.id = idValue;

  const statement = entries.get('Statement');
  if (!statement) {
    read.problems.push({ kind: 'invalid-policy', message: 'the policy has no Statement', range: node.range });
  } else {
    document.statements = buildStatements(read, statement.value);
  }
  return { document, problems: read.problems };
}

/** Statement is one statement object or an array of them. */
function buildStatements(read: ReadContext, node: SourceNode): PolicyStatement[] {
  if (node.type === 'object') return [buildStatement(read, node, 0)];
  if (node.type === 'placeholder') {
    unresolved(read, node, 'Statement');
    return [];
  }
  if (node.type !== 'array') {
    wrongType(read, node, 'Statement', 'an object or an array of objects');
    return [];
  }
  const statements: PolicyStatement[] = [];
  node.items.forEach((item, index) => {
    if (item.type === 'object') statements.push(buildStatement(read, item, index));
    else if (item.type === 'placeholder') unresolved(read, item, `statement ${index}`);
    else wrongType(read, item, `statement ${index}`, 'an object');
  });
  return statements;
}
