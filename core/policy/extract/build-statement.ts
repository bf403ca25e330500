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

/** Builds one statement from its object; wrong types and unknown keys become problems. */
export function buildStatement(context: ReadContext, node: ObjectNode, index: number): PolicyStatement {
  const statement: PolicyStatement = { index, range: node.range };
  const entries = knownEntries(context, node, STATEMENT_KEYS, `statement ${index}`);
  for (const [key, entry] of entries) {
    switch (key) {
      case 'Sid': {
        const sid = readScalar(context, entry.value, 'Sid');
        if (sid) statement.sid = sid;
        break;
      }
      case 'Effect': {
        const effect = readScalar(context, entry.value, 'Effect');
        if (effect) statement.effect = effect;
        break;
      }
      case 'Action':
        statement.action = readElementList(context, entry, 'Action');
        break;
      case 'NotAction':
        statement.notAction = readElementList(context, entry, 'NotAction');
        break;
      case 'Resource':
        statement.resource = readElementList(context, entry, 'Resource');
        break;
      case 'NotResource':
        statement.notResource = readElementList(context, entry, 'NotResource');
        break;
      case 'Principal':
        statement.principal = readPrincipal(context, entry, 'Principal');
        break;
      case 'NotPrincipal':
        statement.notPrincipal = readPrincipal(context, entry, 'NotPrincipal');
        break;
      case 'Condition':
        statement.condition = readCondition(context, entry);
        break;
    }
  }
  return statement;
}
