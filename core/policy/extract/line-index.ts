import type { SourceRange } from '../document.ts';

/** Turns offsets in a file into 1-based line and column numbers; built once per file. */
export interface LineIndex {
  /** The range from `start` (inclusive) to `end` (exclusive), offsets into the file. */
  range(start: number, end: number): SourceRange;
}

/**
 * Indexes the line starts of `text` so each lookup is a binary search. A class, not an object of closures: every
 * file gets one, and shared methods keep the parsers that call it for each value monomorphic.
 */
export function createLineIndex(text: string): LineIndex {
  return new LineStarts(text);
}

class LineStarts implements LineIndex {
  readonly #text: string;
  /**
   * The offsets lines start at, found on the first lookup: the JSON parser counts lines itself for a whole file, so
   * most JSON files never need them. Plain properties (written once, read on every lookup; see #lineOf's hint).
   */
  private starts: number[] | undefined;
  private last = 0;
  /**
   * The line of the previous lookup: parsers ask in source order, so the answer is nearly always it or the next.
   * A plain property, written on most lookups: V8's Maglev tier stores to a private field through a generic call.
   */
  private hint = 0;

  constructor(text: string) {
    this.#text = text;
  }

  #lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.#text;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    this.last = starts.length - 1;
    return starts;
  }

  range(start: number, end: number): SourceRange {
    const starts = this.#lineStarts();
    const startLine = this.#lineOf(start);
    const endLine = end === start ? startLine : this.#lineOf(end);
    return {
      line: startLine + 1,
      column: start - starts[startLine]! + 1,
      endLine: endLine + 1,
      endColumn: end - starts[endLine]! + 1,
    };
  }

  #lineOf(offset: number): number {
    const starts = this.starts!;
    const hint = this.hint;
    if (starts[hint]! <= offset) {
      if (hint === this.last || offset < starts[hint + 1]!) return hint;
      if (hint + 1 === this.last || offset < starts[hint + 2]!) {
        this.hint = hint + 1;
        return hint + 1;
      }
    }
    let low = 0;
    let high = this.last;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    this.hint = low;
    return low;
  }
}

/**
 * Where to report a syntax error at `offset` in `text`: the character there, or nothing (an empty span) at
 * a line end or the end of the text, so the range never runs onto the next line.
 */
export function errorSpan(text: string, offset: number): [start: number, end: number] {
  const at = Math.max(0, Math.min(offset, text.length));
  const width = at < text.length && text[at] !== '\n' && text[at] !== '\r' ? 1 : 0;
  return [at, at + width];
}

/** The range of a syntax error at `offset` in the file's `text`. */
export function errorRange(lines: LineIndex, text: string, offset: number): SourceRange {
  return lines.range(...errorSpan(text, offset));
}
