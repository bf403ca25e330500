import type { SourceRange } from '../document.ts';
import type { LineIndex } from './line-index.ts';

/**
 * Text decoded from a span of a file (an escaped string, a heredoc, a URL-encoded document), with the file
 * offset each character came from, so positions found in the decoded text point into the file.
 */
export interface MappedText {
  /** The decoded text. */
  text: string;
  /** `offsets[i]` is the file offset of character `i`; `offsets[text.length]` is where the span ends. */
  offsets: readonly number[];
}

/** Converts offsets in text being parsed into file offsets and source ranges. */
export interface Locator {
  /** The file offset of offset `index` in the parsed text. */
  fileOffset(index: number): number;
  /** The source range of parsed-text offsets `start` to `end` (exclusive). */
  range(start: number, end: number): SourceRange;
}

/** A locator for text that is the file itself, or a verbatim slice of it starting at `base`. */
export function fileLocator(lines: LineIndex, base = 0): Locator {
  return {
    fileOffset: (index) => base + index,
    range: (start, end) => lines.range(base + start, base + end),
  };
}

/** A locator for decoded text, mapping each offset through `mapped.offsets`. */
export function mappedLocator(lines: LineIndex, mapped: MappedText): Locator {
  const at = (index: number) => mapped.offsets[Math.min(index, mapped.offsets.length - 1)] ?? 0;
  return {
    fileOffset: at,
    range: (start, end) => lines.range(at(start), Math.max(at(start), at(end))),
  };
}
