import type { ConditionElement } from '../document.ts';
import { type ReadContext, readScalar, readScalarList, unresolved, wrongType } from './read-elements.ts';
import type { ObjectEntry } from './source-node.ts';

/** Reads a Condition element: `{ "<operator>": { "<key>": value or [values] } }`. */
export function readCondition(context: ReadContext, entry: ObjectEntry): ConditionElement {
  const node = entry.value;
  const element: ConditionElement = { range: node.range, keyRange: entry.key.range, entries: [] };
  if (node.type === 'placeholder') {
    unresolved(context, node, 'Condition');
    return element;
  }
  if (node.type !== 'object') {
    wrongType(context, node, 'Condition', 'an object of operators');
    return element;
  }
  for (let i = 0; i < node.entries.length; i++) {
    const byOperator = node.entries[i]!;
    const operator = readScalar(context, byOperator.key, 'a condition operator');
    const keys = byOperator.value;
    if (!operator) continue;
    if (keys.type === 'placeholder') {
      unresolved(context, keys, 'the keys of a condition operator');
      continue;
    }
    if (keys.type !== 'object') {
      wrongType(context, keys, 'each condition operator', 'an object of condition keys');
      continue;
    }
    for (let j = 0; j < keys.entries.length; j++) {
      const byKey = keys.entries[j]!;
      const key = readScalar(context, byKey.key, 'a condition key');
      if (!key) continue;
      const values = readScalarList(context, byKey.value, 'a condition value', true);
      element.entries.push({ operator, key, values });
    }
  }
  return element;
}
