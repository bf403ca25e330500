import type { CollectorTarget } from './collector.ts';
import type { AccountInventory, RegionInventory } from './inventory.ts';

/** A collector's view of the inventory, and how its writes reach the real one. */
export interface StagedTarget {
  /** What the collector writes into: shallow copies of the account and of its region's slot. */
  target: CollectorTarget;
  /**
   * Copies every slot the collector assigned into the real inventory, once. `detach` (a unit past its
   * deadline, whose collector may still be running) copies deep, so later writes cannot reach the inventory.
   */
  commit(detach: boolean): void;
}

/**
 * Stages a unit's writes. Units of one account run at once, each assigning its own slots (`account.iam`,
 * `regional.ec2`); each sees shallow copies, and its commit copies only the slots it assigned, so concurrent
 * units never overwrite one another and a unit cut off by its deadline keeps what it had when it was cut off,
 * and nothing after. Reads see what earlier units committed (CloudWatch reads the region's EC2 instances).
 */
export function stageTarget(account: AccountInventory, region: string | undefined): StagedTarget {
  const accountBefore = { ...account };
  const accountStage: AccountInventory = { ...account };
  if (region !== undefined) account.regional[region] ??= {};
  const slot = region === undefined ? undefined : account.regional[region];
  const slotBefore = { ...slot };
  // Global collectors get a scratch region slot: they write account-wide data only.
  const slotStage: RegionInventory = { ...slot };
  let committed = false;
  return {
    target: { account: accountStage, regional: slotStage },
    commit(detach) {
      if (committed) return;
      committed = true;
      copyAssigned(accountBefore, accountStage, account, detach);
      if (slot !== undefined) copyAssigned(slotBefore, slotStage, slot, detach);
    },
  };
}

/** Copies the keys of `stage` whose value is not the one it had in `before` into `real`. */
function copyAssigned<T extends object>(before: T, stage: T, real: T, detach: boolean): void {
  const was = before as Record<string, unknown>;
  const into = real as Record<string, unknown>;
  for (const [key, value] of Object.entries(stage)) {
    if (was[key] === value) continue;
    if (!detach) {
      into[key] = value;
      continue;
    }
    try {
      into[key] = structuredClone(value);
    } catch {
      // Not plain data (a collector bug); the slot stays absent, so coverage's deadline entry covers it.
    }
  }
}
