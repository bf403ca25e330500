import { describe, expect, it } from 'vitest';
import type { AccountInventory } from '../../../core/scan/inventory.ts';
import { stageTarget } from '../../../core/scan/staged-target.ts';

function account(): AccountInventory {
  return { accountId: '111122223333', partition: 'aws', regions: ['us-east-1'], regional: {} };
}

describe('stageTarget', () => {
  it('keeps a unit’s writes out of the inventory until it commits', () => {
    const real = account();
    const staged = stageTarget(real, 'us-east-1');
    staged.target.regional.ec2 = { instances: [] };
    staged.target.account.iam = { users: [] };
    expect(real.regional['us-east-1']).toEqual({});
    expect(real.iam).toBeUndefined();
    staged.commit(false);
    expect(real.regional['us-east-1']).toEqual({ ec2: { instances: [] } });
    expect(real.iam).toEqual({ users: [] });
  });

  it('merges units of one account that ran at once, each committing only the slots it assigned', () => {
    const real = account();
    const iam = stageTarget(real, undefined);
    const s3 = stageTarget(real, undefined);
    const ec2 = stageTarget(real, 'us-east-1');
    const rds = stageTarget(real, 'us-east-1');
    iam.target.account.iam = { users: [] };
    s3.target.account.s3 = { buckets: [] };
    ec2.target.regional.ec2 = { vpcs: [] };
    rds.target.regional.rds = { instances: [] };
    for (const unit of [rds, s3, ec2, iam]) unit.commit(false);
    expect(real.iam).toEqual({ users: [] });
    expect(real.s3).toEqual({ buckets: [] });
    expect(real.regional['us-east-1']).toEqual({ ec2: { vpcs: [] }, rds: { instances: [] } });
  });

  it('shows a later unit what earlier units committed', () => {
    const real = account();
    const ec2 = stageTarget(real, 'us-east-1');
    ec2.target.regional.ec2 = { instances: [] };
    ec2.commit(false);
    expect(stageTarget(real, 'us-east-1').target.regional.ec2).toEqual({ instances: [] });
  });

  it('detaches on a deadline: a copy of what was there, and nothing written afterwards', () => {
    const real = account();
    const staged = stageTarget(real, 'us-east-1');
    const ec2: { vpcs?: []; instances?: [] } = { vpcs: [] };
    staged.target.regional.ec2 = ec2;
    staged.commit(true);
    ec2.instances = [];
    staged.target.account.iam = { users: [] };
    staged.commit(true);
    expect(real.regional['us-east-1']).toEqual({ ec2: { vpcs: [] } });
    expect(real.iam).toBeUndefined();
  });
});
