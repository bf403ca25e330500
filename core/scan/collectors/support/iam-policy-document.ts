/**
 * An IAM policy document as IAM's Query API sends it (URL-encoded JSON: RFC 3986 percent-encoding) decoded to
 * JSON. A document that does not decode or parse is kept as its text, so the evidence is not lost and the
 * policy checks see something they can report on, rather than a silent gap.
 */
export function decodePolicyDocument(encoded: string | undefined): unknown {
  if (encoded === undefined) return undefined;
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    // A stray '%' means the text was not encoded after all (an emulator, a replayed fixture): use it as is.
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
