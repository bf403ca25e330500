import type { SourceRange } from '../document.ts';

/** Turns offsets in a file into 1-based line and column numbers; built once per file. */
export interface LineIndex {
  /** The range from `start` (inclusive) to `end` (exclusive), offsets into the file. */
  range(start: number, end: number): SourceRange;
}

/** Indexes the line starts of `text` so each lookup is a binary search. */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);

  function lineOf(offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  return {
    range(start, end) {
      const startLine = lineOf(start);
      const endLine = end === start ? startLine : lineOf(end);
      return {
        line: startLine + 1,
        column: start - starts[startLine]! + 1,
        endLine: endLine + 1,
        endColumn: end - starts[endLine]! + 1,
      };
    },
  };
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
