import { describe, expect, it } from 'vitest';
import { parseRoleArn, ROLE_ARN_EXAMPLE, type RoleArn } from '../../../core/connect/role-arn.ts';

const valid: { name: string; text: string; arn: RoleArn }[] = [
  {
    name: 'a plain role',
    text: 'arn:aws:iam::123456789012:role/axiom-readonly',
    arn: {
      partition: 'aws',
      accountId: '123456789012',
      path: '/',
      roleName: 'axiom-readonly',
      arn: 'arn:aws:iam::123456789012:role/axiom-readonly',
    },
  },
  {
    name: 'a role with a path',
    text: 'arn:aws:iam::123456789012:role/service-role/teams/Axiom_Reader',
    arn: {
      partition: 'aws',
      accountId: '123456789012',
      path: '/service-role/teams/',
      roleName: 'Axiom_Reader',
      arn: 'arn:aws:iam::123456789012:role/service-role/teams/Axiom_Reader',
    },
  },
  {
    name: 'China partition',
    text: 'arn:aws-cn:iam::210987654321:role/r',
    arn: {
      partition: 'aws-cn',
      accountId: '210987654321',
      path: '/',
      roleName: 'r',
      arn: 'arn:aws-cn:iam::210987654321:role/r',
    },
  },
  {
    name: 'GovCloud partition, every allowed name character',
    text: 'arn:aws-us-gov:iam::111111111111:role/a+b=c,d.e@f_g-h',
    arn: {
      partition: 'aws-us-gov',
      accountId: '111111111111',
      path: '/',
      roleName: 'a+b=c,d.e@f_g-h',
      arn: 'arn:aws-us-gov:iam::111111111111:role/a+b=c,d.e@f_g-h',
    },
  },
  {
    name: 'surrounding whitespace and a trailing newline from a paste',
    text: '  arn:aws:iam::123456789012:role/axiom-readonly\n',
    arn: {
      partition: 'aws',
      accountId: '123456789012',
      path: '/',
      roleName: 'axiom-readonly',
      arn: 'arn:aws:iam::123456789012:role/axiom-readonly',
    },
  },
  {
    name: 'a 64-character name',
    text: `arn:aws:iam::123456789012:role/${'n'.repeat(64)}`,
    arn: {
      partition: 'aws',
      accountId: '123456789012',
      path: '/',
      roleName: 'n'.repeat(64),
      arn: `arn:aws:iam::123456789012:role/${'n'.repeat(64)}`,
    },
  },
];

describe('parseRoleArn: valid role ARNs', () => {
  it.each(valid)('$name', ({ text, arn }) => {
    expect(parseRoleArn(text)).toEqual({ ok: true, arn });
  });
});

const invalid: { name: string; text: string; says: string }[] = [
  { name: 'empty', text: '   ', says: 'the role ARN is empty' },
  {
    name: 'a space inside',
    text: 'arn:aws:iam::123456789012:role/axiom readonly',
    says: 'contains whitespace',
  },
  {
    name: 'a line break inside',
    text: 'arn:aws:iam::123456789012:\nrole/axiom-readonly',
    says: 'contains whitespace',
  },
  { name: 'wrapped in quotes', text: '"arn:aws:iam::123456789012:role/x"', says: 'wrapped in quotes' },
  { name: 'a bare account id', text: '123456789012', says: 'is an account id, not a role ARN' },
  { name: 'a bare role name', text: 'axiom-readonly', says: 'does not start with "arn:"' },
  { name: 'too few parts', text: 'arn:aws:iam::123456789012', says: 'has 5 colon-separated parts' },
  {
    name: 'unknown partition',
    text: 'arn:aws-eu:iam::123456789012:role/x',
    says: 'the partition "aws-eu" is not one of aws, aws-cn, aws-us-gov',
  },
  {
    name: 'an assumed-role session ARN',
    text: 'arn:aws:sts::123456789012:assumed-role/axiom-readonly/session-1',
    says: "is an assumed-role session ARN (what GetCallerIdentity returns), not the role's ARN; use the role ARN from the IAM console, e.g. arn:aws:iam::123456789012:role/axiom-readonly",
  },
  {
    name: 'another service',
    text: 'arn:aws:s3:::my-bucket/role/x',
    says: 'the service is "s3"; a role ARN has "iam"',
  },
  {
    name: 'a region',
    text: 'arn:aws:iam:us-east-1:123456789012:role/x',
    says: 'IAM ARNs have no region, but this one has "us-east-1"',
  },
  {
    name: 'an 11-digit account',
    text: 'arn:aws:iam::12345678901:role/axiom-readonly',
    says: 'the account id must be 12 digits, got "12345678901" (11 digits)',
  },
  { name: 'a 13-digit account', text: 'arn:aws:iam::1234567890123:role/x', says: '(13 digits)' },
  {
    name: 'an account with letters (a placeholder left in)',
    text: 'arn:aws:iam::AXIOM_ACCOUNT_ID:role/x',
    says: 'the account id must be 12 digits, got "AXIOM_ACCOUNT_ID"',
  },
  {
    name: 'a user ARN',
    text: 'arn:aws:iam::123456789012:user/alice',
    says: 'is an IAM user ARN; Axiom needs the ARN of a role',
  },
  { name: 'a policy ARN', text: 'arn:aws:iam::123456789012:policy/ReadOnly', says: 'is an IAM policy ARN' },
  { name: 'the account root', text: 'arn:aws:iam::123456789012:root', says: 'is an account root ARN' },
  {
    name: 'missing role/',
    text: 'arn:aws:iam::123456789012:axiom-readonly',
    says: '"role/" is missing before the role name (found "axiom-readonly")',
  },
  {
    name: 'role with no name',
    text: 'arn:aws:iam::123456789012:role/',
    says: "the role name is missing after 'role/'",
  },
  {
    name: 'role without slash',
    text: 'arn:aws:iam::123456789012:role',
    says: "the role name is missing after 'role/'",
  },
  {
    name: 'a trailing slash',
    text: 'arn:aws:iam::123456789012:role/ops/',
    says: 'the role name is missing (the ARN ends with "/")',
  },
  {
    name: 'a 65-character name',
    text: `arn:aws:iam::123456789012:role/${'n'.repeat(65)}`,
    says: 'the role name is 65 characters long; IAM allows at most 64',
  },
  {
    name: 'a character IAM does not allow',
    text: 'arn:aws:iam::123456789012:role/axiom#readonly',
    says: 'the role name "axiom#readonly" contains "#"',
  },
  {
    name: 'an empty path segment only',
    text: 'arn:aws:iam::123456789012:role//x',
    says: 'the role path "//" is not valid',
  },
  {
    name: 'a non-ASCII path',
    text: 'arn:aws:iam::123456789012:role/équipe/x',
    says: 'the role path "/équipe/" is not valid',
  },
  {
    name: 'a path over 512 characters',
    text: `arn:aws:iam::123456789012:role/${'p'.repeat(511)}/x`,
    says: 'the role path is 513 characters long',
  },
];

describe('parseRoleArn: what is wrong, in words', () => {
  it.each(invalid)('$name', ({ text, says }) => {
    const result = parseRoleArn(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(says);
    expect(result.error).toContain(says);
    expect(result.error).toContain(`Expected a role ARN like ${ROLE_ARN_EXAMPLE}`);
  });
});
