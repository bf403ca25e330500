/**
 * What the bot needs from the outside world: the parts of core's store and job queue it uses, and the Slack
 * Web API calls it makes (Bolt's WebClient fits through slack-client.ts; tests pass plain objects). Handlers
 * depend on these and nothing else.
 */

import type { JobQueue, ScanHandler, Store } from '../core/index.ts';

export type {
  AuditEntry,
  AuditResult,
  Connection,
  ConnectionStatus,
  ConnectionSummary,
  EnqueueScanResult,
  NewAuditEntry,
  ScanJob,
  ScanRequest,
} from '../core/index.ts';

/** The connections, their secrets sealed at rest: the part of core's store the bot uses. */
export type ConnectionStore = Pick<
  Store,
  | 'createConnection'
  | 'getConnection'
  | 'listConnections'
  | 'updateStatus'
  | 'rotateExternalId'
  | 'deleteConnection'
>;

/** The append-only audit log. */
export type AuditLog = Pick<Store, 'appendAudit' | 'listAudit'>;

/** Queues scans (one queued or running per connection). */
export type ScanQueue = Pick<JobQueue, 'enqueueScan'>;

/** Runs one scan job; throwing fails the attempt (it is retried). */
export type ScanJobHandler = ScanHandler;

/** A message to post. Blocks are Block Kit objects from core/report. */
export interface PostMessage {
  /** Channel id. */
  channel: string;
  /** Fallback text. */
  text: string;
  /** Block Kit blocks. */
  blocks?: readonly object[];
  /** Reply in this thread. */
  thread_ts?: string;
}

/** A file to upload into a channel (Slack's files.uploadV2 flow). */
export interface UploadFile {
  /** Channel id. */
  channel_id: string;
  /** Into this thread. */
  thread_ts?: string;
  /** File name, e.g. `axiom-prod-2026-01-01.txt`. */
  filename: string;
  /** File content. */
  content: string;
  /** Title shown in Slack. */
  title: string;
  /** Message posted with the file. */
  initial_comment?: string;
}

/** The Slack Web API calls the bot makes: the subset of Bolt's WebClient it uses. */
export interface SlackClient {
  /** `views.*`. */
  views: {
    /** Opens a modal; the trigger id is valid for 3 seconds. */
    open(args: { trigger_id: string; view: object }): Promise<unknown>;
  };
  /** `chat.*`. */
  chat: {
    /** Posts a message. */
    postMessage(args: PostMessage): Promise<{ ts?: string | undefined }>;
  };
  /** Uploads a file (files.getUploadURLExternal, the upload, files.completeUploadExternal). */
  filesUploadV2(args: UploadFile): Promise<unknown>;
}

/** An ephemeral or in-channel reply through the command's response_url, as Bolt's `respond` sends it. */
export interface SlackReply {
  /** Fallback text. */
  text: string;
  /** Block Kit blocks. */
  blocks?: readonly object[];
  /** Who sees it (default ephemeral: only the user who ran the command). */
  response_type?: 'ephemeral' | 'in_channel';
  /** Replace the message the action came from. */
  replace_original?: boolean;
}

/** Acknowledges a request within Slack's 3 seconds, optionally with an immediate ephemeral reply. */
export type Ack = (reply?: string | SlackReply) => Promise<void>;

/** Replies through the response_url. */
export type Respond = (reply: string | SlackReply) => Promise<unknown>;
