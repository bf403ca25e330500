/** One step of the store's schema, applied once, in version order, inside the opening transaction. */
export interface Migration {
  /** Position in the sequence, from 1, never reused. */
  version: number;
  /** A few words on what it does, recorded with it. */
  name: string;
  /** The statements; unqualified names land in the store's schema. Never edit one that has shipped. */
  sql: string;
}
