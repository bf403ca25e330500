import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../bot/app.ts';
import { SLASH_COMMAND } from '../../bot/listeners/commands/index.ts';

const manifest = parse(readFileSync(join(import.meta.dirname, '..', '..', 'bot', 'manifest.yml'), 'utf8'));

describe('bot/manifest.yml', () => {
  it('declares the slash command and interactivity on the path the receiver serves', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(new URL(command.url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('asks for exactly the scopes the bot uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'chat:write.public',
      'commands',
      'files:write',
    ]);
  });
});
