/**
 * Text for Block Kit: Slack reads `&`, `<` and `>` as markup in every mrkdwn field (`<!channel>` pings a whole
 * channel, `<https://x|y>` is a link), so text that came from AWS or from a user is escaped before it is
 * embedded; and every field has a length limit that Slack enforces by rejecting the whole message.
 */
import type { DividerBlock, MrkdwnText, PlainText, SectionBlock } from './block-kit-types.ts';
import { SLACK_LIMITS } from './block-kit-types.ts';

const ELLIPSIS = '…';

/** `text` with Slack's three control characters escaped, so it shows literally. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** `text` cut to at most `max` characters, ending in an ellipsis when cut (never inside a surrogate pair). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(max - ELLIPSIS.length, 0);
  // A high surrogate left alone at the end would be an invalid character.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}${ELLIPSIS}`;
}

/**
 * Escaped `text` cut to `max` characters. The cut is made on the raw text first and again after escaping, never
 * inside an entity such as `&amp;`, so the result is always well-formed.
 */
export function escapedWithin(text: string, max: number): string {
  let raw = truncate(text, max);
  let escaped = escapeMrkdwn(raw);
  while (escaped.length > max && raw.length > 0) {
    raw = truncate(raw, Math.max(raw.length - (escaped.length - max) - 1, 0));
    escaped = escapeMrkdwn(raw);
  }
  return escaped;
}

/** A mrkdwn text object, already escaped by the caller, cut to `max` characters (default: a section's). */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnText {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/** A plain-text object cut to `max` characters. */
export function plainText(text: string, max: number): PlainText {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A section holding mrkdwn text (already escaped), cut to Slack's limit. */
export function section(text: string, blockId?: string): SectionBlock {
  return blockId === undefined
    ? { type: 'section', text: mrkdwn(text) }
    : { type: 'section', block_id: blockId, text: mrkdwn(text) };
}

/** A divider. */
export const DIVIDER: DividerBlock = { type: 'divider' };

/**
 * `code` as one or more preformatted sections (```...```), split between lines so that each stays within a
 * section's limit; a single line longer than that is split inside the line. Escaped for Slack.
 */
export function codeSections(code: string): SectionBlock[] {
  const fence = '```';
  const room = SLACK_LIMITS.sectionText - 2 * fence.length - 2;
  const chunks: string[] = [];
  let current = '';
  for (const line of escapeMrkdwn(code.trimEnd()).split('\n')) {
    let rest = line;
    while (rest.length > room) {
      if (current !== '') chunks.push(current);
      current = '';
      // Never split an entity such as &amp; in two.
      let cut = room;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 5 && amp > 0) cut = amp;
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const candidate = current === '' ? rest : `${current}\n${rest}`;
    if (candidate.length > room) {
      chunks.push(current);
      current = rest;
    } else current = candidate;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks.map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `${fence}\n${chunk}\n${fence}` },
  }));
}

/**
 * Lines joined with newlines, as many as fit in `max` characters; when some do not fit, the last line is
 * `more(count)` for the count left out.
 */
export function linesWithin(lines: readonly string[], max: number, more: (left: number) => string): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  // prefix[k]: length of the first k lines joined.
  const prefix = [0];
  for (const [index, line] of lines.entries())
    prefix.push((prefix[index] ?? 0) + line.length + (index > 0 ? 1 : 0));
  for (let kept = lines.length - 1; kept > 0; kept--) {
    const note = more(lines.length - kept);
    if ((prefix[kept] ?? 0) + 1 + note.length <= max) return `${lines.slice(0, kept).join('\n')}\n${note}`;
  }
  return truncate(more(lines.length), max);
}
