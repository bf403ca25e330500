import type { PolicyStatement } from '../document.ts';
import { readCondition } from './read-condition.ts';
import {
  type ReadContext,
  readElementList,
  readScalar,
  reportRepeatedKey,
  reportUnknownKey,
} from './read-elements.ts';
import { readPrincipal } from './read-principal.ts';
import type { ObjectEntry, ObjectNode } from './source-node.ts';

/** The keys a statement may have, as IAM spells them (case matters). */
const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/**
 * Builds one statement from its object; wrong types and unknown keys become problems. Every element is set, in one
 * fixed order whatever order the source writes them in, so all statements share one object shape (PolicyStatement).
 *
 * Reads as knownEntries does (unknown and repeated keys reported in source order, the last of a repeated key
 * counting, elements read in the order their keys first appear), without a Map per statement: this runs for every
 * statement of every policy.
 */
export function buildStatement(context: ReadContext, node: ObjectNode, index: number): PolicyStatement {
  const where = `statement ${index}`;
  const nodeEntries = node.entries;
  // The last entry of each known key, and the keys in the order they first appear.
  const last: (ObjectEntry | undefined)[] = [];
  const order: number[] = [];
  for (let i = 0; i < nodeEntries.length; i++) {
    const entry = nodeEntries[i]!;
    const key = entry.key;
    const known = key.type === 'string' ? STATEMENT_KEYS.indexOf(key.value) : -1;
    if (known === -1) {
      reportUnknownKey(context, entry, STATEMENT_KEYS, where);
      continue;
    }
    if (last[known] === undefined) order.push(known);
    else reportRepeatedKey(context, entry, where);
    last[known] = entry;
  }
  let sid: PolicyStatement['sid'];
  let effect: PolicyStatement['effect'];
  let action: PolicyStatement['action'];
  let notAction: PolicyStatement['notAction'];
  let resource: PolicyStatement['resource'];
  let notResource: PolicyStatement['notResource'];
  let principal: PolicyStatement['principal'];
  let notPrincipal: PolicyStatement['notPrincipal'];
  let condition: PolicyStatement['condition'];
  for (let k = 0; k < order.length; k++) {
    const known = order[k]!;
    const entry = last[known]!;
    switch (STATEMENT_KEYS[known]) {
      case 'Sid':
        sid = readScalar(context, entry.value, 'Sid');
        break;
      case 'Effect':
        effect = readScalar(context, entry.value, 'Effect');
        break;
      case 'Action':
        action = readElementList(context, entry, 'Action');
        break;
      case 'NotAction':
        notAction = readElementList(context, entry, 'NotAction');
        break;
      case 'Resource':
        resource = readElementList(context, entry, 'Resource');
        break;
      case 'NotResource':
        notResource = readElementList(context, entry, 'NotResource');
        break;
      case 'Principal':
        principal = readPrincipal(context, entry, 'Principal');
        break;
      case 'NotPrincipal':
        notPrincipal = readPrincipal(context, entry, 'NotPrincipal');
        break;
      case 'Condition':
        condition = readCondition(context, entry);
        break;
    }
  }
  // Every element set, absent ones as undefined, in one order: see PolicyStatement.
  return {
    index,
    range: node.range,
    sid,
    effect,
    action,
    notAction,
    resource,
    notResource,
    principal,
    notPrincipal,
    condition,
  };
}
