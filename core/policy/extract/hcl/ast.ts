import type { TemplateText } from './template.ts';

/** Where a syntax element is: file offsets, end exclusive. */
export interface Span {
  /** File offset of the first character. */
  start: number;
  /** File offset after the last character. */
  end: number;
}

/** An HCL expression, kept only as detailed as policy extraction needs; the rest is `opaque`. */
export type Expression =
  | (Span & { type: 'template'; template: TemplateText })
  | (Span & { type: 'number'; value: number; text: string })
  | (Span & { type: 'bool'; value: boolean })
  | (Span & { type: 'null' })
  | (Span & { type: 'tuple'; items: Expression[] })
  | (Span & { type: 'object'; items: ObjectItem[] })
  | (Span & { type: 'call'; name: string; args: Expression[] })
  /** A variable with attribute and index traversals, e.g. `data.aws_iam_policy_document.x.json`. */
  | (Span & { type: 'reference'; root: string })
  /** Operators, conditionals, for-expressions, splats: evaluated only by Terraform. */
  | (Span & { type: 'opaque' });

/** One `key = value` (or `key: value`) of an object constructor. */
export interface ObjectItem {
  /** The key: a bare identifier (a reference with no traversal), a string or a parenthesised expression. */
  key: Expression;
  /** The value. */
  value: Expression;
}

/** `name = value` in a body. */
export interface Attribute extends Span {
  /** The attribute name, e.g. `policy`. */
  name: string;
  /** Where the name is written. */
  nameSpan: Span;
  /** The attribute's expression. */
  value: Expression;
}

/** A label of a block, e.g. `"aws_iam_role"`. */
export interface BlockLabel extends Span {
  /** The label, unquoted. */
  value: string;
}

/** `type "label" ... { body }`. */
export interface Block extends Span {
  /** The block type, e.g. `resource` or `statement`. */
  type: string;
  /** Where the type keyword is written. */
  typeSpan: Span;
  /** The labels, e.g. the resource type and name. */
  labels: BlockLabel[];
  /** What is inside the braces. */
  body: Body;
}

/** The attributes and blocks of a file or of a block, each in source order. */
export interface Body {
  /** The attributes, in source order. */
  attributes: Attribute[];
  /** The nested blocks, in source order. */
  blocks: Block[];
}
