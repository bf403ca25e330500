import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs the tests on Node 24, the version the Action runs on', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });
});
