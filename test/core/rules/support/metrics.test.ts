import { describe, expect, it } from 'vitest';
import {
  addSeries,
  dailySeries,
  daysAtOrBelow,
  daysWithData,
  existedForLastDays,
  lastNDates,
  lastNDays,
  seriesMax,
  seriesTotal,
  valueOrZero,
  windowEnd,
} from '../../../../core/rules/support/metrics.ts';
import type { MetricsRegionInventory } from '../../../../core/scan/inventory.ts';

const window: MetricsRegionInventory = {
  windowStart: '2026-11-11',
  days: 14,
  series: {
    'i-0a00000000000idle': {
      'CPUUtilization:Average': [5, null, 12, 10, 9.99, 50, null, 1, 2, 3, 4, 5, 6, 7],
    },
  },
};

describe('metrics helpers', () => {
  it('dailySeries finds a series, and says undefined for an unmeasured resource, metric or inventory', () => {
    expect(dailySeries(window, 'i-0a00000000000idle', 'CPUUtilization:Average')).toHaveLength(14);
    expect(dailySeries(window, 'i-0a00000000000idle', 'NetworkIn:Sum')).toBeUndefined();
    expect(dailySeries(window, 'i-0other', 'CPUUtilization:Average')).toBeUndefined();
    expect(dailySeries(undefined, 'i-0a00000000000idle', 'CPUUtilization:Average')).toBeUndefined();
  });

  it('lastNDays keeps the newest days', () => {
    expect(lastNDays([1, 2, 3, 4], 2)).toEqual([3, 4]);
    expect(lastNDays([1, 2], 7)).toEqual([1, 2]);
    expect(lastNDays([1, 2], 0)).toEqual([]);
  });

  it('daysAtOrBelow counts measured days at or under the threshold, never null days', () => {
    const series = [5, null, 12, 10, 9.99, 50, null];
    expect(daysAtOrBelow(series, 10)).toBe(3);
    expect(daysWithData(series)).toBe(5);
  });

  it('counter helpers read a missing datapoint as zero', () => {
    expect(valueOrZero(null)).toBe(0);
    expect(seriesTotal([null, 100, null, 25])).toBe(125);
    expect(seriesMax([null, 3, 9, null])).toBe(9);
    expect(seriesMax([null, null])).toBeUndefined();
  });

  it('addSeries sums day by day, null only when both sides are', () => {
    expect(addSeries([1, null, null, 4], [10, 20, null])).toEqual([11, 20, null, 4]);
  });

  it('window dates: the end, the last days, and whether a resource existed through them', () => {
    expect(windowEnd(window).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(lastNDates(window, 3)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(existedForLastDays(window, '2026-11-18T00:00:00Z', 7)).toBe(true);
    expect(existedForLastDays(window, '2026-11-18T00:00:01Z', 7)).toBe(false);
    expect(existedForLastDays(window, '2026-11-12T00:00:00Z', 14)).toBe(false);
    expect(existedForLastDays(window, undefined, 14)).toBe(true);
  });
});
