// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM condition keys are written ${Like} this.
import { describe, expect, it } from 'vitest';
import { compactActions, readActions } from '../../../../core/policy/catalog/raw-data.ts';

const action = (name: string, accessLevel = 'Read', extra: Record<string, unknown> = {}) => ({
  name,
  description: `Grants permission to ${name}`,
  accessLevel,
  resourceTypes: [],
  conditionKeys: [],
  dependentActions: [],
  ...extra,
});

const FILE = 'actions/x.json';

describe('actions files', () => {
  it("orders the package's actions by their names, whatever their keys say", () => {
    const packaged = { zeta: action('Alpha'), alpha: action('Zeta', 'Write'), mid: action('Mid') };
    expect(compactActions(packaged, FILE).names).toEqual(['Alpha', 'Mid', 'Zeta']);
    const read = readActions(packaged, FILE);
    expect(read.lowercaseNames).toEqual(['alpha', 'mid', 'zeta']);
    expect([0, 1, 2].map((i) => read.strings[read.fields[4 * i]!])).toEqual(['Read', 'Read', 'Write']);
  });

  it('stores each distinct string, list, row and list of rows once, and resolves them to shared values', () => {
    const tagKeys = ['aws:ResourceTag/${TagKey}'];
    const thing = { name: 'thing', required: true, conditionKeys: [], dependentActions: [] };
    const packaged = {
      a: action('A', 'Write', { resourceTypes: [thing], conditionKeys: tagKeys }),
      b: action('B', 'Write', { resourceTypes: [thing], conditionKeys: tagKeys }),
      c: action('C', 'Read', { dependentActions: ['x:A'] }),
    };
    const compact = compactActions(packaged, FILE);
    expect(compact).toEqual({
      strings: ['thing', 'Write', 'aws:ResourceTag/${TagKey}', 'Read', 'x:A'],
      lists: [[2], [4]],
      rows: [[0, 1, 0, 0]],
      rowLists: [[0]],
      names: ['A', 'B', 'C'],
      fields: [1, 1, 1, 0, 1, 1, 1, 0, 3, 0, 0, 2],
    });
    const read = readActions(JSON.parse(JSON.stringify(compact)), FILE);
    expect(read.lists[read.fields[2]!]).toEqual(tagKeys);
    // A and B share one list of keys and one list of rows.
    expect(read.lists[read.fields[2]!]).toBe(read.lists[read.fields[6]!]);
    expect(read.rowLists[read.fields[1]!]).toBe(read.rowLists[read.fields[5]!]);
    expect(read.rows).toEqual([{ name: 'thing', required: true, conditionKeys: [], dependentActions: [] }]);
    expect(read.lists[read.fields[11]!]).toEqual(['x:A']);
    expect(read.lists[0]).toEqual([]);
  });

  it('rejects two actions with one name in any case', () => {
    expect(() => readActions({ a: action('Same'), b: action('SAME') }, FILE)).toThrow(
      /actions\/x.json is malformed: entry 1 is not an action in name order/,
    );
  });

  const valid = () => compactActions({ a: action('A', 'Write', { conditionKeys: ['k'] }) }, FILE);

  it.each<[string, (compact: Record<string, unknown>) => void, RegExp]>([
    [
      'a field out of range',
      (c) => ((c.fields as number[])[2] = 9),
      /entry 0 is not an action in name order/,
    ],
    ['a missing field', (c) => (c.fields as number[]).pop(), /names and fields do not match/],
    [
      'a list naming no string',
      (c) => ((c.lists as number[][])[0] = [7]),
      /list 0 is not a list of string numbers/,
    ],
    [
      'an empty stored list',
      (c) => ((c.lists as number[][])[0] = []),
      /list 0 is not a list of string numbers/,
    ],
    [
      'a string that is not one',
      (c) => ((c.strings as unknown[])[0] = 5),
      /strings is not a list of strings/,
    ],
    ['a malformed row', (c) => (c.rows = [[0, 2, 0, 0]]), /resource-type row 0 is malformed/],
    ['a row list naming no row', (c) => (c.rowLists = [[0]]), /row list 0 is not a list of row numbers/],
    ['a name that is not text', (c) => ((c.names as unknown[])[0] = 1), /entry 0 is not an action/],
  ])('says which part is broken: %s', (_name, breakIt, message) => {
    const compact = JSON.parse(JSON.stringify(valid())) as Record<string, unknown>;
    breakIt(compact);
    expect(() => readActions(compact, FILE)).toThrow(message);
  });
});
