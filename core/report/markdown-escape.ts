/**
 * Making untrusted text (file names, resource names, messages quoting policy values) inert in GitHub Markdown:
 * no HTML, no emphasis or links it did not ask for, no broken table cells, and no @-mentions that would notify
 * people because a bucket is called `@acme/admins`.
 */

/** `text` as literal Markdown on one line (line breaks become `<br>`), safe inside a table cell. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
      .replace(/[\\`*_[\]|~#!()]/g, '\\$&')
      .replace(/@(?=[\w-])/g, '@&#8203;')
      .replace(/\r\n|\r|\n/g, '<br>')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed.
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD')
  );
}

/** A code span when `text` can be one inside a table (no backtick, pipe or line break); escaped text otherwise. */
export function codeOrEscaped(text: string): string {
  return text !== '' && !/[`|\r\n]/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

/**
 * A Markdown link to `url`, or the escaped label alone when the URL is not http(s): the link functions come
 * from adapters, but a `javascript:` URL must never reach a comment.
 */
export function markdownLink(label: string, url: string | undefined): string {
  const escaped = escapeMarkdown(label);
  if (url === undefined || !/^https?:\/\//i.test(url)) return escaped;
  return `[${escaped}](${url.replace(/[\s()<>|"'\\`[\]]/g, percentEncode)})`;
}

/** Percent-encodes one character as UTF-8 (encodeURIComponent leaves `(`, `)` and `'` alone). */
function percentEncode(char: string): string {
  return [...new TextEncoder().encode(char)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}
