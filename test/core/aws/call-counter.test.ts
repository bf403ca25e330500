import { describe, expect, it } from 'vitest';
import { CallCounter } from '../../../core/aws/call-counter.ts';

describe('CallCounter', () => {
  it('counts calls and attempts per operation and totals the calls', () => {
    const counter = new CallCounter();
    counter.record('STS:GetCallerIdentity', 'call');
    counter.record('STS:GetCallerIdentity', 'attempt');
    counter.record('EC2:DescribeRegions', 'call');
    counter.record('EC2:DescribeRegions', 'attempt');
    counter.record('EC2:DescribeRegions', 'attempt');

    expect(counter.totalCalls).toBe(2);
    expect(Object.entries(counter.snapshot())).toEqual([
      ['EC2:DescribeRegions', { calls: 1, attempts: 2 }],
      ['STS:GetCallerIdentity', { calls: 1, attempts: 1 }],
    ]);
  });

  it('hands out snapshots that later calls, and their readers, cannot change', () => {
    const counter = new CallCounter();
    counter.record('IAM:GetAccountSummary', 'call');
    const snapshot = counter.snapshot();
    counter.record('IAM:GetAccountSummary', 'call');
    const stats = snapshot['IAM:GetAccountSummary'];
    if (stats) stats.calls = 99;

    expect(snapshot['IAM:GetAccountSummary']).toEqual({ calls: 99, attempts: 0 });
    expect(counter.snapshot()).toEqual({ 'IAM:GetAccountSummary': { calls: 2, attempts: 0 } });
  });
});
