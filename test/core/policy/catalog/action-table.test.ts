import { describe, expect, it } from 'vitest';
import type { ActionInfo } from '../../../../core/policy/catalog/action-info.ts';
import { ActionSet, ActionTable, actionSetOf } from '../../../../core/policy/catalog/action-table.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';

const catalog = loadIamCatalog();
const all = catalog.allActions();

/** An action with just an ordinal, for the tables, which read nothing else. */
const withOrdinal = (ordinal: number) => ({ ordinal }) as ActionInfo;

describe('action ordinals', () => {
  it('number every action of a catalogue 0, 1, 2, ... once each', () => {
    const ordinals = all.map((action) => action.ordinal).sort((a, b) => a - b);
    expect(ordinals).toEqual(all.map((_, index) => index));
  });
});

describe('ActionTable', () => {
  it('keeps a value per action, whatever order the actions come in, and nothing for the others', () => {
    const table = new ActionTable<string>();
    const last = all[all.length - 1]!;
    const first = all[0]!;
    expect(table.get(last)).toBeUndefined();
    table.set(last, 'last');
    table.set(first, 'first');
    expect(table.get(last)).toBe('last');
    expect(table.get(first)).toBe('first');
    expect(table.get(all[1]!)).toBeUndefined();
    // Past what it has grown to: still undefined, and setting there keeps the earlier values.
    expect(table.get(withOrdinal(10 * all.length))).toBeUndefined();
    table.set(withOrdinal(10 * all.length), 'far');
    expect(table.get(withOrdinal(10 * all.length))).toBe('far');
    expect(table.get(last)).toBe('last');
  });
});

describe('ActionSet', () => {
  it('holds exactly its actions, counted once each', () => {
    const some = all.filter((action) => action.service === 's3');
    const set = new ActionSet([...some, some[0]!]);
    expect(set.size).toBe(some.length);
    expect(all.filter((action) => set.has(action))).toEqual(some);
    expect(set.has(withOrdinal(all.length + 5))).toBe(false);
    expect(new ActionSet([]).has(all[0]!)).toBe(false);
  });

  it('answers for ordinals below, inside and above the span it covers', () => {
    const set = new ActionSet([withOrdinal(1000), withOrdinal(1003), withOrdinal(1001)]);
    expect(set.size).toBe(3);
    const held = [];
    for (let ordinal = 0; ordinal < 1100; ordinal++) if (set.has(withOrdinal(ordinal))) held.push(ordinal);
    expect(held).toEqual([1000, 1001, 1003]);
    expect(set.has(withOrdinal(-1))).toBe(false);
  });
});

describe('actionSetOf', () => {
  it('builds one set per list and hands the same one out again', () => {
    const s3 = all.filter((action) => action.service === 's3');
    const set = actionSetOf(s3);
    expect(actionSetOf(s3)).toBe(set);
    expect(set.size).toBe(s3.length);
    expect(s3.every((action) => set.has(action))).toBe(true);
    // An equal list that is another array gets its own set: lists are kept by identity.
    expect(actionSetOf([...s3])).not.toBe(set);
  });
});
