/**
 * How big a policy is as AWS measures it: the size of its compact JSON, `JSON.stringify(toPlainValue(node))`,
 * worked out from the positioned tree without building either. Every document of a lint is measured (the size
 * quota check) and almost none is near its quota, so copying each into plain objects and serialising them only
 * to count was a noticeable share of a run.
 *
 * Exactly what serialising counts: strings escaped as JSON.stringify escapes them (`"`, `\`, control
 * characters, lone surrogates), numbers as they print, a repeated key once with its last value (as toPlainValue
 * keeps it), and a placeholder as its raw value or its text.
 */
import type { CompactJsonSize } from '../document.ts';
import type { ObjectEntry, SourceNode, StringNode } from './source-node.ts';

/** The running totals of one measurement. */
interface Tally {
  characters: number;
  whitespace: number;
  utf8Bytes: number;
  /** Counting characters only, taking a string written without escapes at its source length (see below). */
  readonly quick: boolean;
}

/**
 * The size of `node`'s compact JSON. With `spansAreSource` (the tree was parsed from a whole JSON file whose text
 * holds no lone surrogate), a string written without escapes (its source span is its length plus the quotes) is
 * counted without reading it: JSON source must escape everything JSON.stringify escapes, so such a string needs no
 * escape and is as long compact as written. Only its white space and UTF-8 bytes need its characters, and those
 * are counted when first asked for; the size quota check, for the usual policy far under its quota, asks only for
 * the characters.
 */
export function compactJsonSize(node: SourceNode, spansAreSource = false): CompactJsonSize {
  if (spansAreSource) return new CountedFromSource(node);
  const { characters, whitespace, utf8Bytes } = exactSize(node);
  return { characters, whitespace, utf8Bytes };
}

function exactSize(node: SourceNode): Tally {
  const tally: Tally = { characters: 0, whitespace: 0, utf8Bytes: 0, quick: false };
  addNode(tally, node);
  return tally;
}

/** Characters counted from the source spans at once; white space and bytes by a full count on first read. */
class CountedFromSource implements CompactJsonSize {
  readonly characters: number;
  readonly #node: SourceNode;
  #exact: Tally | undefined;

  constructor(node: SourceNode) {
    const tally: Tally = { characters: 0, whitespace: 0, utf8Bytes: 0, quick: true };
    addNode(tally, node);
    this.characters = tally.characters;
    this.#node = node;
  }

  get whitespace(): number {
    this.#exact ??= exactSize(this.#node);
    return this.#exact.whitespace;
  }

  get utf8Bytes(): number {
    this.#exact ??= exactSize(this.#node);
    return this.#exact.utf8Bytes;
  }
}

function addNode(tally: Tally, node: SourceNode): void {
  switch (node.type) {
    case 'string':
      addStringNode(tally, node);
      return;
    case 'number':
      addAscii(tally, Number.isFinite(node.value) ? String(node.value).length : 4);
      return;
    case 'boolean':
      addAscii(tally, node.value ? 4 : 5);
      return;
    case 'null':
      addAscii(tally, 4);
      return;
    case 'placeholder':
      if (node.raw === undefined) addString(tally, node.text);
      else addSerialised(tally, JSON.stringify(node.raw) ?? 'null');
      return;
    case 'array': {
      const items = node.items;
      addAscii(tally, items.length === 0 ? 2 : items.length + 1);
      for (let i = 0; i < items.length; i++) addNode(tally, items[i]!);
      return;
    }
    case 'object':
      addObject(tally, node.entries);
      return;
  }
}

/** An object's braces, keys, colons and commas, and its values; a repeated key counts once, with its last value. */
function addObject(tally: Tally, entries: readonly ObjectEntry[]): void {
  // Objects with many entries get an index of each key's last entry; small ones (nearly all) are searched.
  let lastOf: Map<string, number> | undefined;
  if (entries.length > 16) {
    lastOf = new Map();
    for (let i = 0; i < entries.length; i++) lastOf.set(keyOf(entries[i]!), i);
  }
  let kept = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const key = keyOf(entry);
    if (lastOf ? lastOf.get(key) !== i : repeatedLater(entries, i, key)) continue;
    kept++;
    if (entry.key.type === 'string') addStringNode(tally, entry.key);
    else addString(tally, key);
    addNode(tally, entry.value);
  }
  // Braces, a colon per key, commas between.
  addAscii(tally, kept === 0 ? 2 : 2 * kept + 1);
}

/** The key as toPlainValue writes it: a placeholder key as its text. */
function keyOf(entry: ObjectEntry): string {
  return entry.key.type === 'string' ? entry.key.value : entry.key.text;
}

function repeatedLater(entries: readonly ObjectEntry[], index: number, key: string): boolean {
  for (let j = index + 1; j < entries.length; j++) if (keyOf(entries[j]!) === key) return true;
  return false;
}

function addAscii(tally: Tally, count: number): void {
  tally.characters += count;
  tally.utf8Bytes += count;
}

/** A string node: at its source length when counting quickly and it was written without escapes. */
function addStringNode(tally: Tally, node: StringNode): void {
  const length = node.value.length;
  if (tally.quick && node.end - node.start === length + 2) tally.characters += length + 2;
  else addString(tally, node.value);
}

/** A string as JSON.stringify writes it: quoted, with `"`, `\`, control characters and lone surrogates escaped. */
function addString(tally: Tally, value: string): void {
  const length = value.length;
  // What the string adds beyond one character and one byte per code unit, and its white space.
  let characters = 0;
  let bytes = 0;
  let whitespace = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    // Printable ASCII other than space, nearly every character of a policy: one character, one byte.
    if (code > 0x20 && code < 0x7f) {
      if (code === 0x22 || code === 0x5c) {
        characters++;
        bytes++;
      }
      continue;
    }
    if (code === 0x20) whitespace++;
    else if (code < 0x20) {
      // \b \t \n \f \r have two-character escapes; other control characters are written \u00XX.
      const extra = code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 1 : 5;
      characters += extra;
      bytes += extra;
    } else if (code < 0x800) {
      if (code >= 0x80) bytes++;
      if (code === 0xa0) whitespace++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < length ? value.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: two code units, one four-byte character.
        bytes += 2;
        i++;
      } else {
        // A lone surrogate is written \uXXXX.
        characters += 5;
        bytes += 5;
      }
    } else {
      bytes += 2;
      if (isWideSpace(code)) whitespace++;
    }
  }
  tally.characters += length + 2 + characters;
  tally.utf8Bytes += length + 2 + bytes;
  tally.whitespace += whitespace;
}

/** The characters from U+0800 up that `\s` matches. */
function isWideSpace(code: number): boolean {
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Text already in compact JSON form (a placeholder's raw value, serialised), counted as it stands. */
function addSerialised(tally: Tally, json: string): void {
  tally.characters += json.length;
  tally.utf8Bytes += Buffer.byteLength(json, 'utf8');
  tally.whitespace += json.match(/\s/g)?.length ?? 0;
}
