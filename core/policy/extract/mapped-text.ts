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
  return new FileLocator(lines, base);
}

/** A locator for decoded text, mapping each offset through `mapped.offsets`. */
export function mappedLocator(lines: LineIndex, mapped: MappedText): Locator {
  return new MappedLocator(lines, mapped);
}

// Classes, not objects of closures: the parser calls a locator for every value it reads, and one shared method
// per kind keeps that call monomorphic (a fresh closure per file made it a new call target each time).

class FileLocator implements Locator {
  readonly #lines: LineIndex;
  readonly #base: number;

  constructor(lines: LineIndex, base: number) {
    this.#lines = lines;
    this.#base = base;
  }

  fileOffset(index: number): number {
    return this.#base + index;
  }

  range(start: number, end: number): SourceRange {
    return this.#lines.range(this.#base + start, this.#base + end);
  }
}

class MappedLocator implements Locator {
  readonly #lines: LineIndex;
  readonly #offsets: readonly number[];

  constructor(lines: LineIndex, mapped: MappedText) {
    this.#lines = lines;
    this.#offsets = mapped.offsets;
  }

  fileOffset(index: number): number {
    const offsets = this.#offsets;
    return offsets[Math.min(index, offsets.length - 1)] ?? 0;
  }

  range(start: number, end: number): SourceRange {
    const from = this.fileOffset(start);
    return this.#lines.range(from, Math.max(from, this.fileOffset(end)));
  }
}
