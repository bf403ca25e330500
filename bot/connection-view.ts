/**
 * How connections appear to people and who may see or scan them. Deny by default: a connection is scanned
 * only in the channels listed for it; outside them, only admins see that it exists.
 */
import { escapeMrkdwn } from '../core/index.ts';
import type { ConnectionStatus, ConnectionSummary } from './ports.ts';

/**
 * Marks a connection whose role turned out to do more than read: stored as its last error, so the health
 * check re-runs the full verification (not just AssumeRole) and scans are refused until the role is fixed.
 */
export const HALTED_PREFIX = 'Onboarding halted: ';

/** Whether onboarding stopped because the role can do more than read. */
export function isHalted(connection: Pick<ConnectionSummary, 'status' | 'lastError'>): boolean {
  return connection.status === 'disconnected' && (connection.lastError?.startsWith(HALTED_PREFIX) ?? false);
}

/** Whether `connection` may be scanned from `channelId`. */
export function mayScanIn(
  connection: Pick<ConnectionSummary, 'allowedChannelIds'>,
  channelId: string,
): boolean {
  return connection.allowedChannelIds.includes(channelId);
}

/** The connections a user may see from a channel: all for admins, else those scannable there. */
export function visibleConnections(
  connections: readonly ConnectionSummary[],
  channelId: string,
  admin: boolean,
): ConnectionSummary[] {
  return admin ? [...connections] : connections.filter((connection) => mayScanIn(connection, channelId));
}

/** `2026-01-31 14:05 UTC`. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `<#C0123>` for each channel, or a note that there is none. */
export function channelList(ids: readonly string[]): string {
  return ids.length === 0 ? '_no channel yet_' : ids.map((id) => `<#${escapeMrkdwn(id)}>`).join(', ');
}

const STATUS_MARK: Record<ConnectionStatus, string> = {
  connected: '🟢 connected',
  disconnected: '🔴 disconnected',
  unknown: '⚪ not checked yet',
};

/** One connection's status line: state, since when, and the last error. */
export function statusLine(connection: ConnectionSummary): string {
  const state = isHalted(connection) ? '🛑 onboarding halted' : STATUS_MARK[connection.status];
  const since = connection.status === 'unknown' ? '' : ` since ${formatTime(connection.statusSince)}`;
  const checked =
    connection.lastCheckedAt === undefined ? '' : ` (checked ${formatTime(connection.lastCheckedAt)})`;
  const error =
    connection.status !== 'connected' && connection.lastError !== undefined
      ? `\n    ${escapeMrkdwn(connection.lastError)}`
      : '';
  return `*${escapeMrkdwn(connection.name)}*: ${state}${since}${checked}${error}`;
}

/** One connection's line in `list`: status, regions, channels. */
export function listLine(connection: ConnectionSummary): string {
  const state = isHalted(connection) ? '🛑 onboarding halted' : STATUS_MARK[connection.status];
  return `*${escapeMrkdwn(connection.name)}* · ${state} · ${escapeMrkdwn(connection.regions.join(', '))} · scans in ${channelList(connection.allowedChannelIds)}`;
}
