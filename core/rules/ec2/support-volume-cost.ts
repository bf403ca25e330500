import type { EbsVolume } from '../../scan/inventory.ts';
import { EBS_PERFORMANCE_PRICES, ebsMonthlyCost, regionMultiplier } from '../prices.ts';

/** A volume's estimated monthly cost, split so messages can say where the money goes. */
export interface VolumeCost {
  /** Provisioned storage, per GiB-month. */
  storage: number;
  /** Provisioned IOPS and throughput beyond what the storage price includes (io1, io2, gp3 above baseline). */
  performance: number;
  /** storage + performance. */
  total: number;
}

/** io2's tiered IOPS price, us-east-1. */
function io2IopsCost(iops: number): number {
  let cost = 0;
  let from = 0;
  for (const tier of EBS_PERFORMANCE_PRICES.io2IopsTiers) {
    if (iops <= from) break;
    cost += (Math.min(iops, tier.upTo) - from) * tier.perIopsMonth;
    from = tier.upTo;
  }
  return cost;
}

/** us-east-1 monthly price of a volume's provisioned performance. */
function performanceCostUsEast1(volume: EbsVolume): number {
  const iops = volume.iops ?? 0;
  switch (volume.volumeType) {
    case 'io1':
      return iops * EBS_PERFORMANCE_PRICES.io1PerIopsMonth;
    case 'io2':
      return io2IopsCost(iops);
    case 'gp3': {
      const extraIops = Math.max(0, iops - EBS_PERFORMANCE_PRICES.gp3IncludedIops);
      const extraThroughput = Math.max(
        0,
        (volume.throughput ?? 0) - EBS_PERFORMANCE_PRICES.gp3IncludedThroughputMiBps,
      );
      return (
        extraIops * EBS_PERFORMANCE_PRICES.gp3PerIopsMonth +
        extraThroughput * EBS_PERFORMANCE_PRICES.gp3PerThroughputMiBpsMonth
      );
    }
    default:
      // gp2, st1, sc1 and magnetic performance comes with the storage (magnetic I/O requests are not estimated).
      return 0;
  }
}

/** The estimated monthly cost of `volume` in `region` at list prices: storage plus provisioned performance. */
export function volumeMonthlyCost(volume: EbsVolume, region: string): VolumeCost {
  const storage = ebsMonthlyCost(volume.volumeType, volume.sizeGiB, region);
  const performance = performanceCostUsEast1(volume) * regionMultiplier(region);
  return { storage, performance, total: storage + performance };
}
