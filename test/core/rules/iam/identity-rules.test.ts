import { describe, expect, it } from 'vitest';
import { IDENTITY_RULES } from '../../../../core/rules/identity-rules.ts';
import { createIamCollector } from '../../../../core/scan/collectors/iam.ts';
import { findingsOf, iamInventory } from './iam-fixtures.ts';

describe('IDENTITY_RULES', () => {
  it('has unique aws.iam.<kebab> ids, global scope and complete rule text', () => {
    const ids = IDENTITY_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of IDENTITY_RULES) {
      expect(rule.id).toMatch(/^aws\.iam\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.service).toBe('iam');
      expect(rule.scope).toBe('global');
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.remediation.length).toBeGreaterThan(40);
    }
  });

  it('requires only operations the IAM collector calls, so coverage can name them', () => {
    const collected = new Set(createIamCollector().operations.map((operation) => operation.operation));
    for (const rule of IDENTITY_RULES) {
      expect(rule.requires.length).toBeGreaterThan(0);
      for (const input of rule.requires) {
        expect(input.service).toBe('iam');
        expect(collected, `${rule.id} requires ${input.operation}`).toContain(input.operation);
      }
    }
  });

  it('finds nothing, and does not throw, when IAM was not collected at all', () => {
    for (const rule of IDENTITY_RULES) expect(findingsOf(rule, iamInventory({}))).toEqual([]);
  });
});
