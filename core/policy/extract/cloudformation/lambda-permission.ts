import {
  findEntry,
  type ObjectEntry,
  type ObjectNode,
  type SourceNode,
  type StringNode,
} from '../source-node.ts';

/** Lambda permission properties that become conditions of the statement, with the operator Lambda uses. */
const CONDITION_PROPERTIES = [
  { property: 'SourceArn', operator: 'ArnLike', key: 'aws:SourceArn' },
  { property: 'SourceAccount', operator: 'StringEquals', key: 'aws:SourceAccount' },
  { property: 'PrincipalOrgID', operator: 'StringEquals', key: 'aws:PrincipalOrgID' },
  { property: 'FunctionUrlAuthType', operator: 'StringEquals', key: 'lambda:FunctionUrlAuthType' },
  { property: 'EventSourceToken', operator: 'StringEquals', key: 'lambda:EventSourceToken' },
] as const;

/**
 * The resource-policy statement an `AWS::Lambda::Permission` adds to its function, as Lambda writes it,
 * with every element positioned at the property it comes from (Principal, Action, FunctionName, SourceArn,
 * SourceAccount, ...). The Effect, which the resource does not state, points at the Properties mapping.
 */
export function lambdaPermissionPolicy(properties: ObjectNode, resource: SourceNode): SourceNode {
  const at = (node: SourceNode) => ({ start: node.start, end: node.end, range: node.range });
  const rename = (entry: ObjectEntry, key: string): ObjectEntry => ({
    key: { type: 'string', value: key, ...at(entry.key) },
    value: entry.value,
  });
  const literal = (value: string, node: SourceNode): StringNode => ({ type: 'string', value, ...at(node) });

  const statement: ObjectEntry[] = [
    { key: literal('Effect', properties), value: literal('Allow', properties) },
  ];
  const principal = findEntry(properties, 'Principal');
  if (principal) statement.push({ key: principal.key, value: principalValue(principal.value) });
  const action = findEntry(properties, 'Action');
  if (action) statement.push(action);
  const functionName = findEntry(properties, 'FunctionName');
  if (functionName) statement.push(rename(functionName, 'Resource'));

  const operators = new Map<string, ObjectEntry[]>();
  for (let i = 0; i < CONDITION_PROPERTIES.length; i++) {
    const { property, operator, key } = CONDITION_PROPERTIES[i]!;
    const entry = findEntry(properties, property);
    if (!entry) continue;
    const keys = operators.get(operator) ?? [];
    keys.push(rename(entry, key));
    operators.set(operator, keys);
  }
  if (operators.size > 0) {
    const condition: ObjectEntry[] = [...operators].map((byOperator) => {
      const keys = byOperator[1];
      return {
        key: literal(byOperator[0], keys[0]!.key),
        value: { type: 'object', entries: keys, ...at(keys[0]!.value) },
      };
    });
    statement.push({
      key: literal('Condition', properties),
      value: { type: 'object', entries: condition, ...at(properties) },
    });
  }

  const statementNode: SourceNode = { type: 'object', entries: statement, ...at(properties) };
  const span = at(resource);
  return {
    type: 'object',
    entries: [
      { key: literal('Version', properties), value: literal('2012-10-17', properties) },
      { key: literal('Statement', properties), value: { type: 'array', items: [statementNode], ...span } },
    ],
    ...span,
  };
}

/**
 * Lambda's Principal is one string: a service (`s3.amazonaws.com`), an account or an ARN, or `*`; in a policy
 * it becomes `{"Service": ...}`, `{"AWS": ...}` or `"*"`.
 */
function principalValue(node: SourceNode): SourceNode {
  if (node.type === 'string' && node.value === '*') return node;
  const isService = node.type === 'string' && /\.amazonaws\.com(\.cn)?$/.test(node.value);
  const at = { start: node.start, end: node.end, range: node.range };
  return {
    type: 'object',
    entries: [{ key: { type: 'string', value: isService ? 'Service' : 'AWS', ...at }, value: node }],
    ...at,
  };
}
