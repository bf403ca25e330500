import { describe, expect, it } from 'vitest';
import { parseTargets, type Target, type TargetError } from '../../../core/connect/targets.ts';

const A = 'arn:aws:iam::111111111111:role/AxiomDevRole';
const B = 'arn:aws:iam::222222222222:role/Axiom-Readonly-Role';

const accepted: { name: string; text: string; targets: Target[] }[] = [
  {
    name: 'comma-separated, as in seed 001',
    text: `${A}, ${B}`,
    targets: [
      { name: '111111111111-AxiomDevRole', roleArn: A, accountId: '111111111111', partition: 'aws' },
      { name: '222222222222-Axiom-Readonly-Role', roleArn: B, accountId: '222222222222', partition: 'aws' },
    ],
  },
  {
    name: 'newline-separated with blank lines, CRLF and a trailing comma',
    text: `\n${A}\r\n\r\n${B},\n`,
    targets: [
      { name: '111111111111-AxiomDevRole', roleArn: A, accountId: '111111111111', partition: 'aws' },
      { name: '222222222222-Axiom-Readonly-Role', roleArn: B, accountId: '222222222222', partition: 'aws' },
    ],
  },
  {
    name: 'JSON as in seed 001, External ID on one role only',
    text: `[{"arn": "${A}"}, {"arn": "${B}", "external_id": "MY-SECRET"}]`,
    targets: [
      { name: '111111111111-AxiomDevRole', roleArn: A, accountId: '111111111111', partition: 'aws' },
      {
        name: '222222222222-Axiom-Readonly-Role',
        roleArn: B,
        accountId: '222222222222',
        partition: 'aws',
        externalId: 'MY-SECRET',
      },
    ],
  },
  {
    name: 'the seed snippet without its list brackets',
    text: `{"arn": "${A}"},\n{"arn": "${B}", "external_id": "MY-SECRET"}`,
    targets: [
      { name: '111111111111-AxiomDevRole', roleArn: A, accountId: '111111111111', partition: 'aws' },
      {
        name: '222222222222-Axiom-Readonly-Role',
        roleArn: B,
        accountId: '222222222222',
        partition: 'aws',
        externalId: 'MY-SECRET',
      },
    ],
  },
  {
    name: 'JSON with name and regions, GovCloud and China',
    text: JSON.stringify([
      { arn: 'arn:aws-us-gov:iam::333333333333:role/scan', name: 'gov prod', regions: ['us-gov-west-1'] },
      { arn: 'arn:aws-cn:iam::444444444444:role/scan', regions: ['cn-north-1', 'cn-northwest-1'] },
      { arn: A, regions: ['us-east-1', 'eu-west-2', 'ap-southeast-4'] },
    ]),
    targets: [
      {
        name: 'gov prod',
        roleArn: 'arn:aws-us-gov:iam::333333333333:role/scan',
        accountId: '333333333333',
        partition: 'aws-us-gov',
        regions: ['us-gov-west-1'],
      },
      {
        name: '444444444444-scan',
        roleArn: 'arn:aws-cn:iam::444444444444:role/scan',
        accountId: '444444444444',
        partition: 'aws-cn',
        regions: ['cn-north-1', 'cn-northwest-1'],
      },
      {
        name: '111111111111-AxiomDevRole',
        roleArn: A,
        accountId: '111111111111',
        partition: 'aws',
        regions: ['us-east-1', 'eu-west-2', 'ap-southeast-4'],
      },
    ],
  },
];

describe('parseTargets: accepted lists', () => {
  it.each(accepted)('$name', ({ text, targets }) => {
    expect(parseTargets(text)).toEqual({ ok: true, targets });
  });
});

const rejected: { name: string; text: string; errors: TargetError[] }[] = [
  {
    name: 'empty input',
    text: ' \n ',
    errors: [
      {
        entry: 0,
        message:
          'no targets given: paste role ARNs separated by commas or new lines (arn:aws:iam::123456789012:role/axiom-readonly), or a JSON list [{"arn": "...", "external_id": "..."}]',
      },
    ],
  },
  {
    name: 'only separators',
    text: ', ,\n,',
    errors: [{ entry: 0, message: 'the target list has no entries' }],
  },
  {
    name: 'a short account id in the third entry of a comma list',
    text: `${A}, ${B}, arn:aws:iam::12345:role/x`,
    errors: [
      {
        entry: 3,
        field: 'arn',
        message:
          'entry 3 ("arn:aws:iam::12345:role/x"): the account id must be 12 digits, got "12345" (5 digits)',
      },
    ],
  },
  {
    name: 'every bad entry at once',
    text: `arn:aws:iam::111111111111:user/bob\n${A}\narn:aws:sts::222222222222:assumed-role/r/s`,
    errors: [
      {
        entry: 1,
        field: 'arn',
        message:
          'entry 1 ("arn:aws:iam::111111111111:user/bob"): "arn:aws:iam::111111111111:user/bob" is an IAM user ARN; Axiom needs the ARN of a role (…:role/NAME)',
      },
      {
        entry: 3,
        field: 'arn',
        message:
          'entry 3 ("arn:aws:sts::222222222222:assumed-role/r/s"): "arn:aws:sts::222222222222:assumed-role/r/s" is an assumed-role session ARN (what GetCallerIdentity returns), not the role\'s ARN; use the role ARN from the IAM console, e.g. arn:aws:iam::222222222222:role/r (add the role\'s path if it has one)',
      },
    ],
  },
  {
    name: 'the same ARN twice',
    text: `${A}, ${B}, ${A}`,
    errors: [
      { entry: 3, field: 'arn', message: `entry 3 ("${A}"): the same role as entry 1; list each role once` },
    ],
  },
  {
    name: 'the same role under another path',
    text: `${A}\narn:aws:iam::111111111111:role/team/AxiomDevRole`,
    errors: [
      {
        entry: 2,
        field: 'arn',
        message:
          'entry 2 ("arn:aws:iam::111111111111:role/team/AxiomDevRole"): the same role as entry 1; list each role once',
      },
    ],
  },
  {
    name: 'two roles with the same name',
    text: JSON.stringify([
      { arn: A, name: 'prod' },
      { arn: B, name: 'prod' },
    ]),
    errors: [
      { entry: 2, field: 'name', message: `entry 2 ("${B}"): the name "prod" is already used by entry 1` },
    ],
  },
  {
    name: 'JSON that does not parse',
    text: `[{"arn": "${A}",}]`,
    errors: [
      expect.objectContaining({
        entry: 0,
        message: expect.stringContaining('looks like JSON but does not parse'),
      }),
    ],
  },
  {
    name: 'JSON cut short',
    text: '["a" ',
    errors: [expect.objectContaining({ entry: 0 })],
  },
  {
    name: 'a JSON list of strings',
    text: JSON.stringify([A]),
    errors: [
      {
        entry: 1,
        message:
          'entry 1: must be an object like {"arn": "arn:aws:iam::123456789012:role/axiom-readonly"}, not a string',
      },
    ],
  },
  {
    name: 'an unknown key, with a hint for the one people mean (role_arn is not in the seed format)',
    text: JSON.stringify([{ arn: A }, { role_arn: B, external_id: 'abc' }]),
    errors: [
      { entry: 2, field: 'arn', message: 'entry 2: the "arn" key is missing' },
      {
        entry: 2,
        field: 'role_arn',
        message:
          'entry 2: unknown key "role_arn" (did you mean "arn"?); the keys are arn, external_id, name, regions',
      },
    ],
  },
  {
    name: 'wrong types',
    text: JSON.stringify([
      { arn: 123 },
      { arn: A, external_id: 42, regions: 'us-east-1' },
      { arn: B, regions: ['us-east-1', 7] },
    ]),
    errors: [
      { entry: 1, field: 'arn', message: 'entry 1: "arn" must be a string, not a number' },
      {
        entry: 2,
        field: 'external_id',
        message: `entry 2 ("${A}"): "external_id" must be a string, not a number`,
      },
      {
        entry: 2,
        field: 'regions',
        message: `entry 2 ("${A}"): "regions" must be a list of region names, not a string`,
      },
      { entry: 3, field: 'regions', message: `entry 3 ("${B}"): "regions"[2] must be a string` },
    ],
  },
  {
    name: 'bad region names',
    text: JSON.stringify([
      { arn: A, regions: ['us-east-1a', 'US-EAST-1', 'useast1', 'cn-north-1', 'eu-west-2', 'eu-west-2'] },
    ]),
    errors: [
      {
        entry: 1,
        field: 'regions',
        message: `entry 1 ("${A}"): in "regions": "us-east-1a" is an availability zone; use its region, us-east-1`,
      },
      {
        entry: 1,
        field: 'regions',
        message: `entry 1 ("${A}"): in "regions": "US-EAST-1" must be written in lower case: us-east-1`,
      },
      {
        entry: 1,
        field: 'regions',
        message: `entry 1 ("${A}"): in "regions": "useast1" is not a region name (expected one like us-east-1, eu-west-2, us-gov-west-1 or cn-north-1)`,
      },
      {
        entry: 1,
        field: 'regions',
        message: `entry 1 ("${A}"): in "regions": "cn-north-1" is in the aws-cn partition, but the role is in aws`,
      },
      { entry: 1, field: 'regions', message: `entry 1 ("${A}"): in "regions": "eu-west-2" is listed twice` },
    ],
  },
  {
    name: 'an empty region list',
    text: JSON.stringify([{ arn: A, regions: [] }]),
    errors: [
      {
        entry: 1,
        field: 'regions',
        message: `entry 1 ("${A}"): "regions" is empty; leave it out to scan every enabled region`,
      },
    ],
  },
  {
    name: 'a bad External ID, which the message never echoes',
    text: JSON.stringify([
      { arn: A, external_id: 'has spaces in it' },
      { arn: B, external_id: 'x' },
    ]),
    errors: [
      {
        entry: 1,
        field: 'external_id',
        message: `entry 1 ("${A}"): "external_id" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (it has 16 characters)`,
      },
      {
        entry: 2,
        field: 'external_id',
        message: `entry 2 ("${B}"): "external_id" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (it has 1 character)`,
      },
    ],
  },
  {
    name: 'a blank name',
    text: JSON.stringify([{ arn: A, name: '  ' }]),
    errors: [
      { entry: 1, field: 'name', message: `entry 1 ("${A}"): "name" must be 1 to 64 printable characters` },
    ],
  },
];

describe('parseTargets: rejected lists point at each bad entry', () => {
  it.each(rejected)('$name', ({ text, errors }) => {
    expect(parseTargets(text)).toEqual({ ok: false, errors });
  });

  it('never echoes an External ID in an error', () => {
    const secret = 'super secret external id';
    const result = parseTargets(JSON.stringify([{ arn: 'arn:aws:iam::1:role/x', external_id: secret }]));
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
