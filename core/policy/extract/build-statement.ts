import type { PolicyStatement } from '../document.ts';
import { readCondition } from './read-condition.ts';
import { knownEntries, type ReadContext, readElementList, readScalar } from './read-elements.ts';
import { readPrincipal } from './read-principal.ts';
import type { ObjectNode } from './source-node.ts';

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
 */
export function buildStatement(context: ReadContext, node: ObjectNode, index: number): PolicyStatement {
  const entries = knownEntries(context, node, STATEMENT_KEYS, `statement ${index}`);
  let sid: PolicyStatement['sid'];
  let effect: PolicyStatement['effect'];
  let action: PolicyStatement['action'];
  let notAction: PolicyStatement['notAction'];
  let resource: PolicyStatement['resource'];
  let notResource: PolicyStatement['notResource'];
  let principal: PolicyStatement['principal'];
  let notPrincipal: PolicyStatement['notPrincipal'];
  let condition: PolicyStatement['condition'];
  // Read in source order, so problems keep their order.
  for (const keyed of entries) {
    const key = keyed[0];
    const entry = keyed[1];
    switch (key) {
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
