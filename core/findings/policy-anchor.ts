/**
 * A statement's anchor names it without its position, for `fingerprintFinding`: the policy's holder in the file
 * (a Terraform address, a CloudFormation path) and the statement's Sid, or its normalised content when it has no
 * Sid. Moving the statement, adding lines above it or re-ordering its actions keeps the anchor; changing what it
 * grants (without a Sid) or renaming its holder changes it.
 */
import type {
  ElementList,
  PolicyDocument,
  PolicyScalar,
  PolicyStatement,
  PrincipalElement,
} from '../policy/document.ts';

/** The location-independent anchor of `statement` within `document`. */
export function statementAnchor(document: PolicyDocument, statement: PolicyStatement): string {
  const holder = document.source.holder ?? document.source.name ?? '';
  const sid = statement.sid ? scalarText(statement.sid.value) : '';
  if (sid !== '') return JSON.stringify([holder, 'sid', sid]);
  return JSON.stringify([holder, 'content', statementContent(statement)]);
}

/** The statement's elements as plain sorted values: what it says, not where it says it. */
function statementContent(statement: PolicyStatement): unknown {
  return {
    effect: statement.effect ? scalarText(statement.effect.value) : null,
    action: listValues(statement.action),
    notAction: listValues(statement.notAction),
    resource: listValues(statement.resource),
    notResource: listValues(statement.notResource),
    principal: principalValues(statement.principal),
    notPrincipal: principalValues(statement.notPrincipal),
    condition: statement.condition
      ? statement.condition.entries
          .map((entry) =>
            JSON.stringify([
              scalarText(entry.operator.value),
              scalarText(entry.key.value),
              entry.values.map((value) => scalarText(value.value)).sort(),
            ]),
          )
          .sort()
      : null,
  };
}

function listValues(element: ElementList | undefined): string[] | null {
  return element ? element.entries.map((entry) => scalarText(entry.value)).sort() : null;
}

function principalValues(element: PrincipalElement | undefined): string[] | null {
  return element ? element.entries.map((entry) => `${entry.type}:${scalarText(entry.value)}`).sort() : null;
}

/** A literal as itself, a deploy-time placeholder as its source text (stable while the source is). */
function scalarText(value: PolicyScalar): string {
  return typeof value === 'string' ? value : `<placeholder ${value.text}>`;
}
