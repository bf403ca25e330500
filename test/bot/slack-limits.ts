/** Checks rendered Block Kit against every limit Slack enforces (Slack rejects a whole message that breaks one). */
import { expect } from 'vitest';
import { type MessageBlock, type ModalView, SLACK_LIMITS } from '../../core/index.ts';

/** Every block of a message within Slack's limits. */
export function expectWithinSlackLimits(
  blocks: readonly MessageBlock[],
  maxBlocks: number = SLACK_LIMITS.messageBlocks,
): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const block of blocks) {
    if (block.type === 'section') {
      expect(block.text === undefined && block.fields === undefined).toBe(false);
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
        for (const field of block.fields)
          expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      }
      if (block.accessory?.url !== undefined) expect(block.accessory.url.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === 'context')
      expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
  }
}

/** A modal within Slack's limits. */
export function expectModalWithinSlackLimits(view: ModalView): void {
  expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
  if (view.submit) expect(view.submit.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
  if (view.close) expect(view.close.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
  expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.privateMetadata);
  const messageBlocks = view.blocks.filter((block): block is MessageBlock => block.type !== 'input');
  expectWithinSlackLimits(messageBlocks, SLACK_LIMITS.modalBlocks);
  expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.modalBlocks);
  for (const block of view.blocks)
    if (block.type === 'input') expect(block.label.text.length).toBeLessThanOrEqual(SLACK_LIMITS.inputLabel);
}
