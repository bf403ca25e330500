import { describe, expect, it } from 'vitest';
import { compactActions, readActions } from '../../../../core/policy/catalog/raw-data.ts';

const action = (name: string, accessLevel = 'Read') => ({
  name,
  description: `Grants permission to ${name}`,
  accessLevel,
  resourceTypes: [],
  conditionKeys: [],
  dependentActions: [],
});

describe('actions files', () => {
  it("orders the package's actions by their names, whatever their keys say", () => {
    const packaged = { zeta: action('Alpha'), alpha: action('Zeta', 'Write'), mid: action('Mid') };
    const compact = compactActions(packaged, 'actions/x.json');
    expect(compact.map((entry) => entry[0])).toEqual(['Alpha', 'Mid', 'Zeta']);
    expect(readActions(packaged, 'actions/x.json').lowercaseNames).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('reads the compact form as it is, without copying it', () => {
    const compact = [
      ['GetThing', 'Read', 0, 0, 0],
      ['PutThing', 'Write', [['thing', true, ['x:Key'], 0]], 0, ['x:GetThing']],
    ];
    const read = readActions(compact, 'actions/x.json');
    expect(read.actions).toBe(compact);
    expect(read.lowercaseNames).toEqual(['getthing', 'putthing']);
  });

  it('rejects two actions with one name in any case', () => {
    expect(() => readActions({ a: action('Same'), b: action('SAME') }, 'actions/x.json')).toThrow(
      /actions\/x.json is malformed: entry 1 is not an action in name order/,
    );
  });
});
