/** The 1-based line of the `occurrence`-th line of `text` containing `needle`; throws when there is none. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.includes(needle) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the test text`);
}
