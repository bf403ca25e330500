import type { PrincipalElement, PrincipalEntry } from '../document.ts';
import { isInterpolated } from './interpolation.ts';
import { type ReadContext, readScalarList, unresolved, wrongType } from './read-elements.ts';
import type { ObjectEntry } from './source-node.ts';

/** The principal types IAM accepts as keys of a Principal object. */
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/** Reads a Principal or NotPrincipal element: `"*"` or `{ "AWS": ..., "Service": ... }`. */
export function readPrincipal(context: ReadContext, entry: ObjectEntry, what: string): PrincipalElement {
  const node = entry.value;
  const element: PrincipalElement = { range: node.range, keyRange: entry.key.range, entries: [] };
  if (node.type === 'string' && node.value === '*') {
    element.entries.push({ type: '*', value: '*', range: node.range });
  } else if (node.type === 'placeholder') {
    unresolved(context, node, what);
  } else if (node.type !== 'object') {
    wrongType(context, node, what, '"*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}');
  } else {
    for (let i = 0; i < node.entries.length; i++) {
      const typed = node.entries[i]!;
      const type = typed.key.type === 'string' ? typed.key.value : typed.key.text;
      // A computed type (Terraform's `type = var.kind`) is not known to be wrong.
      const computed = typed.key.type === 'placeholder' || isInterpolated(type);
      if (!computed && !PRINCIPAL_TYPES.includes(type)) {
        context.problems.push({
          kind: 'invalid-policy',
          message: `unknown principal type ${JSON.stringify(type)} in ${what}; expected one of ${PRINCIPAL_TYPES.join(', ')}`,
          range: typed.key.range,
        });
      }
      const values = readScalarList(context, typed.value, `${what} ${type}`);
      for (let j = 0; j < values.length; j++) {
        element.entries.push({ type, ...values[j]! } satisfies PrincipalEntry);
      }
    }
  }
  return element;
}
