/** `text` on one line, cut to `max` characters with an ellipsis, for quoting source in a message. */
export function abbreviate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}...` : oneLine;
}
