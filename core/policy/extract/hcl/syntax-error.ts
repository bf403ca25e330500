/** A syntax error at a file offset; thrown inside the HCL lexer and parser only, returned as data at the top. */
export class HclSyntaxError extends Error {
  /** File offset of the offending character. */
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.name = 'HclSyntaxError';
    this.at = at;
  }
}
