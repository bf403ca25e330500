import type { MappedText } from '../mapped-text.ts';
import { HclSyntaxError } from './syntax-error.ts';
import { decodeHeredocBody, type TemplateText } from './template.ts';

const HEADER = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** True when a heredoc (`<<EOF` or `<<-EOF` then a newline) starts at `pos`. */
export function isHeredocStart(text: string, pos: number): boolean {
  HEADER.lastIndex = pos;
  return HEADER.test(text);
}

/**
 * Scans the heredoc starting at `start`: its body is every line up to the line holding only the delimiter.
 * `<<-` removes the smallest indentation of the non-blank lines, as Terraform does; the offsets keep pointing
 * at the file, so JSON in a heredoc has positions on the file's own lines.
 */
export function scanHeredoc(text: string, start: number): { template: TemplateText; end: number } {
  HEADER.lastIndex = start;
  const header = HEADER.exec(text);
  if (!header) throw new HclSyntaxError('invalid heredoc header', start);
  const strip = header[1] === '-';
  const delimiter = header[2]!;
  const bodyStart = start + header[0].length;

  const lines: { start: number; end: number }[] = [];
  let lineStart = bodyStart;
  for (;;) {
    if (lineStart >= text.length) throw new HclSyntaxError(`heredoc ${delimiter} is never closed`, start);
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === delimiter) {
      const end = lineStart + line.indexOf(delimiter) + delimiter.length;
      return { template: decodeHeredocBody(body(text, lines, lineStart, strip)), end };
    }
    lines.push({ start: lineStart, end: lineEnd });
    lineStart = lineEnd;
  }
}

/** The body's text with, when `strip`, the common indentation removed from each line. */
function body(
  text: string,
  lines: readonly { start: number; end: number }[],
  end: number,
  strip: boolean,
): MappedText {
  let indent = 0;
  if (strip) {
    indent = Number.POSITIVE_INFINITY;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]!;
      const content = text.slice(line.start, line.end);
      if (content.trim() === '') continue;
      indent = Math.min(indent, content.length - content.trimStart().length);
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  let out = '';
  const offsets: number[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let from = line.start;
    for (let i = 0; i < indent && from < line.end && (text[from] === ' ' || text[from] === '\t'); i++) from++;
    out += text.slice(from, line.end);
    for (let at = from; at < line.end; at++) offsets.push(at);
  }
  offsets.push(end);
  return { text: out, offsets };
}
