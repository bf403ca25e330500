/**
 * The part of Slack's Block Kit that Axiom renders, typed locally as plain objects: core never imports
 * `@slack/*`, and the adapter posts these objects as they are. Field names are Slack's wire names.
 */

/** Plain text, as headers, labels and buttons take it. */
export interface PlainText {
  /** Always 'plain_text'. */
  type: 'plain_text';
  /** The text. */
  text: string;
  /** Whether `:emoji:` codes are rendered. */
  emoji?: boolean;
}

/** Slack's Markdown dialect ("mrkdwn"): `*bold*`, `_italic_`, `` `code` ``, `<url|label>`. */
export interface MrkdwnText {
  /** Always 'mrkdwn'. */
  type: 'mrkdwn';
  /** The text, with `&`, `<` and `>` escaped except in links Axiom writes. */
  text: string;
}

/** A large bold line at the top of a message or modal. */
export interface HeaderBlock {
  /** Always 'header'. */
  type: 'header';
  /** The text, at most 150 characters. */
  text: PlainText;
}

/** A button: opens a URL, or sends an action to the app with its value. */
export interface ButtonElement {
  /** Always 'button'. */
  type: 'button';
  /** The id the app's action listener matches. */
  action_id: string;
  /** The label, at most 75 characters. */
  text: PlainText;
  /** Sent back to the app when clicked, at most 2,000 characters. */
  value?: string;
  /** Opened in the browser when clicked. */
  url?: string;
  /** Colour. */
  style?: 'primary' | 'danger';
}

/** Text, optionally with up to ten short fields shown in two columns and one accessory. */
export interface SectionBlock {
  /** Always 'section'. */
  type: 'section';
  /** The block's id, for updates and validation errors. */
  block_id?: string;
  /** The text, at most 3,000 characters. */
  text?: MrkdwnText;
  /** Up to ten fields of at most 2,000 characters each. */
  fields?: MrkdwnText[];
  /** A button beside the text. */
  accessory?: ButtonElement;
}

/** A horizontal rule. */
export interface DividerBlock {
  /** Always 'divider'. */
  type: 'divider';
}

/** Small grey text: metadata. */
export interface ContextBlock {
  /** Always 'context'. */
  type: 'context';
  /** Up to ten elements. */
  elements: MrkdwnText[];
}

/** A row of buttons. */
export interface ActionsBlock {
  /** Always 'actions'. */
  type: 'actions';
  /** The block's id. */
  block_id?: string;
  /** Up to 25 buttons. */
  elements: ButtonElement[];
}

/** A one-line or multi-line text field in a modal. */
export interface PlainTextInputElement {
  /** Always 'plain_text_input'. */
  type: 'plain_text_input';
  /** The id of the value in the submission's state. */
  action_id: string;
  /** Pre-filled value. */
  initial_value?: string;
  /** Grey text shown while empty, at most 150 characters. */
  placeholder?: PlainText;
  /** A multi-line box. */
  multiline?: boolean;
  /** Longest value accepted. */
  max_length?: number;
}

/** A picker of several channels (public and private) in a modal. */
export interface MultiConversationsSelectElement {
  /** Always 'multi_conversations_select'. */
  type: 'multi_conversations_select';
  /** The id of the value in the submission's state. */
  action_id: string;
  /** Pre-selected channel ids. */
  initial_conversations?: string[];
  /** Grey text shown while empty. */
  placeholder?: PlainText;
  /** Which conversations may be picked. */
  filter?: {
    /** Kinds of conversation offered. */
    include: ('public' | 'private')[];
    /** Leaves bot users out. */
    exclude_bot_users?: boolean;
  };
}

/** A labelled input in a modal; its value arrives in the submission's `view.state.values[block_id]`. */
export interface InputBlock {
  /** Always 'input'. */
  type: 'input';
  /** The id validation errors are reported against. */
  block_id: string;
  /** The label, at most 2,000 characters. */
  label: PlainText;
  /** Help text under the input, at most 2,000 characters. */
  hint?: PlainText;
  /** Whether it may be left empty. */
  optional?: boolean;
  /** The input itself. */
  element: PlainTextInputElement | MultiConversationsSelectElement;
}

/** A block a message may hold. */
export type MessageBlock = HeaderBlock | SectionBlock | DividerBlock | ContextBlock | ActionsBlock;

/** A block a modal may hold. */
export type ModalBlock = MessageBlock | InputBlock;

/** A message: notification text (also what screen readers and clients without blocks show) and its blocks. */
export interface SlackMessage {
  /** Plain fallback text, one or two sentences. */
  text: string;
  /** At most 50 blocks. */
  blocks: MessageBlock[];
}

/** A modal view, as `views.open` takes it. */
export interface ModalView {
  /** Always 'modal'. */
  type: 'modal';
  /** The id the app's view listener matches on submission. */
  callback_id: string;
  /** The title, at most 24 characters. */
  title: PlainText;
  /** The submit button's label, at most 24 characters. */
  submit?: PlainText;
  /** The close button's label, at most 24 characters. */
  close?: PlainText;
  /** Returned with the submission, at most 3,000 characters. */
  private_metadata?: string;
  /** At most 100 blocks. */
  blocks: ModalBlock[];
}

/** Slack's limits that the renderers stay within (from the Block Kit reference). */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in one modal. */
  modalBlocks: 100,
  /** Characters of a section's text. */
  sectionText: 3000,
  /** Fields of one section. */
  sectionFields: 10,
  /** Characters of one section field. */
  fieldText: 2000,
  /** Characters of a header. */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10,
  /** Characters of a modal's title, submit and close labels. */
  modalTitle: 24,
  /** Characters of a modal's private metadata. */
  privateMetadata: 3000,
  /** Characters of an input's label or hint. */
  inputLabel: 2000,
  /** Characters of an input's placeholder. */
  placeholder: 150,
  /** Characters of a button's label. */
  buttonText: 75,
  /** Characters of a button's value. */
  buttonValue: 2000,
  /** Characters of a message's fallback text that Slack keeps. */
  messageText: 40_000,
} as const;
