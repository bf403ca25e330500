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
 * Builds one statement from its object; wrong types and unknown keys become problems. The elements are set in one
 * fixed order whatever order the source writes them in (Sid, Effect, Action, NotAction, Resource, NotResource,
 * Principal, NotPrincipal, Condition), so statements share fewer object shapes and the property reads of the
 * checks, which visit every statement, stay cheaper.
 */
export function buildStatement(context: ReadContext, node: ObjectNode, index: number): PolicyStatement {
  const statement: PolicyStatement = { index, range: node.range };
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
  if (sid) statement.sid = sid;
  if (effect) statement.effect = effect;
  if (action) statement.action = action;
  if (notAction) statement.notAction = notAction;
  if (resource) statement.resource = resource;
  if (notResource) statement.notResource = notResource;
  if (principal) statement.principal = principal;
  if (notPrincipal) statement.notPrincipal = notPrincipal;
  if (condition) statement.condition = condition;
  return statement;
}
